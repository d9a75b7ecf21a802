import { describe, expect, it } from "vitest";
import { parseDateWindow, withWindow } from "@/lib/filters/date-window";

describe("an organization page's from/to", () => {
  it("reads both dates and asOf, empty fields as open ends", () => {
    expect(parseDateWindow({ from: "2025-01-01", to: "2025-12-31", asOf: "2026-01-30" })).toEqual({
      window: { from: "2025-01-01", to: "2025-12-31" },
      asOf: "2026-01-30",
      issues: [],
    });
    expect(parseDateWindow(new URLSearchParams("from=&to="))).toEqual({ window: { from: null, to: null }, asOf: null, issues: [] });
  });

  it("drops a bad date or a to before from, naming the parameter", () => {
    const bad = parseDateWindow({ from: "2025-13-01", to: "2025-06-31" });
    expect(bad.window).toEqual({ from: null, to: null });
    expect(bad.issues.map((i) => [i.param, i.message])).toEqual([
      ["from", "from must be a date written YYYY-MM-DD"],
      ["to", "to must be a date written YYYY-MM-DD"],
    ]);
    const backwards = parseDateWindow({ from: "2025-06-01", to: "2025-01-01" });
    expect(backwards.window).toEqual({ from: "2025-06-01", to: null });
    expect(backwards.issues.map((i) => i.param)).toEqual(["to"]);
  });

  it("adds the dates to a link before its fragment, and nothing without them", () => {
    expect(withWindow("/companies/openai#funding-rounds", { from: "2025-01-01", to: null })).toBe(
      "/companies/openai?from=2025-01-01#funding-rounds",
    );
    expect(withWindow("/deals?investor=nvidia", { from: "2025-01-01", to: "2025-12-31" })).toBe(
      "/deals?investor=nvidia&from=2025-01-01&to=2025-12-31",
    );
    expect(withWindow("/investors/nvidia", { from: null, to: null })).toBe("/investors/nvidia");
  });
});
