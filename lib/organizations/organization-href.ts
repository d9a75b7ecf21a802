// Where to link an organization: its investor page or its company page, whichever has its deals (as of the view's date).
import { companyHref, investorHref } from "../story/view-href";

export type OrganizationSide = "investor" | "company";

export function organizationHref(
  org: { slug: string; dealsAsInvestor: number; dealsAsRecipient: number },
  prefer: OrganizationSide,
  asOf: string | null,
): string {
  const asInvestor = investorHref(org.slug, asOf);
  const asCompany = companyHref(org.slug, asOf);
  if (prefer === "investor") return org.dealsAsInvestor > 0 || org.dealsAsRecipient === 0 ? asInvestor : asCompany;
  return org.dealsAsRecipient > 0 || org.dealsAsInvestor === 0 ? asCompany : asInvestor;
}
