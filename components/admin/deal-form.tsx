"use client";

import Link from "next/link";
import { useActionState } from "react";
import { IDLE } from "@/lib/actions/action-state";
import { deleteDeal } from "@/lib/actions/deals/delete-deal";
import { saveDeal, type DuplicateFormData } from "@/lib/actions/deals/save-deal";
import { AMOUNT_QUALIFIERS, DEAL_KINDS, DEAL_STATUSES, KIND_LABELS, STATUS_LABELS } from "@/lib/domain";
import { BUTTON, FormMessage, SECONDARY_BUTTON, SelectField, TextArea, TextField } from "./field";

const LABELS: Record<string, string> = {
  announced_on: "Announced or first reported",
  investors: "Investors",
  recipient: "Recipient",
  kind: "Kind",
  status: "Status",
  round: "Round",
  round_key: "Part of the round (key)",
  amount_usd_low: "Low amount (USD)",
  amount_usd_high: "High amount (USD)",
  amount_qualifier: "Amount qualifier",
  original_currency: "Original currency",
  original_amount: "Original amount",
  post_money_valuation_usd: "Post-money valuation (USD)",
  stake_pct: "Stake (%)",
  summary: "Summary",
};

export function DealForm({
  dealId,
  version,
  initial,
  organizationNames,
  roundChoices = [],
  roundEditHref = null,
}: {
  dealId: number | null;
  version: number | null;
  initial: Record<string, string>;
  organizationNames: string[];
  /** Rounds an editor can pick by key (lib/data/admin.ts listRoundChoices). */
  roundChoices?: { key: string; label: string }[];
  /** The editor's page of the deal's Round (/admin/rounds/{id}), when it is part of one. */
  roundEditHref?: string | null;
}) {
  const [state, action, pending] = useActionState(saveDeal, IDLE);
  const [deleteState, deleteAction, deleting] = useActionState(deleteDeal, IDLE);
  const v = state.values ?? initial;
  const e = state.fieldErrors ?? {};
  const currentVersion = state.currentVersion ?? version;
  const duplicates = dealId === null ? ((state.data as DuplicateFormData | undefined)?.duplicates ?? []) : [];
  return (
    <div className="space-y-6">
      {state.status === "conflict" && state.theirs ? <ConflictTable theirs={state.theirs} yours={state.values ?? {}} /> : null}
      <form action={action} className="space-y-6" noValidate>
        {dealId !== null ? <input type="hidden" name="id" value={dealId} /> : null}
        {currentVersion !== null ? <input type="hidden" name="version" value={currentVersion} /> : null}
        <datalist id="organization-names">
          {organizationNames.map((n) => (
            <option key={n} value={n} />
          ))}
        </datalist>
        <datalist id="round-keys">
          {roundChoices.map((r) => (
            <option key={`${r.label}-${r.key}`} value={r.key} label={r.label} />
          ))}
        </datalist>
        <fieldset className="grid gap-4 sm:grid-cols-2">
          <legend className="mb-2 text-lg font-semibold">Who and when</legend>
          <TextField
            name="recipient"
            label={LABELS.recipient}
            list="organization-names"
            required
            defaultValue={v.recipient}
            errors={e.recipient}
            hint="The company receiving the money (for a compute contract: the provider)."
          />
          <TextArea
            name="investors"
            label={LABELS.investors}
            required
            rows={2}
            defaultValue={v.investors}
            errors={e.investors}
            hint="Separated by semicolons, lead first; add (lead) or (co-lead) after a name. Names and aliases of existing organizations."
          />
          <TextField
            name="announced_on"
            label={LABELS.announced_on}
            type="date"
            required
            defaultValue={v.announced_on}
            errors={e.announced_on}
          />
          <TextField name="round" label={LABELS.round} defaultValue={v.round} errors={e.round} maxLength={300} />
          <TextField
            name="round_key"
            label={LABELS.round_key}
            list="round-keys"
            defaultValue={v.round_key}
            errors={e.round_key}
            maxLength={100}
            hint={
              <>
                When this deal is a part or tranche of a larger round: pick the recipient&rsquo;s round, or type a new key to create one.
                Empty: a round of its own.
                {roundEditHref ? (
                  <>
                    {" "}
                    <Link href={roundEditHref} className="text-blue-700 underline dark:text-blue-400">
                      Edit the round&rsquo;s name, total and valuation
                    </Link>
                  </>
                ) : null}
              </>
            }
          />
          <SelectField
            name="kind"
            label={LABELS.kind}
            defaultValue={v.kind ?? "equity"}
            errors={e.kind}
            options={DEAL_KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] }))}
          />
          <SelectField
            name="status"
            label={LABELS.status}
            defaultValue={v.status ?? "announced"}
            errors={e.status}
            options={DEAL_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }))}
          />
        </fieldset>
        <fieldset className="grid gap-4 sm:grid-cols-3">
          <legend className="mb-2 text-lg font-semibold">Terms</legend>
          <SelectField
            name="amount_qualifier"
            label={LABELS.amount_qualifier}
            defaultValue={v.amount_qualifier ?? "exact"}
            errors={e.amount_qualifier}
            options={AMOUNT_QUALIFIERS.map((q) => ({ value: q, label: q.replace("_", " ") }))}
          />
          <TextField
            name="amount_usd_low"
            label={LABELS.amount_usd_low}
            inputMode="numeric"
            defaultValue={v.amount_usd_low}
            errors={e.amount_usd_low}
            hint="Whole dollars, digits only. Empty for “up to” with no floor."
          />
          <TextField
            name="amount_usd_high"
            label={LABELS.amount_usd_high}
            inputMode="numeric"
            defaultValue={v.amount_usd_high}
            errors={e.amount_usd_high}
          />
          <TextField
            name="original_currency"
            label={LABELS.original_currency}
            defaultValue={v.original_currency ?? "USD"}
            errors={e.original_currency}
            maxLength={3}
          />
          <TextField
            name="original_amount"
            label={LABELS.original_amount}
            inputMode="numeric"
            defaultValue={v.original_amount}
            errors={e.original_amount}
          />
          <TextField
            name="post_money_valuation_usd"
            label={LABELS.post_money_valuation_usd}
            inputMode="numeric"
            defaultValue={v.post_money_valuation_usd}
            errors={e.post_money_valuation_usd}
          />
          <TextField name="stake_pct" label={LABELS.stake_pct} inputMode="decimal" defaultValue={v.stake_pct} errors={e.stake_pct} />
        </fieldset>
        <TextArea name="summary" label={LABELS.summary} rows={4} defaultValue={v.summary} errors={e.summary} />
        <fieldset className="grid gap-4 sm:grid-cols-3">
          <legend className="mb-2 text-lg font-semibold">Source{dealId !== null ? " of this change" : ""}</legend>
          <TextField name="source_url" label="Source URL" type="url" inputMode="url" defaultValue={v.source_url} errors={e.source_url} />
          <TextField name="source_publisher" label="Publisher" defaultValue={v.source_publisher} errors={e.source_publisher} />
          <TextField name="source_date" label="Published on" type="date" defaultValue={v.source_date} errors={e.source_date} />
          {dealId !== null ? (
            <>
              <TextField
                name="change_date"
                label="Date of the change"
                type="date"
                defaultValue={v.change_date}
                errors={e.change_date}
                hint="Needed when the status or an amount changes: it becomes a step of the deal's lifecycle."
              />
              <div className="sm:col-span-2">
                <TextField name="change_note" label="What changed" defaultValue={v.change_note} errors={e.change_note} maxLength={1000} />
              </div>
            </>
          ) : null}
        </fieldset>
        <FormMessage status={state.status} message={state.message} />
        {duplicates.length > 0 ? <LikelyDuplicates candidates={duplicates} /> : null}
        <button type="submit" className={BUTTON} disabled={pending}>
          {pending ? "Saving…" : dealId === null ? "Create deal" : "Save changes"}
        </button>
      </form>
      {dealId !== null ? (
        <form action={deleteAction} className="border-t border-gray-200 pt-4 dark:border-gray-800">
          <input type="hidden" name="id" value={dealId} />
          <FormMessage status={deleteState.status} message={deleteState.message} />
          <button type="submit" className={SECONDARY_BUTTON} disabled={deleting}>
            Delete this deal
          </button>
          <p className="mt-1 text-xs muted">Deleting hides the deal from public pages; it can be restored from its history.</p>
        </form>
      ) : null}
    </div>
  );
}

