// The bar and line charts are drawn on the server (components/charts): what they draw must match the rows they get.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { MAX_TOOLTIP_COLUMNS } from "@/components/charts/cartesian-plot";
import { niceTicks, pickDirectLabels, yScale } from "@/components/charts/chart-scale";
import { FundingRoundsChart } from "@/components/charts/funding-rounds-chart";
import { StackedBarChart } from "@/components/charts/stacked-bar-chart";
import type { ChartRow } from "@/components/charts/chart-types";
import { TrendLineChart } from "@/components/charts/trend-line-chart";
import { formatUsdExact } from "@/lib/format";

/** The rectangles of a bar path: [x, top, width, bottom] from "M x top h width V bottom h -width z". */
function rects(d: string): number[][] {
  return [...d.matchAll(/M(-?[\d.]+) (-?[\d.]+)h(-?[\d.]+)V(-?[\d.]+)h-?[\d.]+z/g)].map((m) => m.slice(1, 5).map(Number));
}

function attr(markup: string, selector: RegExp): string[] {
  return [...markup.matchAll(selector)].map((m) => m[1]);
}

/**
 * A column's exact figures: its tooltip (shown under the pointer and on keyboard focus), the one text of its tab stop,
 * which a screen reader reads, written once.
 */
function expectMark(markup: string, tip: string) {
  const escaped = tip.replace(/[$.*+?()[\]{}|\\]/g, "\\$&");
  expect(markup).toMatch(
    new RegExp(`<li tabindex="0" class="chart-column"[^>]*><span class="tip-(left|right|mid)">${escaped}</span></li>`),
  );
  expect(markup.split(tip).length - 1).toBe(1);
  expect(markup).not.toContain(tip.replace(/\n/g, "; "));
}

describe("scales", () => {
  it("ticks are round and cover the values", () => {
    for (const [min, max] of [
      [0, 1],
      [0, 10_000],
      [0, 83_000_000_000],
      [0, 7],
      [3, 1234],
    ]) {
      const ticks = niceTicks(min, max);
      expect(ticks[0]).toBeLessThanOrEqual(min);
      expect(ticks[ticks.length - 1]).toBeGreaterThanOrEqual(max);
      expect(ticks.length).toBeGreaterThanOrEqual(3);
      expect(ticks.length).toBeLessThanOrEqual(12);
      const step = ticks[1] - ticks[0];
      expect(step / 10 ** Math.floor(Math.log10(step))).toSatisfy((m: number) => [1, 2, 2.5, 5].some((n) => Math.abs(m - n) < 1e-9));
    }
  });

  it("maps the domain onto the viewBox, top down, clamped", () => {
    const y = yScale([0, 200]);
    expect([y(0), y(100), y(200), y(-5), y(500)]).toEqual([1000, 500, 0, 1000, 0]);
  });
});

describe("the stacked bar chart", () => {
  const series = [
    { key: "equity", label: "Equity", color: "var(--color-equity)" },
    { key: "convertible", label: "Convertible", color: "var(--color-convertible)" },
  ];
  const rows: ChartRow[] = [
    { label: "2024", equity: 30, convertible: 10, total: 40 },
    { label: "2025", equity: 80, total: 80 },
    { label: "2026", equity: 0, convertible: 0, total: 0 },
  ];

  it("stacks each period's bars to its total, one path per series, with the exact figures as a tooltip", () => {
    const markup = renderToStaticMarkup(createElement(StackedBarChart, { rows, series, ariaLabel: "Stacked bars" }));
    expect(markup).toContain('aria-label="Stacked bars"');
    const [equity, convertible] = attr(markup, /class="chart-bars" d="([^"]+)"/g).map(rects);
    expect(equity).toHaveLength(2);
    expect(convertible).toHaveLength(1);
    const y = yScale([0, 80]);
    // 2024: equity from 0 to 30, convertible on top of it to 40.
    expect(equity[0][1]).toBe(y(30));
    expect(equity[0][3]).toBe(y(0));
    expect(convertible[0][3]).toBe(y(30));
    expect(convertible[0][1]).toBe(y(40));
    expect(equity[1][1]).toBe(y(80));
    // Bars sit in their period's column, left to right.
    expect(equity[0][0]).toBeLessThan(equity[1][0]);
    expectMark(markup, `2024\nEquity: ${formatUsdExact(30)}\nConvertible: ${formatUsdExact(10)}\nTotal: ${formatUsdExact(40)}`);
    expectMark(markup, "2026\nNothing counted");
    // Each column is a tab stop.
    expect(markup.match(/tabindex="0"/g)).toHaveLength(rows.length);
    // The legend names each series, the axis writes money short.
    expect(markup).toMatch(/<li[^>]*>.*Equity<\/li>/);
    expect(markup).toContain(">$80<");
  });

  it("leaves out the tooltip columns when there are too many to point at, not the bars", () => {
    const many: ChartRow[] = Array.from({ length: MAX_TOOLTIP_COLUMNS + 1 }, (_, i) => ({ label: `Day ${i}`, equity: i + 1 }));
    const markup = renderToStaticMarkup(createElement(StackedBarChart, { rows: many, series: series.slice(0, 1), ariaLabel: "Many" }));
    expect(markup).not.toContain('class="chart-column"');
    expect(rects(attr(markup, /class="chart-bars" d="([^"]+)"/g)[0])).toHaveLength(MAX_TOOLTIP_COLUMNS + 1);
    const few = renderToStaticMarkup(
      createElement(StackedBarChart, { rows: many.slice(0, MAX_TOOLTIP_COLUMNS), series: series.slice(0, 1), ariaLabel: "Few" }),
    );
    expect(few.match(/class="chart-column"/g)).toHaveLength(MAX_TOOLTIP_COLUMNS);
  });

  it("draws side by side when not stacked", () => {
    const markup = renderToStaticMarkup(createElement(StackedBarChart, { rows, series, ariaLabel: "Side by side", stacked: false }));
    const [equity, convertible] = attr(markup, /class="chart-bars" d="([^"]+)"/g).map(rects);
    const y = yScale([0, 80]);
    expect(convertible[0][3]).toBe(y(0));
    expect(convertible[0][1]).toBe(y(10));
    expect(convertible[0][0]).toBeGreaterThan(equity[0][0]);
  });
});

