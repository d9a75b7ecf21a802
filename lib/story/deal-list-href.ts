// The link to /deals listing exactly some deals (the `ids` filter), apart from view-href.ts so that the client
// components importing that one do not bundle the filter schema.
import { DEFAULT_DEAL_FILTERS, MAX_DEAL_IDS, dealFiltersToParams } from "../filters/deal-filters";

/**
 * How many ids a link drawn on a page carries. Each id is about 7 bytes, written twice (the HTML and React's payload):
 * /analysis's loops at 100,000 deals had 30 links of up to 500 ids, most of the page. Past it the page points to the
 * CSV or the API, which list every deal.
 */
export const PAGE_LINK_IDS = 50;

/**
 * /deals listing exactly these deals, as of the view's date; null when there are none or more than `max` (at most what
 * the filter takes, MAX_DEAL_IDS), where the caller points to the CSV instead.
 */
export function dealListHref(ids: readonly number[], asOf: string | null, max = MAX_DEAL_IDS): string | null {
  const unique = [...new Set(ids)];
  if (unique.length === 0 || unique.length > Math.min(max, MAX_DEAL_IDS)) return null;
  // Commas are legal in a query and keep the address readable: ids=12,40,41 rather than ids=12%2C40%2C41.
  return `/deals?${dealFiltersToParams({ ...DEFAULT_DEAL_FILTERS, ids: unique, asOf })
    .toString()
    .replaceAll("%2C", ",")}`;
}
