import { describe, expect, it } from "vitest";
import { organizationHref } from "@/lib/organizations/organization-href";

describe("organizationHref", () => {
  it("links the page of the side asked for when the organization has deals there", () => {
    expect(organizationHref({ slug: "amazon", dealsAsInvestor: 7, dealsAsRecipient: 0 }, "investor")).toBe("/investors/amazon");
    expect(organizationHref({ slug: "openai", dealsAsInvestor: 13, dealsAsRecipient: 16 }, "company")).toBe("/companies/openai");
  });
  it("falls back to the other side when the asked one is empty", () => {
    expect(organizationHref({ slug: "aws", dealsAsInvestor: 0, dealsAsRecipient: 3 }, "investor")).toBe("/companies/aws");
    expect(organizationHref({ slug: "gv", dealsAsInvestor: 1, dealsAsRecipient: 0 }, "company")).toBe("/investors/gv");
  });
  it("keeps the asked side for an organization with no deals at all", () => {
    expect(organizationHref({ slug: "idle", dealsAsInvestor: 0, dealsAsRecipient: 0 }, "company")).toBe("/companies/idle");
  });
});
