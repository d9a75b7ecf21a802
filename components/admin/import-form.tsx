"use client";

import { useActionState } from "react";
import { IDLE } from "@/lib/actions/action-state";
import { importDeals } from "@/lib/actions/imports/import-deals";
import { formatNumber } from "@/lib/format";
import type { DuplicateFlag } from "@/lib/import/find-duplicates";
import type { ImportPreview } from "@/lib/import/import-preview";
import { BUTTON, FormMessage } from "./field";

type ImportData = { preview?: ImportPreview; csv?: string; applied?: boolean };

export function ImportForm() {
  const [state, action, pending] = useActionState(importDeals, IDLE);
  const data = (state.data ?? {}) as ImportData;
  const preview = data.preview;
  const fileErrors = state.fieldErrors?.file;
  return (
    <div className="space-y-6">
      <form action={action} className="space-y-3" encType="multipart/form-data">
        <input type="hidden" name="intent" value="preview" />
        <div>
          <label htmlFor="import-file" className="block text-sm font-medium">
            CSV file
          </label>
          <input
            id="import-file"
            name="file"
            type="file"
            accept=".csv,text/csv"
            aria-invalid={fileErrors ? true : undefined}
            aria-describedby={fileErrors ? "import-file-error" : "import-file-hint"}
            className="mt-1 block text-sm"
          />
          <p id="import-file-hint" className="mt-1 text-xs muted">
            The interchange format (docs/using.md, CSV format); at most 10 MB. Nothing is written until you confirm the preview.
          </p>
          {fileErrors ? (
            <p id="import-file-error" className="mt-1 text-sm text-red-700 dark:text-red-400">
              {fileErrors.join(" ")}
            </p>
          ) : null}
        </div>
        <button type="submit" className={BUTTON} disabled={pending}>
          {pending ? "Checking…" : "Preview import"}
        </button>
      </form>
      <FormMessage status={state.status} message={state.message} />
      {preview && !preview.ok ? (
        <section aria-labelledby="import-errors">
          <h2 id="import-errors" className="text-lg font-semibold">
            Problems to fix
          </h2>
          <div className="overflow-x-auto">
            <table className="min-w-full text-left text-sm">
              <thead>
                <tr>
                  <th scope="col" className="pr-4">
                    Line
                  </th>
                  <th scope="col" className="pr-4">
                    Field
                  </th>
                  <th scope="col">Problem</th>
                </tr>
              </thead>
              <tbody>
                {preview.errors.map((e, i) => (
                  <tr key={i}>
                    <td className="pr-4">{e.row}</td>
                    <td className="pr-4">{e.field ?? "—"}</td>
                    <td>{e.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
      {preview && preview.duplicates && preview.duplicates.length > 0 ? (
        <DuplicateList duplicates={preview.duplicates} count={preview.duplicateCount ?? preview.duplicates.length} />
      ) : null}
      {preview && preview.ok ? (
        <section aria-labelledby="import-preview" className="space-y-3">
          <h2 id="import-preview" className="text-lg font-semibold">
            {data.applied ? "Imported" : "Preview"}
          </h2>
          <p>
            {preview.create} deals to create, {preview.update} to update by id.
            {preview.newOrganizations.length > 0 ? ` New organizations: ${preview.newOrganizations.join(", ")}.` : " No new organizations."}
          </p>
          {preview.rows.length > 0 ? (
            <div className="max-h-80 overflow-auto">
              <table className="min-w-full text-left text-sm">
                <thead>
                  <tr>
                    <th scope="col" className="pr-4">
                      Line
                    </th>
                    <th scope="col" className="pr-4">
                      Action
                    </th>
                    <th scope="col" className="pr-4">
                      Date
                    </th>
                    <th scope="col" className="pr-4">
                      Kind
                    </th>
                    <th scope="col" className="pr-4">
                      Status
                    </th>
                    <th scope="col">Round</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.rows.map((r) => (
                    <tr key={r.row}>
                      <td className="pr-4">{r.row}</td>
                      <td className="pr-4">{r.id === null ? "create" : `update #${r.id}`}</td>
                      <td className="pr-4">{r.announcedOn}</td>
                      <td className="pr-4">{r.kind}</td>
                      <td className="pr-4">{r.status}</td>
                      <td>{r.round ?? "—"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
          {!data.applied && data.csv ? (
            <form action={action} className="space-y-2">
              <input type="hidden" name="intent" value="apply" />
              <input type="hidden" name="csv" value={data.csv} />
              {preview.duplicates.length > 0 ? <DuplicateChoiceField duplicates={preview.duplicates} /> : null}
              <button type="submit" className={BUTTON} disabled={pending}>
                {pending ? "Importing…" : "Apply the import"}
              </button>
            </form>
          ) : null}
        </section>
      ) : null}
      {preview && !preview.ok && preview.duplicates && data.csv ? (
        <form action={action} className="space-y-2">
          <input type="hidden" name="intent" value="apply" />
          <input type="hidden" name="csv" value={data.csv} />
          <DuplicateChoiceField duplicates={preview.duplicates} />
          <button type="submit" className={BUTTON} disabled={pending}>
            {pending ? "Importing…" : "Apply the import"}
          </button>
        </form>
      ) : null}
    </div>
  );
}

/** One choice for all the flagged rows, and a choice per row over it (`duplicate_<row>`, read by importDeals). */
function DuplicateChoiceField({ duplicates }: { duplicates: DuplicateFlag[] }) {
  return (
    <div className="space-y-3">
      <div>
        <label htmlFor="import-on-duplicate" className="block text-sm font-medium">
          Rows that look like duplicates
        </label>
        <select id="import-on-duplicate" name="onDuplicate" defaultValue="skip" className="mt-1 block rounded border px-2 py-1 text-sm">
          <option value="skip">Skip them</option>
          <option value="create">Create them anyway</option>
          <option value="fail">Import nothing</option>
        </select>
      </div>
      <fieldset className="max-h-80 space-y-1 overflow-auto text-sm">
        <legend className="font-medium">Or row by row</legend>
        {duplicates.map((flag) => (
          <div key={flag.row} className="flex items-center gap-2">
            <label htmlFor={`duplicate-${flag.row}`}>Line {flag.row}</label>
            <select id={`duplicate-${flag.row}`} name={`duplicate_${flag.row}`} defaultValue="" className="rounded border px-2 py-1">
              <option value="">As above</option>
              <option value="skip">Skip</option>
              <option value="create">Create anyway</option>
              {flag.candidates.map((c) =>
                c.kind === "existing" ? (
                  <option key={c.dealId} value={`update:${c.dealId}`}>
                    Update deal #{c.dealId}
                  </option>
                ) : null,
              )}
            </select>
          </div>
        ))}
      </fieldset>
    </div>
  );
}

function DuplicateList({ duplicates, count }: { duplicates: DuplicateFlag[]; count: number }) {
  return (
    <section aria-labelledby="import-duplicates" className="space-y-2">
      <h2 id="import-duplicates" className="text-lg font-semibold">
        Likely duplicates ({formatNumber(count)})
      </h2>
      {count > duplicates.length ? (
        <p className="text-sm">
          The first {formatNumber(duplicates.length)} by line are listed, and can be chosen for one by one; the choice for all the flagged
          rows applies to the other {formatNumber(count - duplicates.length)}.
        </p>
      ) : null}
      <ul className="max-h-80 space-y-1 overflow-auto text-sm">
        {duplicates.map((flag) => (
          <li key={flag.row}>
            Line {flag.row} looks like{" "}
            {flag.candidates.map((c, i) => (
              <span key={i}>
                {i > 0 ? "; " : ""}
                {c.kind === "existing" ? <a href={`/deals/${c.dealId}`}>deal #{c.dealId}</a> : `line ${c.row}`} ({c.announcedOn}
                {c.round ? `, ${c.round}` : ""}): {c.reasons.join(", ")}
              </span>
            ))}
          </li>
        ))}
      </ul>
    </section>
  );
}