/** The live deals a new deal looks like (lib/import/find-duplicates.ts), each linked, and the acknowledgement the save needs. */
function LikelyDuplicates({ candidates }: { candidates: DuplicateFormData["duplicates"] }) {
  return (
    <section
      aria-labelledby="duplicates-title"
      className="space-y-3 rounded border border-amber-400 bg-amber-50 p-4 dark:border-amber-700 dark:bg-amber-950"
    >
      <h2 id="duplicates-title" className="font-semibold">
        Likely duplicates
      </h2>
      <ul className="list-disc space-y-2 pl-5 text-sm">
        {candidates.map((c) =>
          c.kind === "existing" ? (
            <li key={c.dealId}>
              <Link href={`/admin/deals/${c.dealId}`} className="font-medium text-blue-800 underline dark:text-blue-300">
                Deal #{c.dealId} ({c.announcedOn}
                {c.round ? `, ${c.round}` : ""})
              </Link>
              : {c.reasons.join("; ")}
            </li>
          ) : null,
        )}
      </ul>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="create_anyway" value="1" />
        Create anyway: this is a different deal
      </label>
    </section>
  );
}

function ConflictTable({ theirs, yours }: { theirs: Record<string, string>; yours: Record<string, string> }) {
  const fields = Object.keys(LABELS).filter((k) => (theirs[k] ?? "") !== (yours[k] ?? ""));
  return (
    <section
      aria-labelledby="conflict-title"
      className="rounded border border-amber-400 bg-amber-50 p-4 dark:border-amber-700 dark:bg-amber-950"
    >
      <h2 id="conflict-title" className="font-semibold">
        Both versions
      </h2>
      <div className="mt-2 overflow-x-auto">
        <table className="min-w-full text-left text-sm">
          <thead>
            <tr>
              <th scope="col" className="pr-4">
                Field
              </th>
              <th scope="col" className="pr-4">
                Saved by someone else
              </th>
              <th scope="col">Yours</th>
            </tr>
          </thead>
          <tbody>
            {fields.map((f) => (
              <tr key={f}>
                <th scope="row" className="pr-4 font-normal">
                  {LABELS[f]}
                </th>
                <td className="pr-4">{theirs[f] || "—"}</td>
                <td>{yours[f] || "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
