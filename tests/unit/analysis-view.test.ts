import { describe, expect, it } from "vitest";
import { analysisViewToParams, countingRule, parseAnalysisView, parseFlowLimit, parseNetworkSize } from "@/lib/filters/analysis-view";

describe("parseAnalysisView", () => {
  it("defaults to yearly recipient concentration of capital, without the pipeline or exclusions", () => {
    const { view, issues } = parseAnalysisView({});
    expect(issues).toEqual([]);
    expect([view.grain, view.side, view.count, view.pipeline, view.exclude]).toEqual(["year", "recipient", "capital", false, []]);
    expect(countingRule(view)).toEqual({ kinds: ["equity", "convertible"], includePipeline: false });
  });

  it("reads its own parameters together with the /deals filters", () => {
    const { view, issues } = parseAnalysisView(
      new URLSearchParams(
        "grain=quarter&side=investor&count=compute_commitment&pipeline=1&exclude=openai&exclude=anthropic,openai&from=2024-01-01&investor=amazon",
      ),
    );
    expect(issues).toEqual([]);
    expect([view.grain, view.side, view.count, view.pipeline, view.exclude]).toEqual([
      "quarter",
      "investor",
      "compute_commitment",
      true,
      ["openai", "anthropic"],
    ]);
    expect([view.filters.from, view.filters.investors]).toEqual(["2024-01-01", ["amazon"]]);
    expect(countingRule(view)).toEqual({ kinds: ["compute_commitment"], includePipeline: true });
    expect(countingRule({ count: "all", pipeline: false }).kinds).toHaveLength(9);
  });

  it("falls back to the default for each bad value and names it", () => {
    const { view, issues } = parseAnalysisView({
      grain: "decade",
      side: ["recipient", "investor"],
      count: "stocks",
      pipeline: "maybe",
      exclude: "Open AI",
      from: "2024-13-01",
    });
    expect([view.grain, view.side, view.count, view.pipeline, view.exclude, view.filters.from]).toEqual([
      "year",
      "recipient",
      "capital",
      false,
      [],
      null,
    ]);
    expect(issues.map((i) => [i.param, i.value])).toEqual([
      ["from", "2024-13-01"],
      ["grain", "decade"],
      ["side", "recipient,investor"],
      ["count", "stocks"],
      ["pipeline", "maybe"],
      ["exclude", "Open AI"],
    ]);
    expect(issues.find((i) => i.param === "grain")?.message).toBe("grain must be year or quarter");
  });

  it("writes a view back to parameters that parse to the same view, defaults left out", () => {
    const { view } = parseAnalysisView(
      new URLSearchParams("grain=quarter&pipeline=true&exclude=openai&kind=equity&sort=amount_desc&page=3"),
    );
    const params = analysisViewToParams(view);
    expect(params.toString()).toBe("kind=equity&grain=quarter&pipeline=1&exclude=openai");
    expect(parseAnalysisView(params).view).toEqual({ ...view, filters: { ...view.filters, sort: "date_desc", page: 1 } });
    expect(analysisViewToParams(view, { grain: "year", exclude: [] }).toString()).toBe("kind=equity&pipeline=1");
  });
});

describe("parseFlowLimit", () => {
  it("takes a whole number from 1 to 200, else the default 20 and an issue", () => {
    expect(parseFlowLimit({ limit: "5" })).toEqual({ limit: 5, issues: [] });
    expect(parseFlowLimit({})).toEqual({ limit: 20, issues: [] });
    expect(parseFlowLimit({ limit: "500" }).issues.map((i) => i.param)).toEqual(["limit"]);
    expect(parseFlowLimit({ limit: "2.5" })).toEqual({
      limit: 20,
      issues: [{ param: "limit", value: "2.5", message: "limit must be a whole number from 1 to 200" }],
    });
    expect(parseFlowLimit({ limit: "0" }).issues[0].message).toBe("limit must be a whole number from 1 to 200");
  });
});

describe("parseNetworkSize", () => {
  it("reads nodes from 2 to 50, and reports anything else with the default kept", () => {
    expect(parseNetworkSize({})).toEqual({ size: 20, issues: [] });
    expect(parseNetworkSize({ nodes: "10" })).toEqual({ size: 10, issues: [] });
    expect(parseNetworkSize({ nodes: "51" })).toEqual({
      size: 20,
      issues: [{ param: "nodes", value: "51", message: "nodes must be a whole number from 2 to 50" }],
    });
    expect(parseNetworkSize({ nodes: ["10", "20"] }).issues[0].message).toBe("nodes takes one value");
    expect(parseNetworkSize({ nodes: "ten" }).issues[0].message).toBe("nodes must be a whole number from 2 to 50");
  });
});