describe("the trend line chart", () => {
  it("leaves a gap where a period has no value, never a zero", () => {
    const rows: ChartRow[] = [{ label: "2022", hhi: 2000 }, { label: "2023" }, { label: "2024", hhi: 4000 }, { label: "2025", hhi: 5000 }];
    const markup = renderToStaticMarkup(
      createElement(TrendLineChart, {
        rows,
        series: [{ key: "hhi", label: "HHI", color: "var(--chart-hhi)" }],
        format: "number",
        domain: [0, 10_000],
        bands: [{ from: 2500, to: 10_000, label: "Highly concentrated", color: "var(--band-high)" }],
        ariaLabel: "HHI",
      }),
    );
    const [line] = attr(markup, /class="chart-line" d="([^"]+)"/g);
    // Two runs: 2022 alone, then 2024 to 2025.
    expect(line.match(/M/g)).toHaveLength(2);
    expect(line.match(/L/g)).toHaveLength(1);
    const [dots] = attr(markup, /class="chart-dots" d="([^"]+)"/g);
    expect(dots.match(/h0/g)).toHaveLength(3);
    expectMark(markup, "2023\nHHI: —");
    expect(markup).toContain("Highly concentrated");
    expect(markup).toContain(`y="0" width="1000" height="${yScale([0, 10_000])(2500)}"`);
  });
});

