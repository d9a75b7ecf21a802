import Link from "next/link";
import type { DealFilterOptions } from "@/lib/data/deal-filter-options";
import { DEAL_KINDS, DEAL_STATUSES, KIND_LABELS, STATUS_LABELS } from "@/lib/domain";
import { DEAL_SORTS, DEFAULT_DEAL_FILTERS, type DealFilters, type DealSort } from "@/lib/filters/deal-filters";
import { DEFAULT_DEAL_PAGE_VIEW, type DealPageView } from "@/lib/filters/deal-page-view";
import { GetForm } from "@/components/ui/get-form";
import { SuggestionCombobox } from "@/components/search/suggestion-combobox";
import { AMOUNT_EXAMPLES, formatAmountInput } from "@/lib/filters/amount-input";
import { formatUsdExact } from "@/lib/format";

const SORT_LABELS: Record<DealSort, string> = {
  date_desc: "Newest first",
  date_asc: "Oldest first",
  amount_desc: "Largest amount first",
  amount_asc: "Smallest amount first",
};

const FIELD =
  "mt-1 block w-full rounded border border-gray-300 bg-white px-2 py-1.5 text-sm focus-visible:outline-2 focus-visible:outline-blue-600 dark:border-gray-700 dark:bg-gray-900";
const LABEL = "block text-sm font-medium";
const BOX = "h-4 w-4 rounded border-gray-400 accent-blue-700 focus-visible:outline-2 focus-visible:outline-blue-600";

/**
 * The /deals filters as a GET form: submitting it loads /deals with the filters in the URL, so it works without
 * JavaScript and every result can be bookmarked. Paging starts over on every change.
 */
export function DealFilterForm({
  filters,
  pageView,
  options,
  clearHref,
}: {
  filters: DealFilters;
  pageView: DealPageView;
  options: DealFilterOptions;
  clearHref: string;
}) {
  // The fields show the chosen organizations' names (the server resolves names back to slugs); a name holding a
  // comma, or a slug that names no organization, is shown as the slug.
  const names = new Map([...options.investors, ...options.recipients].map((o) => [o.slug, o.name]));
  const nameOf = (slug: string) => {
    const name = names.get(slug);
    return name && !name.includes(",") ? name : slug;
  };
  return (
    <GetForm action="/deals" defaults={{ sort: DEFAULT_DEAL_FILTERS.sort }} label="Filter deals" className="space-y-4">
      {pageView.view !== DEFAULT_DEAL_PAGE_VIEW.view ? <input type="hidden" name="view" value={pageView.view} /> : null}
      {pageView.group !== DEFAULT_DEAL_PAGE_VIEW.group ? <input type="hidden" name="group" value={pageView.group} /> : null}
      {filters.pageSize !== DEFAULT_DEAL_FILTERS.pageSize ? <input type="hidden" name="pageSize" value={filters.pageSize} /> : null}
      {filters.asOf ? <input type="hidden" name="asOf" value={filters.asOf} /> : null}

      <div>
        <label htmlFor="filter-q" className={LABEL}>
          Search
        </label>
        <input
          id="filter-q"
          type="search"
          name="q"
          defaultValue={filters.q ?? ""}
          maxLength={200}
          placeholder="Name, round or summary"
          className={FIELD}
        />
      </div>

      <div>
        <label htmlFor="filter-investor" className={LABEL}>
          Investors
        </label>
        <p id="investor-hint" className="text-xs text-gray-600 dark:text-gray-400">
          Names, aliases or page-address names, separated by commas (Amazon, QIA): deals of any of them; suggestions follow what you type.
          Empty for any.
        </p>
        <SuggestionCombobox
          inputId="filter-investor"
          name="investor"
          onChoose="fill"
          list
          defaultValue={filters.investors.map(nameOf).join(", ")}
          maxLength={500}
          placeholder="Any investor"
          describedBy="investor-hint"
          className={FIELD}
        />
      </div>

      <div>
        <label htmlFor="filter-recipient" className={LABEL}>
          Recipient
        </label>
        <p id="recipient-hint" className="text-xs text-gray-600 dark:text-gray-400">
          Its name, an alias or its page-address name (OpenAI, Anysphere). Empty for any.
        </p>
        <SuggestionCombobox
          inputId="filter-recipient"
          name="recipient"
          onChoose="fill"
          defaultValue={filters.recipient ? nameOf(filters.recipient) : ""}
          maxLength={100}
          placeholder="Any recipient"
          describedBy="recipient-hint"
          className={FIELD}
        />
      </div>

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
                defaultChecked={filters.kinds.includes(kind)}
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
                defaultChecked={filters.statuses.includes(status)}
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
            <input id="filter-from" type="date" name="from" defaultValue={filters.from ?? ""} className={FIELD} />
          </div>
          <div>
            <label htmlFor="filter-to" className="block text-sm">
              To
            </label>
            <input id="filter-to" type="date" name="to" defaultValue={filters.to ?? ""} className={FIELD} />
          </div>
        </div>
      </fieldset>

      <fieldset>
        <legend className={LABEL}>Amount, US dollars</legend>
        <p id="amount-hint" className="text-xs text-gray-600 dark:text-gray-400">
          Written as you would: {AMOUNT_EXAMPLES}. The low figure, or the “up to” one; undisclosed amounts match no bound.
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
              aria-describedby={filters.min !== null ? "amount-hint amount-min-understood" : "amount-hint"}
              defaultValue={filters.min !== null ? formatAmountInput(filters.min) : ""}
              className={FIELD}
            />
            {filters.min !== null ? (
              <p id="amount-min-understood" className="text-xs text-gray-600 dark:text-gray-400">
                Understood: {formatUsdExact(filters.min)}
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
              aria-describedby={filters.max !== null ? "amount-hint amount-max-understood" : "amount-hint"}
              defaultValue={filters.max !== null ? formatAmountInput(filters.max) : ""}
              className={FIELD}
            />
            {filters.max !== null ? (
              <p id="amount-max-understood" className="text-xs text-gray-600 dark:text-gray-400">
                Understood: {formatUsdExact(filters.max)}
              </p>
            ) : null}
          </div>
        </div>
      </fieldset>

      <div>
        <label htmlFor="filter-sort" className={LABEL}>
          Order
        </label>
        <select id="filter-sort" name="sort" defaultValue={filters.sort} className={FIELD}>
          {DEAL_SORTS.map((sort) => (
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
        <Link
          href={clearHref}
          className="rounded text-sm text-blue-700 underline focus-visible:outline-2 focus-visible:outline-blue-600 dark:text-blue-400"
        >
          Clear filters
        </Link>
      </div>
    </GetForm>
  );
}
