// The `from`/`to` parameters of the investor and company pages and their API routes: the dates of the deals a page's
// figures, lists and charts cover. The same date field as the /deals filters (lib/filters/params.ts), so `from` and
// `to` mean the same on /deals and on an organization's page, and a link between them can carry them over.
import { dateParam, readParams, type FilterIssue, type ParamSource } from "./params";

/** A span of announcement dates (YYYY-MM-DD, both ends included); a null end is open. */
export type DateWindow = { from: string | null; to: string | null };

export const ALL_DATES: DateWindow = { from: null, to: null };

export const dateWindowShape = { from: dateParam, to: dateParam, asOf: dateParam };
/** The parameters an organization's page and its API routes read beside their own (grain, format, table orders). */
export const DATE_WINDOW_PARAMS = Object.keys(dateWindowShape) as (keyof typeof dateWindowShape)[];

/**
 * `from`, `to` and `asOf` read leniently: a bad one is dropped (open end, today) and reported naming it; a `to`
 * before `from` is reported on `to` and dropped.
 */
export function parseDateWindow(source: ParamSource): { window: DateWindow; asOf: string | null; issues: FilterIssue[] } {
  const { values, issues } = readParams(source, dateWindowShape);
  let { to } = values;
  if (values.from && to && to < values.from) {
    issues.push({ param: "to", value: to, message: `to must not be before from (${values.from})` });
    to = null;
  }
  return { window: { from: values.from, to }, asOf: values.asOf, issues };
}

/** True when the window leaves out some dates. */
export function isWindowed(window: DateWindow): boolean {
  return window.from !== null || window.to !== null;
}

/** `href` (an internal path, with or without a query) with the window's `from` and `to` added. */
export function withWindow(href: string, window: DateWindow): string {
  const add = [window.from ? `from=${window.from}` : null, window.to ? `to=${window.to}` : null].filter((p) => p !== null);
  if (add.length === 0) return href;
  const hashAt = href.indexOf("#");
  const path = hashAt === -1 ? href : href.slice(0, hashAt);
  const fragment = hashAt === -1 ? "" : href.slice(hashAt);
  return `${path}${path.includes("?") ? "&" : "?"}${add.join("&")}${fragment}`;
}
