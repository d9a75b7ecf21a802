import { describe, expect, it } from "vitest";
import { parseOrganizationFilters } from "@/lib/filters/organization-filters";

describe("parseOrganizationFilters", () => {
  it("reads a search and a type", () => {
    expect(parseOrganizationFilters(new URLSearchParams("q=%20amaz%20&type=big_tech"))).toEqual({
      filters: { q: "amaz", type: "big_tech" },
      issues: [],
    });
  });
  it("treats empty fields as no filter", () => {
    expect(parseOrganizationFilters({ q: "", type: "" })).toEqual({ filters: { q: null, type: null }, issues: [] });
  });
  it("drops a bad type and names it, keeping the rest", () => {
    const { filters, issues } = parseOrganizationFilters(new URLSearchParams("q=open&type=bank"));
    expect(filters).toEqual({ q: "open", type: null });
    expect(issues).toEqual([{ param: "type", value: "bank", message: expect.stringContaining("type must be one of big_tech") }]);
  });
  it("refuses repeated values and overlong searches", () => {
    const { filters, issues } = parseOrganizationFilters({ type: ["vc", "cloud"], q: "x".repeat(101) });
    expect(filters).toEqual({ q: null, type: null });
    expect(issues.map((i) => i.param)).toEqual(["q", "type"]);
  });
});
