import Link from "next/link";
import { NameFilterFields } from "@/components/search/name-filter-field";
import { COUNT_LABELS, COUNT_OPTIONS, type AnalysisView } from "@/lib/filters/analysis-view";

// The fields and boxes of every filter form (/deals, /changes): short classes of app/globals.css, since this form is
// server markup, sent as HTML and again in React's payload.
const FIELD = "field";
const BOX = "check";
const BUTTON = "rounded border px-3 py-1.5 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600";

/**
 * The view's switches as a plain GET form, so every view is a URL that can be shared and works without JavaScript.
 * The investor and recipient filters are name fields with suggestions, as on /deals; the /deals filters the form does
 * not show travel along as hidden fields.
 */
export function AnalysisControls({
  view,
  choices,
  names,
}: {
  view: AnalysisView;
  choices: { key: string; name: string }[];
  /** The chosen organizations' names by slug. */
  names: ReadonlyMap<string, string>;
}) {
  const f = view.filters;
  const hidden: [string, string][] = [
    ...f.kinds.map((k): [string, string] => ["kind", k]),
    ...f.statuses.map((s): [string, string] => ["status", s]),
    ...(f.min !== null ? [["min", f.min.toString()] as [string, string]] : []),
    ...(f.max !== null ? [["max", f.max.toString()] as [string, string]] : []),
    ...(f.q ? [["q", f.q] as [string, string]] : []),
    ...(f.asOf ? [["asOf", f.asOf] as [string, string]] : []),
  ];
  return (
    <form
      method="get"
      action="/analysis"
      aria-label="What to show"
      className="rounded-lg border border-gray-200 p-4 text-sm dark:border-gray-800"
    >
      {hidden.map(([name, value]) => (
        <input key={`${name}-${value}`} type="hidden" name={name} value={value} />
      ))}
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3">
        <label className="block">
          Period
          <select name="grain" defaultValue={view.grain} className={FIELD}>
            <option value="year">Year</option>
            <option value="quarter">Quarter</option>
          </select>
        </label>
        <label className="block">
          Concentration of
          <select name="side" defaultValue={view.side} className={FIELD}>
            <option value="recipient">Recipients (who received)</option>
            <option value="investor">Investors (who invested)</option>
          </select>
        </label>
        <label className="block">
          Count
          <select name="count" defaultValue={view.count} className={FIELD}>
            {COUNT_OPTIONS.map((option) => (
              <option key={option} value={option}>
                {COUNT_LABELS[option]}
              </option>
            ))}
          </select>
        </label>
        <label className="block">
          From
          <input type="date" name="from" defaultValue={f.from ?? ""} className={FIELD} />
        </label>
        <label className="block">
          To
          <input type="date" name="to" defaultValue={f.to ?? ""} className={FIELD} />
        </label>
        <NameFilterFields idPrefix="analysis" chosen={f} names={names} labelClassName="block" fieldClassName={FIELD} />
        <label className="flex items-start gap-2 self-end pb-1.5">
          <input type="checkbox" name="pipeline" value="1" defaultChecked={view.pipeline} className={`mt-0.5 ${BOX}`} />
          <span>Add the pipeline: rumored and in-talks deals</span>
        </label>
      </div>
      {choices.length > 0 ? (
        <fieldset className="mt-4">
          <legend className="font-medium">Exclude organizations (and their divisions) to see the rest of the market</legend>
          <div className="mt-2 flex flex-wrap gap-x-4 gap-y-2">
            {choices.map((c) => (
              <label key={c.key} className="flex items-center gap-1.5">
                <input type="checkbox" name="exclude" value={c.key} defaultChecked={view.exclude.includes(c.key)} className={BOX} />
                {c.name}
              </label>
            ))}
          </div>
        </fieldset>
      ) : null}
      <div className="mt-4 flex flex-wrap gap-2">
        <button type="submit" className={`${BUTTON} border-blue-700 bg-blue-700 text-white hover:bg-blue-800`}>
          Apply
        </button>
        <Link href="/analysis" className={`${BUTTON} border-gray-300 hover:bg-gray-100 dark:border-gray-700 dark:hover:bg-gray-800`}>
          Reset to the default view
        </Link>
      </div>
    </form>
  );
}
