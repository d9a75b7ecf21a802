import { DEAL_SORTS, DEFAULT_DEAL_FILTERS, type DealFilters } from "@/lib/filters/deal-filters";
import { DEFAULT_DEAL_PAGE_VIEW, type DealPageView } from "@/lib/filters/deal-page-view";
import { fieldText } from "@/components/search/name-filter-field";
import { AMOUNT_EXAMPLES, formatAmountInput } from "@/lib/filters/amount-input";
import { formatUsdExact } from "@/lib/format";
import { DealFilterFields } from "./deal-filter-fields";

/**
 * The /deals filters as a GET form: submitting it loads /deals with the filters in the URL, so it works without
 * JavaScript and every result can be bookmarked. Paging starts over on every change. The fields are drawn by a client
 * component from the state written here (deal-filter-fields.tsx says why).
 */
export function DealFilterForm({
  filters,
  pageView,
  names,
  clearHref,
}: {
  filters: DealFilters;
  pageView: DealPageView;
  /** The chosen organizations' names by slug (filterNamesOf). */
  names: ReadonlyMap<string, string>;
  clearHref: string;
}) {
  const hidden: [string, string][] = [
    ...(pageView.view !== DEFAULT_DEAL_PAGE_VIEW.view ? [["view", pageView.view] as [string, string]] : []),
    ...(pageView.group !== DEFAULT_DEAL_PAGE_VIEW.group ? [["group", pageView.group] as [string, string]] : []),
    ...(filters.pageSize !== DEFAULT_DEAL_FILTERS.pageSize ? [["pageSize", String(filters.pageSize)] as [string, string]] : []),
    ...(filters.asOf ? [["asOf", filters.asOf] as [string, string]] : []),
    // The chosen deals (a loop's legs) have no field of their own: narrowing them by kind or date keeps the choice.
    ...(filters.ids.length > 0 ? [["ids", filters.ids.join(",")] as [string, string]] : []),
  ];
  const bound = (amount: bigint | null) => (amount === null ? null : { text: formatAmountInput(amount), exact: formatUsdExact(amount) });
  return (
    <DealFilterFields
      form={{
        hidden,
        defaultSort: DEFAULT_DEAL_FILTERS.sort,
        q: filters.q ?? "",
        investors: fieldText(filters.investors, names),
        recipient: fieldText(filters.recipient ? [filters.recipient] : [], names),
        kinds: filters.kinds,
        statuses: filters.statuses,
        from: filters.from ?? "",
        to: filters.to ?? "",
        min: bound(filters.min),
        max: bound(filters.max),
        amountExamples: AMOUNT_EXAMPLES,
        sort: filters.sort,
        sorts: [...DEAL_SORTS],
        clearHref,
      }}
    />
  );
}
