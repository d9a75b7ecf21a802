// An organization's page as an investor rendered per request: with a query (?grain=quarter, ?asOf=…, a sort), or
// whenever the proxy does not serve the bare address from its page cached per data version
// (app/v/[version]/investors/[slug]/page.tsx).
import type { Metadata } from "next";
import { InvestorView, investorMetadata } from "@/components/organizations/investor-view";
import type { PageQuery } from "@/lib/filters/params";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<PageQuery> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return investorMetadata((await params).slug);
}

export default async function InvestorPage({ params, searchParams }: Props) {
  return <InvestorView slug={(await params).slug} search={await searchParams} />;
}
