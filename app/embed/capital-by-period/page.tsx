import type { Metadata } from "next";
import type { ChartRow } from "@/components/charts/chart-types";
import { StackedBarChart } from "@/components/charts/stacked-bar-chart";
import { EmbedFrame } from "@/components/story/embed-frame";
import { getCapitalByPeriod } from "@/lib/data/capital";
import { KIND_LABELS } from "@/lib/domain";
import { parseCapitalView } from "@/lib/filters/capital-view";
import { formatPeriod } from "@/lib/format";

export const metadata: Metadata = { title: "Capital by period (embed)", robots: { index: false } };

/** The overview's capital-by-period chart alone, for framing on other sites (next.config.ts lets /embed/* be framed). */
export default async function EmbedCapitalByPeriod({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const view = parseCapitalView(await searchParams);
  const capital = await getCapitalByPeriod(view);
  const per = view.grain === "year" ? "year" : "quarter";
  const series = capital.kinds.map((k) => ({ key: k, label: KIND_LABELS[k], color: `var(--color-${k})` }));
  const rows: ChartRow[] = capital.periods.map((p) => ({
    label: formatPeriod(p.period),
    total: Number(p.total),
    ...Object.fromEntries(capital.kinds.map((k) => [k, Number(p.byKey[k] ?? 0n)])),
  }));
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
      {rows.length > 0 ? (
        <StackedBarChart rows={rows} series={series} ariaLabel={`Stacked bar chart: capital per ${per}, by kind`} />
      ) : (
        <p className="text-sm">No counted deals to chart.</p>
      )}
    </EmbedFrame>
  );
}
