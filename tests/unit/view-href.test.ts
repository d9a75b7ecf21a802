import { describe, expect, it } from "vitest";
import { companyHref, dealHref, investorHref, withAsOf } from "@/lib/story/view-href";

describe("links inside an as-of view", () => {
  it("keep asOf on deal and organization pages", () => {
    expect(dealHref(80, "2026-01-30")).toBe("/deals/80?asOf=2026-01-30");
    expect(investorHref("amazon", "2026-01-30")).toBe("/investors/amazon?asOf=2026-01-30");
    expect(companyHref("openai", "2026-01-30")).toBe("/companies/openai?asOf=2026-01-30");
  });

  it("add it after an existing query and before a fragment", () => {
    expect(withAsOf("/deals?recipient=openai&kind=equity", "2026-01-30")).toBe("/deals?recipient=openai&kind=equity&asOf=2026-01-30");
    expect(withAsOf("/investors/amazon?grain=quarter#investor-capital", "2026-01-30")).toBe(
      "/investors/amazon?grain=quarter&asOf=2026-01-30#investor-capital",
    );
    expect(withAsOf("/companies/openai#funding-rounds", "2026-01-30")).toBe("/companies/openai?asOf=2026-01-30#funding-rounds");
  });

  it("leave links of today's view as they are", () => {
    expect(dealHref(80, null)).toBe("/deals/80");
    expect(withAsOf("/deals?recipient=openai", null)).toBe("/deals?recipient=openai");
  });
});
