import { NameFilterFields } from "@/components/search/name-filter-field";
import { DEAL_KINDS, DEAL_STATUSES, KIND_LABELS, STATUS_LABELS } from "@/lib/domain";
import type { ChangeView } from "@/lib/filters/change-filters";
import { CHANGE_KINDS, CHANGE_LABELS } from "@/lib/story/changes";

const FIELD = "field";
const LABEL = "block text-sm font-medium";

/**
 * The /changes filters as a plain GET form (one value per field but the investors' names; several kinds or statuses
 * work in the address). `names`: the chosen organizations' names by slug (filterNamesOf).
 */
export function ChangeFilterForm({ view, names }: { view: ChangeView; names: ReadonlyMap<string, string> }) {
  const f = view.filters;
  return (
    <form
      method="get"
      action="/changes"
      aria-label="Filter changes"
      className="grid grid-cols-1 gap-3 rounded-lg border border-gray-200 p-4 sm:grid-cols-3 lg:grid-cols-6 dark:border-gray-800"
    >
      {f.asOf ? <input type="hidden" name="asOf" value={f.asOf} /> : null}
      <NameFilterFields idPrefix="change" chosen={f} names={names} labelClassName={LABEL} fieldClassName={FIELD} />
      <div>
        <label htmlFor="change-kind" className={LABEL}>
          Deal kind
        </label>
        <select id="change-kind" name="kind" defaultValue={f.kinds[0] ?? ""} className={FIELD}>
          <option value="">Any kind</option>
          {DEAL_KINDS.map((k) => (
            <option key={k} value={k}>
              {KIND_LABELS[k]}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="change-change" className={LABEL}>
          Change
        </label>
        <select id="change-change" name="change" defaultValue={view.changes[0] ?? ""} className={FIELD}>
          <option value="">Any change</option>
          {CHANGE_KINDS.map((k) => (
            <option key={k} value={k}>
              {CHANGE_LABELS[k]}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="change-status" className={LABEL}>
          Status after
        </label>
        <select id="change-status" name="status" defaultValue={f.statuses[0] ?? ""} className={FIELD}>
          <option value="">Any status</option>
          {DEAL_STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABELS[s]}
            </option>
          ))}
        </select>
      </div>
      <div className="flex items-end">
        <button
          type="submit"
          className="w-full rounded bg-blue-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-blue-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600"
        >
          Show changes
        </button>
      </div>
    </form>
  );
}