describe("the funding rounds chart", () => {
  it("draws the valuation as a step line through the rounds that report one", () => {
    const rows: ChartRow[] = [
      { label: "Jan 2023", time: Date.UTC(2023, 0, 1), amount: 10, valuation: 100, total: 10 },
      { label: "Jun 2023", time: Date.UTC(2023, 5, 1), amount: 20, total: 20 },
      { label: "Jan 2024", time: Date.UTC(2024, 0, 1), amount: 30, valuation: 300, total: 30 },
    ];
    const markup = renderToStaticMarkup(
      createElement(FundingRoundsChart, {
        rows,
        amount: { key: "amount", label: "Amount", color: "var(--color-equity)" },
        valuation: { key: "valuation", label: "Valuation", color: "var(--chart-valuation)" },
        ariaLabel: "Rounds",
      }),
    );
    expect(rects(attr(markup, /class="chart-bars" d="([^"]+)"/g)[0])).toHaveLength(3);
    const [step] = attr(markup, /class="chart-line" d="([^"]+)"/g);
    const points = [...step.matchAll(/(-?[\d.]+),(-?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(points).toHaveLength(3);
    // Across at the old valuation, then up to the new one.
    expect(points[1][1]).toBe(points[0][1]);
    expect(points[2][0]).toBe(points[1][0]);
    expect(points[2][1]).toBeLessThan(points[1][1]);
  });

  it("places round dates on a time scale and, on log scales, labels powers of ten", () => {
    const rows: ChartRow[] = [
      { label: "1 Jan 2023", time: Date.UTC(2023, 0, 1), amount: 100_000_000, valuation: 1_000_000_000, total: 100_000_000 },
      { label: "1 Feb 2023", time: Date.UTC(2023, 1, 1), amount: 1_000_000_000, total: 1_000_000_000 },
      { label: "1 Jan 2025", time: Date.UTC(2025, 0, 1), amount: 40_000_000_000, valuation: 300_000_000_000, total: 40_000_000_000 },
    ];
    const props = {
      rows,
      amount: { key: "amount", label: "Amount", color: "var(--color-equity)" },
      valuation: { key: "valuation", label: "Valuation", color: "var(--chart-valuation)" },
      ariaLabel: "Rounds",
    };
    const linear = renderToStaticMarkup(createElement(FundingRoundsChart, props));
    const bars = rects(attr(linear, /class="chart-bars" d="([^"]+)"/g)[0]);
    const centers = bars.map(([x, , width]) => x + width / 2);
    // One month apart, then 23 months: the second gap is about 23 times the first, not equal.
    expect((centers[2] - centers[1]) / (centers[1] - centers[0])).toBeGreaterThan(20);
    // The x axis labels years, not each date.
    expect(linear).toContain(">2024</span>");
    expect(linear).toContain(">2025</span>");
    expect(linear).not.toContain(">1 Feb 2023</span>");
    // Linear: the $100M round is a sliver next to the $40B one; log: it stands a third of the way up.
    const log = renderToStaticMarkup(createElement(FundingRoundsChart, { ...props, log: true }));
    const logBars = rects(attr(log, /class="chart-bars" d="([^"]+)"/g)[0]);
    const height = ([, top, , bottom]: number[]) => bottom - top;
    expect(height(bars[0]) / height(bars[2])).toBeLessThan(0.01);
    expect(height(logBars[0]) / height(logBars[2])).toBeGreaterThan(0.3);
    for (const tick of ["$100M", "$1B", "$10B", "$100B"]) expect(log).toContain(`>${tick}</span>`);
    expect(log).toContain('aria-label="Rounds, on log scales"');
  });
});

describe("direct labels", () => {
  const labels = (markup: string) => attr(markup, /data-direct-label=""[^>]*>([^<]+)<\/span>/g);
  const series = [{ key: "equity", label: "Equity", color: "var(--color-equity)" }];

  it("write the latest and the largest stack's total on the bars, once when they are the same", () => {
    const rows: ChartRow[] = [
      { label: "2023", equity: 5_000_000_000 },
      { label: "2024", equity: 80_000_000_000 },
      { label: "2025", equity: 20_000_000_000 },
    ];
    expect(labels(renderToStaticMarkup(createElement(StackedBarChart, { rows, series, ariaLabel: "Bars" })))).toEqual(["$20B", "$80B"]);
    expect(labels(renderToStaticMarkup(createElement(StackedBarChart, { rows: rows.slice(0, 2), series, ariaLabel: "Bars" })))).toEqual([
      "$80B",
    ]);
  });

  it("drop a label that would overlap one already written, and keep to wide screens one that would overlap on a phone", () => {
    const candidates = [
      { index: 9, x: 950, y: 100, text: "$20B" },
      { index: 8, x: 930, y: 105, text: "$21B" },
      { index: 5, x: 870, y: 100, text: "$30B" },
      { index: 0, x: 50, y: 100, text: "$40B" },
    ];
    const picked = pickDirectLabels(candidates);
    // $21B sits 17 px from $20B on an 850 px plot: they would overlap. $30B is 68 px away, but 24 px on a phone.
    expect(picked.map((l) => [l.text, l.phone])).toEqual([
      ["$20B", true],
      ["$30B", false],
      ["$40B", true],
    ]);
  });

  it("write each line's latest value, apart from each other", () => {
    const rows: ChartRow[] = [
      { label: "2024", top1: 0.5, top3: 0.8 },
      { label: "2025", top1: 0.47, top3: 0.49 },
    ];
    const markup = renderToStaticMarkup(
      createElement(TrendLineChart, {
        rows,
        series: [
          { key: "top1", label: "Top 1", color: "var(--chart-top1)" },
          { key: "top3", label: "Top 3", color: "var(--chart-top3)" },
        ],
        format: "share",
        domain: [0, 1],
        ariaLabel: "Shares",
      }),
    );
    // 47% and 49% of a 240 px plot are 5 px apart: only the first is written.
    expect(labels(markup)).toEqual(["47.0%"]);
  });
});

describe("the side-by-side bars on a log scale", () => {
  it("label powers of ten and show a small bar beside a large one; a stack refuses a log scale", () => {
    const rows: ChartRow[] = [
      { label: "Large", moneyIn: 50_000_000_000, moneyBack: 138_000_000_000 },
      { label: "Small", moneyIn: 5_000_000, moneyBack: 7_000_000 },
    ];
    const series = [
      { key: "moneyIn", label: "Capital in", color: "red" },
      { key: "moneyBack", label: "Spending back", color: "blue" },
    ];
    const markup = renderToStaticMarkup(createElement(StackedBarChart, { rows, series, ariaLabel: "Loops", stacked: false, log: true }));
    expect(markup).toContain('aria-label="Loops, on a log scale"');
    expect(markup).toContain(">$1M<");
    expect(markup).toContain(">$1T<");
    const [moneyIn] = attr(markup, /class="chart-bars" d="([^"]+)"/g).map(rects);
    // $5M on a $1M-$1T log axis stands log10(5) of 6 decades, 11.65% of the plot (on a linear one, 0.004%).
    const small = moneyIn[1];
    expect(small[3] - small[1]).toBeCloseTo((Math.log10(5) / 6) * 1000, 0);
    expect(() => renderToStaticMarkup(createElement(StackedBarChart, { rows, series, ariaLabel: "Stack", log: true }))).toThrow();
  });
});
