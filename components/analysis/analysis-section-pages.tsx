// The pages of /analysis's sections, each for the view its address's query asks for: rendered per request by
// app/analysis/[section], and at the bare address (no query) once per data version by app/v/[version]/analysis/[section]
// (proxy.ts rewrites it there).
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { AnalysisSectionPage, readAnalysisQuery } from "@/components/analysis/analysis-page-frame";
import { CapitalByKindChart } from "@/components/analysis/capital-by-kind-chart";
import { CircularFlowLegsSection, CircularFlowsSection } from "@/components/analysis/circular-flows-section";
import { TopSharesChart } from "@/components/analysis/concentration-charts";
import { FlowsChart } from "@/components/analysis/flows-chart";
import { NetworkSection } from "@/components/analysis/network-section";
import { CIRCULAR_FLOWS_SHOWN, getCapitalByKind, getCircularFlows, getConcentration, getFlows } from "@/lib/data/analysis";
import { getNetwork } from "@/lib/data/network";
import { analysisSectionPath, isAnalysisSection, type AnalysisSection, type AnalysisView } from "@/lib/filters/analysis-view";
import { parseChartScale } from "@/lib/filters/chart-scale";

type Query = Record<string, string | string[] | undefined>;

/** A section's page: its title in the browser's tab (the page's heading says more), and the page for a query. */
type SectionPage = { title: string; render: (query: Query) => Promise<ReactNode> };

/**
 * A section's page from what is its own: the figures it reads for the view (and the network's size, from the
 * address), and how it draws them. The address's view and the page's frame are every section's.
 */
function sectionPage<T>(
  section: AnalysisSection,
  page: {
    title: string;
    heading: string;
    intro: string;
    read: (view: AnalysisView, networkSize: number) => Promise<T>;
    draw: (data: T, view: AnalysisView, address: { query: Query; networkSize: number }) => ReactNode;
  },
): SectionPage {
  const path = analysisSectionPath(section);
  return {
    title: page.title,
    render: async (query) => {
      const { view, networkSize, issues } = await readAnalysisQuery(path, query);
      const data = await page.read(view, networkSize);
      return (
        <AnalysisSectionPage path={path} view={view} issues={issues} title={page.heading} intro={page.intro}>
          {page.draw(data, view, { query, networkSize })}
        </AnalysisSectionPage>
      );
    },
  };
}

const ANALYSIS_SECTION_PAGES: Record<AnalysisSection, SectionPage> = {
  // The top 1, 3 and 5 shares per period (its side and grain from the address).
  "top-shares": sectionPage("top-shares", {
    title: "Top shares of counted capital",
    heading: "Top shares of counted capital",
    intro: "How much of each period’s counted capital went to the largest one, three and five recipients or investors of the view.",
    read: (view) => getConcentration(view),
    draw: ({ periods }, view) => <TopSharesChart view={view} periods={periods} />,
  }),
  // The capital flows from investors to recipients: the Sankey diagram and its table.
  flows: sectionPage("flows", {
    title: "Capital flows",
    heading: "Capital flows: who put capital into whom",
    intro: "The largest flows of the view’s counted capital from each investor to each recipient, as a Sankey diagram and a table.",
    read: (view) => getFlows(view),
    draw: (flows, view) => <FlowsChart view={view} flows={flows} />,
  }),
  // The circular flows, capital in against spending back per loop (`scale` in the address).
  "circular-flows": sectionPage("circular-flows", {
    title: "Circular flows per loop",
    heading: "Circular flows: capital in and spending back",
    intro:
      "For each loop, the capital an investor put into a company and the spending that company committed back on the investor’s cloud or chips; the loops with the most money back first.",
    read: (view) => getCircularFlows(view, CIRCULAR_FLOWS_SHOWN),
    draw: ({ loops, count }, view, { query }) => (
      <CircularFlowsSection view={view} loops={loops} total={count} scale={parseChartScale(query)} />
    ),
  }),
  // The circular flows leg by leg: the largest loops with their diagrams and deals.
  loops: sectionPage("loops", {
    title: "Circular flows, leg by leg",
    heading: "Circular flows: money invested that comes back",
    intro:
      "Where an investor put capital into a company that committed to spend back on the investor’s cloud or chips, each loop with the deals on each side; the loops with the most money back first.",
    read: (view) => getCircularFlows(view, CIRCULAR_FLOWS_SHOWN),
    draw: ({ loops, count }, view) => <CircularFlowLegsSection view={view} loops={loops} total={count} />,
  }),
  // The network of who funds whom, with its size (`nodes`) in the address.
  network: sectionPage("network", {
    title: "Who funds whom",
    heading: "Who funds whom",
    intro: "The largest organizations of the view and the counted capital between them, with the circular flows marked.",
    read: (view, networkSize) => getNetwork(view, networkSize),
    draw: (network, view, { networkSize }) => <NetworkSection view={view} size={networkSize} network={network} />,
  }),
  // The counted amounts per period by kind (its count and grain from the address).
  kinds: sectionPage("kinds", {
    title: "Counted amounts by kind",
    heading: "Counted amounts by kind",
    intro: "The view’s counted amounts per year or quarter, one colour per kind of deal.",
    read: (view) => getCapitalByKind(view),
    draw: (data, view) => <CapitalByKindChart view={view} data={data} />,
  }),
};

/** The page of the section an address's last segment names (/analysis/flows: flows); not found for any other. */
export function analysisSectionPage(segment: string): SectionPage {
  if (!isAnalysisSection(segment)) notFound();
  return ANALYSIS_SECTION_PAGES[segment];
}
