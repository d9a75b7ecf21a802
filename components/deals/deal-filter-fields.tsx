"use client";

// The /deals filter form's fields, drawn from the plain state DealFilterForm computes on the server. A client component
// because a server component's markup reaches the browser twice (HTML and React's payload) and this form was a sixth
// of /deals; as props it travels as this short state once beside its HTML. It works without JavaScript all the same.
import Link from "next/link";
import { NameFilterField } from "@/components/search/name-filter-field";
import { GetForm } from "@/components/ui/get-form";
import { DEAL_KINDS, DEAL_STATUSES, KIND_LABELS, STATUS_LABELS, type DealKind, type DealStatus } from "@/lib/domain";
import type { DealSort } from "@/lib/filters/deal-filters";

/** What the form shows: every value already written as its field shows it. */
export type DealFilterFormState = {
  /** Parameters of the view the form does not show (view, group, pageSize, asOf), kept as hidden fields. */
  hidden: [string, string][];
  defaultSort: DealSort;
  q: string;
  /** The investors' and the recipient's names as the fields show them. */
  investors: string;
  recipient: string;
  kinds: DealKind[];
  statuses: DealStatus[];
  from: string;
  to: string;
  /** A bound as typed back ("1,250,000,000") and as understood ("$1,250,000,000"). */
  min: { text: string; exact: string } | null;
  max: { text: string; exact: string } | null;
  amountExamples: string;
  sort: DealSort;
  sorts: DealSort[];
  clearHref: string;
};

const SORT_LABELS: Record<DealSort, string> = {
  date_desc: "Newest first",
  date_asc: "Oldest first",
  amount_desc: "Largest amount first",
  amount_asc: "Smallest amount first",
};

// field, check and hint are short classes of app/globals.css.
const FIELD = "field";
const LABEL = "block text-sm font-medium";
const BOX = "check";

export function DealFilterFields({ form }: { form: DealFilterFormState }) {
  return (
    <GetForm action="/deals" defaults={{ sort: form.defaultSort }} label="Filter deals" className="space-y-4">
      {form.hidden.map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}

      <div>
        <label htmlFor="filter-q" className={LABEL}>
          Search
        </label>
        <input
          id="filter-q"
          type="search"
          name="q"
          defaultValue={form.q}
          maxLength={200}
          placeholder="Name, round or summary"
          className={FIELD}
        />
      </div>

      <NameFilterField side="investor" idPrefix="filter" value={form.investors} labelClassName={LABEL} fieldClassName={FIELD} />
      <NameFilterField side="recipient" idPrefix="filter" value={form.recipient} labelClassName={LABEL} fieldClassName={FIELD} />

      <fieldset>
        <legend className={LABEL}>Kind</legend>
        <div className="mt-1 grid grid-cols-1 gap-0.5 text-sm">
          {DEAL_KINDS.map((kind) => (
            <div key={kind} className="flex items-center gap-2">
              <input
                id={`kind-${kind}`}
                type="checkbox"
                name="kind"
                value={kind}
                defaultChecked={form.kinds.includes(kind)}
                className={BOX}
              />
              <label htmlFor={`kind-${kind}`}>{KIND_LABELS[kind]}</label>
            </div>
          ))}
        </div>
      </fieldset>

      <fieldset>
        <legend className={LABEL}>Status</legend>
        <div className="mt-1 grid grid-cols-2 gap-0.5 text-sm">
          {DEAL_STATUSES.map((status) => (
            <div key={status} className="flex items-center gap-2">
              <input
                id={`status-${status}`}
                type="checkbox"
                name="status"
                value={status}
                defaultChecked={form.statuses.includes(status)}
                className={BOX}
              />
              <label htmlFor={`status-${status}`}>{STATUS_LABELS[status]}</label>
            </div>
          ))}
        </div>
      </fieldset>

      <fieldset>
        <legend className={LABEL}>Announced</legend>
        <div className="grid grid-cols-2 gap-2">
          <div>
            <label htmlFor="filter-from" className="block text-sm">
              From
            </label>
            <input id="filter-from" type="date" name="from" defaultValue={form.from} className={FIELD} />
          </div>
          <div>
            <label htmlFor="filter-to" className="block text-sm">
              To
            </label>
            <input id="filter-to" type="date" name="to" defaultValue={form.to} className={FIELD} />
          </div>
        </div>
      </fieldset>

      <fieldset>
        <legend className={LABEL}>Amount, US dollars</legend>
        <p id="amount-hint" className="hint">
          Written as you would: {form.amountExamples}. The low figure, or the “up to” one; undisclosed amounts match no bound.
        </p>
        <div className="grid grid-cols-2 gap-2">
          <div>
            <label htmlFor="filter-min" className="block text-sm">
              Minimum
            </label>
            <input
              id="filter-min"
              type="text"
              name="min"
              autoComplete="off"
              spellCheck={false}
              aria-describedby={form.min ? "amount-hint amount-min-understood" : "amount-hint"}
              defaultValue={form.min?.text ?? ""}
              className={FIELD}
            />
            {form.min ? (
              <p id="amount-min-understood" className="hint">
                Understood: {form.min.exact}
              </p>
            ) : null}
          </div>
          <div>
            <label htmlFor="filter-max" className="block text-sm">
              Maximum
            </label>
            <input
              id="filter-max"
              type="text"
              name="max"
              autoComplete="off"
              spellCheck={false}
              aria-describedby={form.max ? "amount-hint amount-max-understood" : "amount-hint"}
              defaultValue={form.max?.text ?? ""}
              className={FIELD}
            />
            {form.max ? (
              <p id="amount-max-understood" className="hint">
                Understood: {form.max.exact}
              </p>
            ) : null}
          </div>
        </div>
      </fieldset>

      <div>
        <label htmlFor="filter-sort" className={LABEL}>
          Order
        </label>
        <select id="filter-sort" name="sort" defaultValue={form.sort} className={FIELD}>
          {form.sorts.map((sort) => (
            <option key={sort} value={sort}>
              {SORT_LABELS[sort]}
            </option>
          ))}
        </select>
      </div>

      <div className="flex flex-wrap items-center gap-3">
        <button
          type="submit"
          className="rounded bg-blue-700 px-4 py-2 text-sm font-medium text-white hover:bg-blue-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600"
        >
          Apply filters
        </button>
        <Link href={form.clearHref} className="text-link text-sm">
          Clear filters
        </Link>
      </div>
    </GetForm>
  );
}
