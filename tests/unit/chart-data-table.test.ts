// A chart's data table can be given only the latest rows (a company's rounds per date run to thousands at scale), and
// then says how many there are and links the CSV with every row.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ChartDataTable } from "@/components/charts/chart-data-table";
import type { ChartRow } from "@/components/charts/chart-types";

const rows = (n: number): ChartRow[] => Array.from({ length: n }, (_, i) => ({ label: `row-${i}`, total: i }) as ChartRow);
/** The latest `shown` of `n` rows (all without `shown`), told there are `n`. */
const render = (n: number, shown?: number) =>
  renderToStaticMarkup(
    createElement(ChartDataTable, {
      title: "T",
      rows: rows(n).slice(shown === undefined ? 0 : Math.max(0, n - shown)),
      series: [],
      rowHeader: "Date",
      rowCount: shown === undefined ? undefined : n,
      csvHref: "/api/x?format=csv",
    }),
  );
// Body rows: the header row has no row rule.
const bodyRows = (html: string) => html.match(/<tr class="row-rule"/g)?.length ?? 0;

describe("a chart's data table", () => {
  it("says nothing more when it is given every row", () => {
    const html = render(50, 50);
    expect(bodyRows(html)).toBe(50);
    expect(html).not.toContain("The latest");
  });

  it("says it lists the latest rows, oldest first, and links the CSV for all of them", () => {
    const html = render(3_212, 50);
    expect(bodyRows(html)).toBe(50);
    expect(html).toContain(">row-3162<");
    expect(html).toContain(">row-3211<");
    expect(html).not.toContain(">row-3161<");
    expect(html.indexOf(">row-3162<")).toBeLessThan(html.indexOf(">row-3211<"));
    expect(html).toContain("The latest 50 of 3,212 rows.");
    expect(html).toContain('href="/api/x?format=csv"');
  });

  it("lists every row it is given without a count", () => {
    expect(bodyRows(render(300))).toBe(300);
  });
});
