import { describe, expect, it } from "vitest";
import {
  DEAL_FILTER_PARAMS,
  DEFAULT_DEAL_FILTERS,
  MAX_DEAL_IDS,
  dealFilterSchema,
  dealFiltersToParams,
  parseAsOf,
  parseDealFilters,
} from "@/lib/filters/deal-filters";
import { readParams, type FilterIssue } from "@/lib/filters/params";
import { parseAnalysisView, parseFlowLimit } from "@/lib/filters/analysis-view";
import { parseChangeView } from "@/lib/filters/change-filters";
import { parseDealPageView } from "@/lib/filters/deal-page-view";
import { parseOrganizationFilters } from "@/lib/filters/organization-filters";
import { parseSearchQuery } from "@/lib/filters/search-query";
import { parseRankingSort } from "@/lib/filters/ranking-sort";

// One good and one or more bad values for each /deals parameter, and what the good one reads as.
const CASES: { param: string; good: string; reads: Record<string, unknown>; bad: string[] }[] = [
  { param: "investor", good: "amazon", reads: { investors: ["amazon"] }, bad: ["Amazon", "a b", "-x", "x".repeat(101)] },
  { param: "recipient", good: "openai", reads: { recipient: "openai" }, bad: ["%%%", "Open AI"] },
  { param: "kind", good: "equity", reads: { kinds: ["equity"] }, bad: ["shares", "EQUITY"] },
  { param: "status", good: "announced", reads: { statuses: ["announced"] }, bad: ["x", "done"] },
  { param: "from", good: "2024-02-29", reads: { from: "2024-02-29" }, bad: ["2026-13-01", "2023-02-29", "yesterday", "2024-1-1"] },
  { param: "to", good: "2025-12-31", reads: { to: "2025-12-31" }, bad: ["abc", "2025-12-32"] },
  { param: "min", good: "1.5B", reads: { min: 1_500_000_000n }, bad: ["-1", "1e9", "1,00", "1.5", "lots", "2000T"] },
  { param: "max", good: "$250m", reads: { max: 250_000_000n }, bad: ["99999999999999999999", "10 apples"] },
  { param: "q", good: "OpenAI, Anthropic", reads: { q: "OpenAI, Anthropic" }, bad: ["q".repeat(201)] },
  { param: "ids", good: "12,3,12", reads: { ids: [12, 3] }, bad: ["0", "-1", "abc", "1.5", "1234567890"] },
  { param: "sort", good: "amount_asc", reads: { sort: "amount_asc" }, bad: ["sideways", "name"] },
  { param: "page", good: "3", reads: { page: 3 }, bad: ["0", "-3", "abc", "1.5", "1234567"] },
  { param: "pageSize", good: "200", reads: { pageSize: 200 }, bad: ["0", "201", "100000", "ten"] },
  { param: "asOf", good: "2026-01-30", reads: { asOf: "2026-01-30" }, bad: ["2026-02-30", "today"] },
];

