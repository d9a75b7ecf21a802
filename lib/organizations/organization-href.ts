// Where to link an organization: its investor page or its company page, whichever has its deals.
export type OrganizationSide = "investor" | "company";

export function organizationHref(org: { slug: string; dealsAsInvestor: number; dealsAsRecipient: number }, prefer: OrganizationSide): string {
  const investorHref = `/investors/${org.slug}`;
  const companyHref = `/companies/${org.slug}`;
  if (prefer === "investor") return org.dealsAsInvestor > 0 || org.dealsAsRecipient === 0 ? investorHref : companyHref;
  return org.dealsAsRecipient > 0 || org.dealsAsInvestor === 0 ? companyHref : investorHref;
}
