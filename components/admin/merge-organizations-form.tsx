"use client";

// The admin's merge of two organizations: name them (suggestions as one types), preview what moves, then merge.
import Link from "next/link";
import { useActionState } from "react";
import { IDLE } from "@/lib/actions/action-state";
import { mergeOrganizationsAction, type MergePreview } from "@/lib/actions/organizations/merge-organizations";
import { restoreOrganizationMergeAction } from "@/lib/actions/organizations/restore-organization-merge";
import { SuggestionCombobox } from "@/components/search/suggestion-combobox";
import { BUTTON, FormMessage, SECONDARY_BUTTON } from "./field";

const FIELD =
  "mt-1 block w-full rounded border border-gray-300 bg-white px-3 py-2 text-sm text-gray-900 focus:border-blue-600 focus:outline-2 focus:outline-blue-600 dark:border-gray-700 dark:bg-gray-900 dark:text-gray-100";

function NameField({ name, label, hint, errors, value }: { name: string; label: string; hint: string; errors?: string[]; value?: string }) {
  return (
    <div>
      <label htmlFor={`merge-${name}`} className="block text-sm font-medium">
        {label}
      </label>
      <p id={`merge-${name}-hint`} className="text-xs muted">
        {hint}
      </p>
      <SuggestionCombobox
        inputId={`merge-${name}`}
        name={name}
        onChoose="fill"
        defaultValue={value ?? ""}
        maxLength={200}
        describedBy={`merge-${name}-hint`}
        className={FIELD}
      />
      {errors?.length ? (
        <ul className="mt-1 text-sm text-red-700 dark:text-red-400">
          {errors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function PreviewSummary({ preview }: { preview: MergePreview }) {
  const { keep, merge } = preview;
  return (
    <section aria-label="What the merge moves" className="space-y-2 rounded border border-gray-200 p-4 text-sm dark:border-gray-800">
      <h2 className="text-lg font-semibold">
        {merge.name} becomes an alias of {keep.name}
      </h2>
      <ul className="list-disc space-y-1 pl-5">
        <li>
          {preview.receivedDeals} deal{preview.receivedDeals === 1 ? "" : "s"} received by {merge.name} move to {keep.name}.
        </li>
        <li>
          {preview.movedParties} party row{preview.movedParties === 1 ? "" : "s"} of {merge.name} become {keep.name}’s.
        </li>
        <li>
          {preview.combinedDeals.length} deal{preview.combinedDeals.length === 1 ? " lists" : "s list"} both: one row remains (the higher
          role; the committed amounts added when both are stated, else unstated).
          {preview.combinedDeals.length > 0 ? ` ${preview.combinedDeals.map((d) => `${d.recipient} ${d.announcedOn}`).join("; ")}.` : ""}
        </li>
        <li>
          {preview.units} unit{preview.units === 1 ? "" : "s"} below {merge.name} move below {keep.name}.
        </li>
        <li>
          New aliases of {keep.name}: {preview.aliasesAdded.length > 0 ? preview.aliasesAdded.join(", ") : "none"}.
        </li>
        <li>
          /investors/{merge.slug} and /companies/{merge.slug} redirect to {keep.slug}.
        </li>
      </ul>
      {preview.dealCount > 0 ? (
        <details>
          <summary>
            The {preview.dealCount} deal{preview.dealCount === 1 ? "" : "s"} that change
          </summary>
          <ul className="mt-1 pl-5">
            {preview.deals.map((d) => (
              <li key={d.id}>
                <Link className="underline" href={`/deals/${d.id}`}>
                  Deal {d.id}: {d.recipient}, {d.announcedOn}
                </Link>
              </li>
            ))}
            {preview.dealCount > preview.deals.length ? <li>and {preview.dealCount - preview.deals.length} more</li> : null}
          </ul>
        </details>
      ) : null}
    </section>
  );
}

export function MergeOrganizationsForm() {
  const [state, action, pending] = useActionState(mergeOrganizationsAction, IDLE);
  const preview = state.status === "ok" ? (state.data as MergePreview | undefined) : undefined;
  const v = state.values ?? {};
  const e = state.fieldErrors ?? {};
  return (
    <form action={action} className="max-w-3xl space-y-4" noValidate>
      <div className="grid gap-4 sm:grid-cols-2">
        <NameField name="keep" label="Organization to keep" hint="Its name, an alias or its slug." errors={e.keep} value={v.keep} />
        <NameField
          name="merge"
          label="Organization to merge into it"
          hint="It becomes an alias of the one kept."
          errors={e.merge}
          value={v.merge}
        />
      </div>
      <FormMessage status={state.status} message={state.message} />
      {preview ? <PreviewSummary preview={preview} /> : null}
      {preview ? <input type="hidden" name="previewed" value={preview.token} /> : null}
      <div className="flex flex-wrap gap-2">
        <button type="submit" name="intent" value="preview" className={preview ? SECONDARY_BUTTON : BUTTON} disabled={pending}>
          Preview the merge
        </button>
        {preview ? (
          <button type="submit" name="intent" value="apply" className={BUTTON} disabled={pending}>
            Merge {preview.merge.name} into {preview.keep.name}
          </button>
        ) : null}
      </div>
    </form>
  );
}

export function RestoreMergeButton({ revisionId, label }: { revisionId: number; label: string }) {
  const [state, action, pending] = useActionState(restoreOrganizationMergeAction, IDLE);
  return (
    <form action={action}>
      <input type="hidden" name="revisionId" value={revisionId} />
      <button type="submit" className={SECONDARY_BUTTON} disabled={pending} aria-label={label}>
        Undo this merge
      </button>
      <FormMessage status={state.status} message={state.message} />
    </form>
  );
}
