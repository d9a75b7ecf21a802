import { describe, expect, it } from "vitest";
import { nextRankingSort, parseRankingSort, rankingSortParam, sortRanking } from "@/lib/filters/ranking-sort";

const row = (rank: number, name: string, capital: bigint, deals: number, country: string | null = "US") => ({
  rank,
  name,
  type: "corporate",
  country,
  capital,
  countedDeals: deals,
  deals,
});
const rows = [row(1, "Microsoft", 30n, 2), row(2, "amazon", 20n, 5, "GB"), row(3, "Nvidia", 20n, 9, null)];

describe("the rankings' order", () => {
  it("reads ?sort=<column> and <column>_desc, and reports anything else", () => {
    expect(parseRankingSort(new URLSearchParams("sort=name")).sort).toEqual({ column: "name", descending: false });
    expect(parseRankingSort(new URLSearchParams("sort=deals_desc")).sort).toEqual({ column: "deals", descending: true });
    expect(parseRankingSort(new URLSearchParams("")).sort).toEqual({ column: "rank", descending: false });
    const bad = parseRankingSort({ sort: "size" });
    expect(bad.sort.column).toBe("rank");
    expect(bad.issues[0].param).toBe("sort");
  });

  it("sorts by any column, ties kept in rank order in both directions", () => {
    const names = (sort: string) => sortRanking(rows, parseRankingSort({ sort }).sort).map((r) => r.name);
    expect(names("name")).toEqual(["amazon", "Microsoft", "Nvidia"]);
    expect(names("name_desc")).toEqual(["Nvidia", "Microsoft", "amazon"]);
    expect(names("capital")).toEqual(["amazon", "Nvidia", "Microsoft"]);
    expect(names("capital_desc")).toEqual(["Microsoft", "amazon", "Nvidia"]);
    expect(names("deals_desc")).toEqual(["Nvidia", "amazon", "Microsoft"]);
    expect(names("country")).toEqual(["Nvidia", "amazon", "Microsoft"]);
    expect(names("rank_desc")).toEqual(["Nvidia", "amazon", "Microsoft"]);
  });

  it("a header link turns the current column around, and starts figures largest first", () => {
    expect(nextRankingSort({ column: "rank", descending: false }, "capital")).toEqual({ column: "capital", descending: true });
    expect(nextRankingSort({ column: "rank", descending: false }, "name")).toEqual({ column: "name", descending: false });
    expect(nextRankingSort({ column: "name", descending: false }, "name")).toEqual({ column: "name", descending: true });
    expect(rankingSortParam({ column: "rank", descending: false })).toBeNull();
    expect(rankingSortParam({ column: "capital", descending: true })).toBe("capital_desc");
  });
});
