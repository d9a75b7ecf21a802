import { ChartFrame } from "@/components/charts/chart-frame";
import { largestRowTakeaway } from "@/components/charts/takeaway";
import { formatNumber, formatUsd } from "@/lib/format";
import type { ChartRow } from "@/components/charts/chart-types";
import { ScaleSwitch } from "@/components/charts/scale-switch";
import { StackedBarChart } from "@/components/charts/stacked-bar-chart";
import { withChartScale, type ChartScale } from "@/lib/filters/chart-scale";
import { analysisSectionPath, analysisViewToParams, type AnalysisView } from "@/lib/filters/analysis-view";
import type { CircularFlow } from "@/lib/measures/circular-flows";
import Link from "next/link";
import { analysisHref, AnalysisSectionLink } from "./analysis-page-frame";
import { BACK_PER_DOLLAR_HREF, CircularFlowList, formatBackToIn } from "./circular-flow-list";

/**
 * Legs listed per side of each loop on /analysis/loops: twenty loops of a large database with every leg made most of
 * /analysis's megabyte of HTML (each row is in the HTML and again in React's payload); the CSV lists every leg.
 */
const LEGS_SHOWN_HERE = 3;

/** The loops leg by leg for a view: a page of their own, since their diagrams and legs were a third of /analysis. */
export function loopsHref(view: AnalysisView): string {
  const params = analysisViewToParams(view);
  return `${analysisSectionPath("loops")}${params.size > 0 ? `?${params}` : ""}`;
}

const series = [
  { key: "moneyIn", label: "Capital in", color: "var(--chart-money-in)" },
  { key: "moneyBack", label: "Spending back", color: "var(--chart-money-back)" },
];

function loopRows(loops: CircularFlow[]): ChartRow[] {
  return loops.map((l) => ({
    label: `${l.investor.name} → ${l.company.name}`,
    moneyIn: Number(l.inTotal),
    moneyBack: Number(l.backTotal),
    ratio: formatBackToIn(l.backToIn),
  }));
}

export const CIRCULAR_FLOWS_TITLE = "Circular flows: capital invested and spending committed back, per loop";

/** The loops' chart's own page, where capital in and spending back are drawn per loop for a view. */
export const CIRCULAR_FLOWS_PATH = analysisSectionPath("circular-flows");

/** The loop with the most money back: "Most money back: Microsoft → OpenAI, $13.8B back for $13B in, 1.06×." */
function circularFlowsTakeaway(rows: ChartRow[]): string | null {
  return largestRowTakeaway(
    rows,
    "moneyBack",
    (r) => `Most money back: ${r.label}, ${formatUsd(Number(r.moneyBack))} back for ${formatUsd(Number(r.moneyIn))} in, ${r.ratio}.`,
  );
}

/**
 * The paired bars per loop (or the empty state), drawn the same on its page and in its embed. Loops span orders of
 * magnitude (a $5M round beside $138B committed back), hence the log scale with ?scale=log.
 */
export function CircularFlowsBody({ loops, scale = "linear" }: { loops: CircularFlow[]; scale?: ChartScale }) {
  return loops.length > 0 ? (
    <StackedBarChart
      rows={loopRows(loops)}
      series={series}
      stacked={false}
      log={scale === "log"}
      ariaLabel="Bar chart: capital in and spending back for each circular flow"
    />
  ) : (
    <p className="text-sm muted">No circular flows in this view.</p>
  );
}

/** The circular-flows CSV of a view: every loop and every leg. */
function csvHrefOf(view: AnalysisView): string {
  return `/api/stats/circular-flows?${new URLSearchParams([...analysisViewToParams(view), ["format", "csv"]])}`;
}

/**
 * Capital in against spending back per loop (/analysis/circular-flows), and the link to each loop leg by leg
 * (/analysis/loops). `loops` are the largest of `total` (lib/data/analysis.ts caps them); the CSV has every one.
 */
