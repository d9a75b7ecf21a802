import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { InvestorCapitalBody, investorCapitalChart } from "@/components/organizations/investor-capital-chart";
import { EmbedFrame } from "@/components/story/embed-frame";
import { getInvestor } from "@/lib/data/investor";
import { parseDealFilters } from "@/lib/filters/deal-filters";
import { isOrganizationSlug } from "@/lib/filters/organization-filters";
import { parseGrain } from "@/lib/filters/period-grain";
import { withAsOf } from "@/lib/story/view-href";

export const metadata: Metadata = { title: "Capital put in by an investor (embed)", robots: { index: false } };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** An investor page's capital-by-period chart alone (its grain and asOf), for framing on other sites. */
export default async function EmbedInvestorCapital({ params, searchParams }: Props) {
  const { slug } = await params;
  if (!isOrganizationSlug(slug)) notFound();
  const search = await searchParams;
  const asOf = parseDealFilters(search).filters.asOf;
  const investor = await getInvestor(slug, parseGrain(search.grain), asOf);
  if (!investor) notFound();
  const { title, description } = investorCapitalChart(investor);
  return (
    <EmbedFrame
      title={title}
      description={description}
      asOf={asOf}
      fullHref={withAsOf(`/investors/${slug}${investor.grain === "quarter" ? "?grain=quarter" : ""}#investor-capital`, asOf)}
    >
      <InvestorCapitalBody investor={investor} />
    </EmbedFrame>
  );
}
