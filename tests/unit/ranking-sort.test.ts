import { describe, expect, it } from "vitest";
import {
  nextRankingSort,
  parseRankingPage,
  parseRankingSort,
  RANKING_PAGE_SIZE,
  rankingHref,
  rankingPage,
  rankingSortParam,
  sortRanking,
} from "@/lib/filters/ranking-sort";

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

  it("shows a long ranking a page at a time, in the order asked, and says when a page is past the last", () => {
    const many = Array.from({ length: RANKING_PAGE_SIZE * 2 + 5 }, (_, i) =>
      row(i + 1, `Org ${String(i + 1).padStart(3, "0")}`, BigInt(1000 - i), i),
    );
    const first = rankingPage(many, { column: "rank", descending: false }, 1);
    expect(first.rows.map((r) => r.rank)).toEqual(many.slice(0, RANKING_PAGE_SIZE).map((r) => r.rank));
    expect([first.pageCount, first.first]).toEqual([3, 1]);
    const last = rankingPage(many, { column: "rank", descending: true }, 3);
    expect(last.rows.map((r) => r.rank)).toEqual([5, 4, 3, 2, 1]);
    expect(last.first).toBe(RANKING_PAGE_SIZE * 2 + 1);
    const past = rankingPage(many, { column: "rank", descending: false }, 9);
    expect(past.page).toBe(3);
    expect(past.issues[0]).toMatchObject({ param: "page", value: "9" });
    expect(parseRankingPage(new URLSearchParams("page=2")).page).toBe(2);
    expect(parseRankingPage(new URLSearchParams("")).page).toBe(1);
    expect(parseRankingPage({ page: "0" }).issues[0].param).toBe("page");
    const sort = { column: "capital" as const, descending: true };
    expect(rankingHref("/companies", { q: "ai", type: null }, sort, "2025-06-30", 2)).toBe(
      "/companies?q=ai&sort=capital_desc&asOf=2025-06-30&page=2",
    );
    expect(rankingHref("/companies", { q: null, type: null }, sort, null, 1)).toBe("/companies?sort=capital_desc");
  });
});
