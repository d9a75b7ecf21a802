import { analysisViewToParams, parseAnalysisView, type AnalysisView } from "@/lib/filters/analysis-view";

export type EmbedSearchParams = Promise<Record<string, string | string[] | undefined>>;

/**
 * An /analysis chart's embed takes the page's parameters; the link back opens the same view at the chart's anchor, on
 * /analysis or on the section page (`path`, e.g. /analysis/flows) that draws the chart.
 */
export async function analysisEmbedView(
  searchParams: EmbedSearchParams,
  anchor: string,
  path = "/analysis",
): Promise<{ view: AnalysisView; fullHref: string }> {
  const { view } = parseAnalysisView(await searchParams);
  const params = analysisViewToParams(view);
  return { view, fullHref: `${path}${params.size > 0 ? `?${params}` : ""}#${anchor}` };
}
