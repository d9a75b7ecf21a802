import { describe, expect, it } from "vitest";
import { organizationHref } from "@/lib/organizations/organization-href";

describe("organizationHref", () => {
  it("links the page of the side asked for when the organization has deals there", () => {
    expect(organizationHref({ slug: "amazon", dealsAsInvestor: 7, dealsAsRecipient: 0 }, "investor", null)).toBe("/investors/amazon");
    expect(organizationHref({ slug: "openai", dealsAsInvestor: 13, dealsAsRecipient: 16 }, "company", null)).toBe("/companies/openai");
  });
  it("falls back to the other side when the asked one is empty", () => {
    expect(organizationHref({ slug: "aws", dealsAsInvestor: 0, dealsAsRecipient: 3 }, "investor", null)).toBe("/companies/aws");
    expect(organizationHref({ slug: "gv", dealsAsInvestor: 1, dealsAsRecipient: 0 }, "company", null)).toBe("/investors/gv");
  });
  it("keeps the view's date", () => {
    expect(organizationHref({ slug: "amazon", dealsAsInvestor: 7, dealsAsRecipient: 0 }, "investor", "2026-01-30")).toBe(
      "/investors/amazon?asOf=2026-01-30",
    );
  });
  it("keeps the asked side for an organization with no deals at all", () => {
    expect(organizationHref({ slug: "idle", dealsAsInvestor: 0, dealsAsRecipient: 0 }, "company", null)).toBe("/companies/idle");
  });
});