describe("dealFilterSchema", () => {
  it("has a field for every /deals parameter, in the order of DEAL_FILTER_PARAMS, and each case covers one", () => {
    expect(Object.keys(dealFilterSchema.shape)).toEqual([...DEAL_FILTER_PARAMS]);
    expect(CASES.map((c) => c.param)).toEqual([...DEAL_FILTER_PARAMS]);
  });

  it("ids: refuses a list longer than MAX_DEAL_IDS whole, naming ids, rather than keep a part of it", () => {
    const all = Array.from({ length: MAX_DEAL_IDS + 1 }, (_, i) => i + 1);
    const { filters, issues } = parseDealFilters(
      new URLSearchParams([
        ["ids", all.join(",")],
        ["sort", "amount_asc"],
      ]),
    );
    expect(filters).toEqual({ ...DEFAULT_DEAL_FILTERS, sort: "amount_asc" });
    expect(issues.map((i) => [i.param, i.message])).toEqual([
      ["ids", `ids takes at most ${MAX_DEAL_IDS} deal ids, ${MAX_DEAL_IDS + 1} were given`],
    ]);
    expect(parseDealFilters(new URLSearchParams([["ids", all.slice(1).join(",")]])).filters.ids).toHaveLength(MAX_DEAL_IDS);
  });

  it("ids: written back as one comma-separated parameter that reads the same", () => {
    const { filters } = parseDealFilters(new URLSearchParams("ids=5&ids=7,9"));
    const params = dealFiltersToParams(filters);
    expect(params.getAll("ids")).toEqual(["5,7,9"]);
    expect(parseDealFilters(params).filters).toEqual(filters);
  });

  for (const { param, good, reads, bad } of CASES) {
    it(`${param}: reads ${good} and nothing else changes`, () => {
      const { filters, issues } = parseDealFilters(new URLSearchParams([[param, good]]));
      expect(issues).toEqual([]);
      expect(filters).toEqual({ ...DEFAULT_DEAL_FILTERS, ...reads });
    });

    it(`${param}: drops each bad value, keeps the default and names ${param} in the issue`, () => {
      for (const value of bad) {
        const { filters, issues } = parseDealFilters(new URLSearchParams([[param, value]]));
        expect(filters, value).toEqual(DEFAULT_DEAL_FILTERS);
        expect(issues, value).toHaveLength(1);
        expect(issues[0].param).toBe(param);
        expect(issues[0].message.startsWith(`${param} `), issues[0].message).toBe(true);
      }
    });
  }

  it("says what each parameter takes", () => {
    const message = (query: string) => parseDealFilters(new URLSearchParams(query)).issues[0].message;
    expect(message("investor=Amazon")).toBe("investor must be an organization slug such as amazon");
    expect(message("recipient=Open%20AI")).toBe("recipient must be an organization slug such as openai");
    expect(message("kind=shares")).toMatch(/^kind must be one of equity, /);
    expect(message("from=2024-13-01")).toBe("from must be a date written YYYY-MM-DD");
    expect(message("max=lots")).toMatch(/^max must be an amount in US dollars such as 10B, .*whole dollars, at most 1000000000000000$/);
    expect(message(`q=${"q".repeat(201)}`)).toBe("q must be at most 200 characters");
    expect(message("ids=x")).toBe("ids must be a whole number from 1, a deal id");
    expect(message("sort=name")).toBe("sort must be one of date_desc, date_asc, amount_desc, amount_asc");
    expect(message("page=0")).toBe("page must be a whole number from 1");
    expect(message("pageSize=0")).toBe("pageSize must be a whole number from 1 to 200");
    expect(message("asOf=today")).toBe("asOf must be a date written YYYY-MM-DD");
  });

  it("reads a list from repeated parameters and from commas, once each, dropping only the bad values", () => {
    const { filters, issues } = parseDealFilters(
      new URLSearchParams("investor=amazon,google&investor=amazon&investor=BAD&kind=equity,,convertible"),
    );
    expect(filters.investors).toEqual(["amazon", "google"]);
    expect(filters.kinds).toEqual(["equity", "convertible"]);
    expect(issues).toEqual([{ param: "investor", value: "BAD", message: "investor must be an organization slug such as amazon" }]);
  });

  it("takes one value of a single parameter, whole: a second value is an issue, a comma is part of the value", () => {
    const { filters, issues } = parseDealFilters(new URLSearchParams("sort=date_asc&sort=amount_asc&min=1,000,000&q=a,b"));
    expect(filters.sort).toBe("date_desc");
    expect(filters.min).toBe(1_000_000n);
    expect(filters.q).toBe("a,b");
    expect(issues).toEqual([{ param: "sort", value: "date_asc,amount_asc", message: "sort takes one value" }]);
  });

  it("treats empty and blank values as absent, and trims the others", () => {
    const { filters, issues } = parseDealFilters({ investor: ["", " "], from: "", q: "  openai  ", page: " 2 " });
    expect(issues).toEqual([]);
    expect(filters).toEqual({ ...DEFAULT_DEAL_FILTERS, q: "openai", page: 2 });
  });

  it("drops the later bound when the bounds cross, reported in the parameters' order", () => {
    const { filters, issues } = parseDealFilters(new URLSearchParams("kind=x&from=2025-01-01&to=2024-01-01&min=10&max=5&sort=x"));
    expect([filters.from, filters.to, filters.min, filters.max]).toEqual(["2025-01-01", null, 10n, null]);
    expect(issues.map((i) => [i.param, i.message])).toEqual([
      ["kind", expect.stringMatching(/^kind must be one of/)],
      ["to", "to is before from"],
      ["max", "max is below min"],
      ["sort", expect.stringMatching(/^sort must be one of/)],
    ]);
  });

  it("echoes a long bad value by its start only", () => {
    const { issues } = parseDealFilters(new URLSearchParams([["recipient", "x".repeat(300)]]));
    expect(issues[0].value).toBe(`${"x".repeat(20)}…`);
  });
});

describe("parseAsOf and the field schemas reused", () => {
  it("reads asOf alone through the same field", () => {
    expect(parseAsOf(new URLSearchParams("asOf=2026-01-30&kind=bogus"))).toEqual({ asOf: "2026-01-30", issues: [] });
    expect(parseAsOf({ asOf: "2026-02-30" }).issues).toEqual([
      { param: "asOf", value: "2026-02-30", message: "asOf must be a date written YYYY-MM-DD" },
    ]);
  });

  it("names the parameter a field is read under, not the one it was first written for", () => {
    const { values, issues } = readParams(new URLSearchParams("since=soon&upto=2024-01-01"), {
      since: dealFilterSchema.shape.from,
      upto: dealFilterSchema.shape.to,
    });
    expect(values).toEqual({ since: null, upto: "2024-01-01" });
    expect(issues).toEqual([{ param: "since", value: "soon", message: "since must be a date written YYYY-MM-DD" }]);
  });
});

describe("every view's parameters", () => {
  const views: [string, (query: URLSearchParams) => FilterIssue[]][] = [
    ["grain=week&side=left&count=everything&pipeline=maybe&exclude=UPPER", (q) => parseAnalysisView(q).issues],
    ["limit=0", (q) => parseFlowLimit(q).issues],
    ["change=rumour", (q) => parseChangeView(q).issues],
    ["view=grid&group=year", (q) => parseDealPageView(q).issues],
    ["q=" + "q".repeat(101) + "&type=bank", (q) => parseOrganizationFilters(q).issues],
    ["limit=51", (q) => parseSearchQuery(q).issues],
    ["sort=height", (q) => parseRankingSort(q).issues],
  ];
  it.each(views)("%s: each bad value is an issue whose message names its parameter", (query, parse) => {
    const issues = parse(new URLSearchParams(query));
    expect(issues.map((i) => i.param)).toEqual([...new URLSearchParams(query).keys()]);
    for (const issue of issues) expect(issue.message.startsWith(`${issue.param} `), issue.message).toBe(true);
  });
});
