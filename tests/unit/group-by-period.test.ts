import { describe, expect, it } from "vitest";
import { formatPeriod } from "@/lib/format";
import { groupByPeriod, timelinePeriod } from "@/lib/timeline/group-by-period";

const deal = (id: number, announcedOn: string) => ({ id, announcedOn });

describe("groupByPeriod", () => {
  const newestFirst = [deal(1, "2026-04-20"), deal(2, "2026-04-01"), deal(3, "2026-02-27"), deal(4, "2026-01-29"), deal(5, "2025-12-17")];

  it("groups by month, keeping the list's order", () => {
    expect(groupByPeriod(newestFirst, "month").map((g) => [g.period, g.items.map((d) => d.id)])).toEqual([
      ["2026-04", [1, 2]],
      ["2026-02", [3]],
      ["2026-01", [4]],
      ["2025-12", [5]],
    ]);
  });

  it("groups by quarter", () => {
    expect(groupByPeriod(newestFirst, "quarter").map((g) => [g.period, g.items.map((d) => d.id)])).toEqual([
      ["2026-Q2", [1, 2]],
      ["2026-Q1", [3, 4]],
      ["2025-Q4", [5]],
    ]);
  });

  it("gives nothing for nothing", () => {
    expect(groupByPeriod([], "month")).toEqual([]);
  });
});

describe("period names", () => {
  it("names months and quarters for people", () => {
    expect(timelinePeriod("2025-09-30", "quarter")).toBe("2025-Q3");
    expect(timelinePeriod("2025-10-01", "quarter")).toBe("2025-Q4");
    expect(formatPeriod("2026-02")).toBe("Feb 2026");
    expect(formatPeriod("2025-12")).toBe("Dec 2025");
    expect(formatPeriod("2025-Q3")).toBe("Q3 2025");
  });
});