export function CircularFlowsSection({
  view,
  loops,
  total = loops.length,
  scale = "linear",
}: {
  view: AnalysisView;
  loops: CircularFlow[];
  total?: number;
  scale?: ChartScale;
}) {
  const rows = loopRows(loops);
  const params = analysisViewToParams(view);
  const here = `${analysisHref(CIRCULAR_FLOWS_PATH, view)}#circular-flows`;
  const csvHref = csvHrefOf(view);
  return (
    <>
      <ChartFrame
        id="circular-flows"
        title={CIRCULAR_FLOWS_TITLE}
        description={
          <>
            Pairs where an investor put equity or convertible capital into a company that committed to buy compute, cloud capacity or chips
            from that investor or one of its divisions (linked by the documented parent relation: AWS under Amazon, Azure under Microsoft,
            Google Cloud under Google). Legs count when announced or closed{view.pipeline ? ", rumored or in talks" : ""}; a shared round or
            commitment counts only the pair’s part, so capital in and spending back are each the sum of the parts listed leg by leg below.
            Back per dollar in is spending back divided by capital in: 2.00× means $2 committed back for each dollar invested (
            <Link href={BACK_PER_DOLLAR_HREF} className="text-link">
              how it is worked out
            </Link>
            ). The kind filter and the count switch do not apply here; investor and recipient filters pick loops.
            {total > loops.length
              ? ` Showing the ${loops.length} loops with the most money back, of ${total}; the CSV has every loop.`
              : ""}
          </>
        }
        takeaway={circularFlowsTakeaway(rows)}
        rows={rows}
        series={series}
        columns={[
          { key: "moneyIn", label: "Capital in", format: "usd" },
          { key: "moneyBack", label: "Spending back", format: "usd" },
          { key: "ratio", label: "Back per dollar in", format: "text" },
        ]}
        rowHeader="Loop"
        csvHref={csvHref}
        embedPath={withChartScale(`/embed/circular-flows?${params}`, scale)}
        actions={<ScaleSwitch scale={scale} href={here} />}
      >
        <CircularFlowsBody loops={loops} scale={scale} />
      </ChartFrame>
      {loops.length > 0 ? (
        <p className="text-sm">
          Each loop with its diagram and the deals on each side, the pair’s part of each:{" "}
          <Link href={loopsHref(view)} className="text-link">
            circular flows, leg by leg
          </Link>
          .
        </p>
      ) : null}
    </>
  );
}

/**
 * On /analysis, the circular flows are the loop with the most money back, their number and links: the bars per loop
 * with their table were about 18 kB of the page at 100,000 deals, so they have a page of their own with the same view,
 * beside the loops leg by leg.
 */
export function CircularFlowsLink({ view, loops, total }: { view: AnalysisView; loops: CircularFlow[]; total: number }) {
  const takeaway = circularFlowsTakeaway(loopRows(loops));
  return (
    <AnalysisSectionLink
      id="circular-flows"
      title="Circular flows: money invested that comes back"
      href={analysisHref(CIRCULAR_FLOWS_PATH, view)}
      linkText="Chart capital in and spending back per loop"
    >
      {total === 0 ? (
        "No circular flows in this view: no investor put capital into a company that committed to spend it back on the investor’s cloud or chips."
      ) : (
        <>
          {takeaway} {total === 1 ? "One loop" : `${formatNumber(total)} loops`} in this view, where an investor put capital into a company
          that committed to spend back on the investor’s cloud or chips. Each loop with its deals:{" "}
          <Link href={loopsHref(view)} className="text-link">
            circular flows, leg by leg
          </Link>
          .
        </>
      )}
    </AnalysisSectionLink>
  );
}

/** Each loop with its diagram and legs (/analysis/loops): the largest `loops` of `total`, the CSV with every one. */
export function CircularFlowLegsSection({ view, loops, total }: { view: AnalysisView; loops: CircularFlow[]; total: number }) {
  const csvHref = csvHrefOf(view);
  if (loops.length === 0) return <p className="text-sm muted">No circular flows in this view.</p>;
  return (
    <section aria-labelledby="loops-title" className="rounded-lg border border-gray-200 p-4 dark:border-gray-800">
      <h2 id="loops-title" className="text-lg font-semibold">
        Circular flows, leg by leg
      </h2>
      <p className="mt-1 text-sm muted">
        Open a loop to see its diagram and the deals on each side, each with the deal’s total and the pair’s part of it; each deal links to
        its page and sources, and every deal of a loop is one link away on /deals.
      </p>
      <CircularFlowList loops={loops} asOf={view.filters.asOf} legsShown={LEGS_SHOWN_HERE} />
      {total > loops.length ? (
        <p className="mt-3 text-sm">
          {total - loops.length} smaller {total - loops.length === 1 ? "loop is" : "loops are"} not shown here:{" "}
          <a href={csvHref} download className="text-link">
            download every loop as CSV
          </a>{" "}
          or read them from <code>/api/stats/circular-flows</code>.
        </p>
      ) : null}
    </section>
  );
}
