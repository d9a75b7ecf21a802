// An organization's page as a company rendered per request: with a query (?asOf=…, a sort, the chart's scale), for a
// signed-in editor (who gets a link to each round's editor), or whenever the proxy does not serve the bare address
// from its page cached per data version (app/v/[version]/companies/[slug]/page.tsx).
import type { Metadata } from "next";
import { CompanyView, companyMetadata } from "@/components/organizations/company-view";
import { getSessionActor } from "@/lib/auth/session";
import type { PageQuery } from "@/lib/filters/params";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<PageQuery> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return companyMetadata((await params).slug);
}

export default async function CompanyPage({ params, searchParams }: Props) {
  const [{ slug }, search, viewer] = await Promise.all([params, searchParams, getSessionActor()]);
  return <CompanyView slug={slug} search={search} editable={viewer !== null} />;
}
