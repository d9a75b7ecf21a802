import type { Metadata } from "next";
import { CapitalByPeriodBody } from "@/components/overview/capital-by-period-chart";
import { EmbedFrame } from "@/components/story/embed-frame";
import { getCapitalByPeriod } from "@/lib/data/capital";
import { parseCapitalView } from "@/lib/filters/capital-view";

export const metadata: Metadata = { title: "Capital by period (embed)", robots: { index: false } };

/** The overview's capital-by-period chart alone, for framing on other sites (next.config.ts lets /embed/* be framed). */
export default async function EmbedCapitalByPeriod({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const view = parseCapitalView(await searchParams);
  const capital = await getCapitalByPeriod(view);
  const per = view.grain === "year" ? "year" : "quarter";
  const full = new URLSearchParams();
  if (view.include === "commitments") full.set("include", "commitments");
  if (view.asOf) full.set("asOf", view.asOf);
  const commitments = view.include === "commitments";
  return (
    <EmbedFrame
      title={commitments ? `Capital and commitments by ${per}, by kind` : `Capital counted by ${per}, by kind`}
      description={
        commitments
          ? "Announced and closed deals of every kind at their low amount, in US dollars."
          : "Equity and convertible investments in AI companies, announced or closed, at their low amount, in US dollars."
      }
      asOf={view.asOf}
      fullHref={`/${full.size > 0 ? `?${full}` : ""}#capital-by-quarter`}
    >
      <CapitalByPeriodBody capital={capital} />
    </EmbedFrame>
  );
}
