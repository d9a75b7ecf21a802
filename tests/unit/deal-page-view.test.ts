import { describe, expect, it } from "vitest";
import { DEFAULT_DEAL_FILTERS, parseDealFilters } from "@/lib/filters/deal-filters";
import { dealsPageHref, parseDealPageView } from "@/lib/filters/deal-page-view";

describe("parseDealPageView", () => {
  it("defaults to a timeline grouped by month", () => {
    expect(parseDealPageView({})).toEqual({ pageView: { view: "timeline", group: "month" }, issues: [] });
  });

  it("reads the table view and the quarter grouping", () => {
    expect(parseDealPageView(new URLSearchParams("view=table&group=quarter")).pageView).toEqual({ view: "table", group: "quarter" });
  });

  it("falls back to the defaults on bad values and names each one", () => {
    const { pageView, issues } = parseDealPageView({ view: "grid", group: ["month", "year"] });
    expect(pageView).toEqual({ view: "timeline", group: "month" });
    expect(issues).toEqual([
      { param: "view", value: "grid", message: "view must be one of timeline, table" },
      { param: "group", value: "month,year", message: "group takes one value" },
    ]);
  });
});

describe("dealsPageHref", () => {
  it("leaves defaults out", () => {
    expect(dealsPageHref(DEFAULT_DEAL_FILTERS, { view: "timeline", group: "month" })).toBe("/deals");
  });

  it("keeps the filters and the view, and applies overrides", () => {
    const { filters } = parseDealFilters(new URLSearchParams("investor=amazon&investor=google&kind=equity&page=3"));
    expect(dealsPageHref(filters, { view: "table", group: "month" }, { filters: { page: 1 } })).toBe(
      "/deals?investor=amazon&investor=google&kind=equity&view=table",
    );
    expect(dealsPageHref(filters, { view: "table", group: "month" }, { pageView: { view: "timeline", group: "quarter" } })).toBe(
      "/deals?investor=amazon&investor=google&kind=equity&page=3&group=quarter",
    );
  });
});
