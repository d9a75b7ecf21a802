import Link from "next/link";
import { KIND_LABELS, STATUS_LABELS } from "@/lib/domain";
import type { AnalysisView } from "@/lib/filters/analysis-view";
import { hasActiveFilters } from "@/lib/filters/deal-filters";
import { formatDate, formatNumber, formatUsd, formatUsdExact } from "@/lib/format";
import type { CapitalSummary } from "@/lib/measures/capital";
import { withAsOf } from "@/lib/story/view-href";

function countedKinds(view: AnalysisView): string {
  if (view.count === "capital") return "equity and convertible investments";
  if (view.count === "all")
    return "deals of every kind (equity, convertible, compute, cloud and chip commitments, licensing, acquisitions, joint ventures, other)";
  return `${KIND_LABELS[view.count].toLowerCase()} deals only`;
}

/** The sentence that says, for this view, exactly which deals and amounts every figure below adds up. */
export function CountingStatement({
  view,
  summary,
  attributed = null,
  excluded,
  filterNames,
}: {
  view: AnalysisView;
  summary: CapitalSummary;
  /** With an investor filter, the investors' own part of `summary`. */
  attributed?: bigint | null;
  excluded: { key: string; name: string }[];
  filterNames: Record<string, string>;
}) {
  const f = view.filters;
  const filters: string[] = [];
  if (f.investors.length > 0) filters.push(`investor ${f.investors.map((s) => filterNames[s] ?? s).join(" or ")}`);
  if (f.recipient) filters.push(`recipient ${filterNames[f.recipient] ?? f.recipient}`);
  if (f.kinds.length > 0) filters.push(`kind ${f.kinds.map((k) => KIND_LABELS[k]).join(" or ")}`);
  if (f.statuses.length > 0) filters.push(`status ${f.statuses.map((s) => STATUS_LABELS[s]).join(" or ")}`);
  if (f.from) filters.push(`from ${formatDate(f.from)}`);
  if (f.to) filters.push(`to ${formatDate(f.to)}`);
  if (f.min !== null) filters.push(`at least ${formatUsd(f.min)}`);
  if (f.max !== null) filters.push(`at most ${formatUsd(f.max)}`);
  if (f.q) filters.push(`matching “${f.q}”`);

  return (
    <section aria-labelledby="counting-title" className="rounded-lg bg-gray-50 p-4 text-sm dark:bg-gray-900">
      <h2 id="counting-title" className="font-semibold">
        What this page counts
      </h2>
      <p className="mt-1">
        {countedKinds(view)},{" "}
        {view.pipeline
          ? "announced, closed, rumored or in talks (pipeline included)"
          : "announced or closed (rumored and in-talks deals are pipeline, left out)"}
        , at their low amount, or the “up to” figure where no lower one is known. Terminated deals never count.{" "}
        <strong>
          {attributed !== null ? "Total of the rounds joined: " : ""}
          <span title={formatUsdExact(summary.total)}>{formatUsd(summary.total)}</span> across {formatNumber(summary.dealCount)} deals
        </strong>
        {summary.upperBoundTotal > 0n ? `, ${formatUsd(summary.upperBoundTotal)} of it from “up to” figures` : ""}
        {summary.undisclosedCount > 0 ? `; ${summary.undisclosedCount} deals with undisclosed amounts add nothing` : ""}.
        {attributed !== null ? (
          <>
            {" "}
            <strong>
              Attributed to {f.investors.map((s) => filterNames[s] ?? s).join(" and ")}:{" "}
              <span title={formatUsdExact(attributed)}>{formatUsd(attributed)}</span>
            </strong>
            , {f.investors.length === 1 ? "its" : "their"} part of those deals (committed amounts where known, the rest split equally).
          </>
        ) : null}
      </p>
      {filters.length > 0 ? (
        <p className="mt-1">
          Only deals with {filters.join(", ")}.{" "}
          {hasActiveFilters(f) ? (
            <Link href={withAsOf("/analysis", f.asOf)} className="text-link">
              Show all deals
            </Link>
          ) : null}
        </p>
      ) : null}
      {excluded.length > 0 ? (
        <p className="mt-1">
          Without {excluded.map((e) => e.name).join(", ")}: what they received and their part of the rounds they joined are left out, with
          their divisions.
        </p>
      ) : null}
      <p className="mt-1">
        <Link href={withAsOf("/methodology", f.asOf)} className="text-link">
          How every number is counted
        </Link>
      </p>
    </section>
  );
}
