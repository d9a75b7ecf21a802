import type { Metadata } from "next";
import { parseChartScale, withChartScale } from "@/lib/filters/chart-scale";
import { notFound } from "next/navigation";
import { FundingRoundsBody, fundingRoundsTitle } from "@/components/organizations/funding-rounds-body";
import { EmbedFrame } from "@/components/story/embed-frame";
import { getCompany } from "@/lib/data/company";
import { parseDealFilters } from "@/lib/filters/deal-filters";
import { isOrganizationSlug } from "@/lib/filters/organization-filters";
import { withAsOf } from "@/lib/story/view-href";

export const metadata: Metadata = { title: "Funding rounds of a company (embed)", robots: { index: false } };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** A company page's funding-rounds chart alone (with its asOf), for framing on other sites. */
export default async function EmbedFundingRounds({ params, searchParams }: Props) {
  const { slug } = await params;
  if (!isOrganizationSlug(slug)) notFound();
  const search = await searchParams;
  const asOf = parseDealFilters(search).filters.asOf;
  const scale = parseChartScale(search);
  const company = await getCompany(slug, asOf);
  if (!company) notFound();
  return (
    <EmbedFrame
      title={fundingRoundsTitle(company)}
      description="Bars: counted equity and convertible deals announced that day, added together, in US dollars. Line: the post-money valuation reported with them."
      asOf={asOf}
      fullHref={withChartScale(withAsOf(`/companies/${slug}#funding-rounds`, asOf), scale)}
    >
      <FundingRoundsBody company={company} scale={scale} />
    </EmbedFrame>
  );
}
