import Link from "next/link";
import { dealHref } from "@/lib/story/view-href";
import { StatusBadge } from "@/components/deals/status-badge";
import { KIND_LABELS } from "@/lib/domain";
import { formatDate, formatUsd, formatUsdExact } from "@/lib/format";
import type { CircularFlow, CircularLeg } from "@/lib/measures/circular-flows";
import { CircularFlowDiagram } from "./circular-flow-diagram";

/** "18.3×" money back per dollar in; a dash when either side is undisclosed. */
export function formatBackToIn(backToIn: number | null): string {
  return backToIn === null ? "—" : `${backToIn >= 10 ? backToIn.toFixed(1) : backToIn.toFixed(2)}×`;
}

/** "$13.7B", or "undisclosed" when no leg has a disclosed amount. */
function legTotalLabel(total: bigint, anyDisclosed: boolean): string {
  return anyDisclosed ? formatUsd(total) : "undisclosed";
}

/** Legs listed per side of a loop; a loop of a large synthetic database has hundreds. */
export const LEGS_SHOWN = 25;

function LegTable({ caption, legs: all, shown, asOf }: { caption: string; legs: CircularLeg[]; shown: number; asOf: string | null }) {
  const legs = all.slice(0, shown);
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full text-left text-sm">
        <caption className="py-1 text-left font-medium">{caption}</caption>
        <thead>
          <tr className="border-b border-gray-200 dark:border-gray-800">
            <th scope="col" className="py-1 pr-3 font-medium">
              Deal
            </th>
            <th scope="col" className="py-1 pr-3 font-medium">
              Date
            </th>
            <th scope="col" className="py-1 pr-3 font-medium">
              Kind
            </th>
            <th scope="col" className="py-1 pr-3 font-medium">
              Status
            </th>
            <th scope="col" className="py-1 text-right font-medium">
              Amount
            </th>
          </tr>
        </thead>
        <tbody>
          {legs.map((leg) => (
            <tr key={`${leg.dealId}-${leg.from.key}`} className="border-b border-gray-100 dark:border-gray-900">
              <th scope="row" className="py-1 pr-3 font-normal">
                <Link
                  href={dealHref(leg.dealId, asOf)}
                  className="text-blue-700 underline focus-visible:outline-2 focus-visible:outline-blue-600 dark:text-blue-400"
                >
                  {leg.from.name} → {leg.to.name}
                </Link>
              </th>
              <td className="whitespace-nowrap py-1 pr-3">
                <time dateTime={leg.announcedOn}>{formatDate(leg.announcedOn)}</time>
              </td>
              <td className="py-1 pr-3">{KIND_LABELS[leg.kind]}</td>
              <td className="py-1 pr-3">
                <StatusBadge status={leg.status} />
              </td>
              <td className="whitespace-nowrap py-1 text-right">
                {leg.basis === "undisclosed" ? (
                  "Undisclosed"
                ) : (
                  <span title={formatUsdExact(leg.amount)}>
                    {leg.basis === "upper_bound" ? "up to " : ""}
                    {formatUsd(leg.amount)}
                    {leg.amount !== leg.dealAmount ? ` (its part of ${formatUsd(leg.dealAmount)})` : ""}
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {all.length > legs.length ? (
        <p className="py-1 text-sm text-gray-600 dark:text-gray-400">And {all.length - legs.length} more deals on this side, in the CSV.</p>
      ) : null}
    </div>
  );
}

/**
 * Every loop, closed unless `open`; opening one shows its diagram and the first `legsShown` legs of each side, each
 * linked to its deal (the CSV has them all).
 */
export function CircularFlowList({
  loops,
  asOf,
  open = false,
  legsShown = LEGS_SHOWN,
}: {
  loops: CircularFlow[];
  asOf: string | null;
  open?: boolean;
  legsShown?: number;
}) {
  return (
    <ul className="mt-4 space-y-2">
      {loops.map((loop) => {
        const suppliers = [...new Set(loop.moneyBack.map((l) => l.to.name))];
        const inLabel = legTotalLabel(
          loop.inTotal,
          loop.moneyIn.some((l) => l.basis !== "undisclosed"),
        );
        const backLabel = legTotalLabel(
          loop.backTotal,
          loop.moneyBack.some((l) => l.basis !== "undisclosed"),
        );
        const id = `loop-${loop.investor.key}-${loop.company.key}`;
        return (
          <li key={id}>
            <details open={open} className="rounded-lg border border-gray-200 dark:border-gray-800">
              <summary className="cursor-pointer rounded-lg p-3 focus-visible:outline-2 focus-visible:outline-blue-600">
                <span className="font-medium">
                  {loop.investor.name} → {loop.company.name} → {suppliers.join(", ")}
                </span>
                <span className="text-gray-600 dark:text-gray-400">
                  : {inLabel} in, {backLabel} back ({formatBackToIn(loop.backToIn)})
                </span>
              </summary>
              <div className="space-y-4 border-t border-gray-200 p-3 dark:border-gray-800">
                <CircularFlowDiagram
                  id={id}
                  investor={loop.investor.name}
                  company={loop.company.name}
                  suppliers={suppliers}
                  inLabel={inLabel}
                  backLabel={backLabel}
                />
                <LegTable
                  caption={`Capital in: ${loop.investor.name} → ${loop.company.name}`}
                  legs={loop.moneyIn}
                  shown={legsShown}
                  asOf={asOf}
                />
                <LegTable
                  caption={`Spending back: ${loop.company.name} → ${suppliers.join(", ")}`}
                  legs={loop.moneyBack}
                  shown={legsShown}
                  asOf={asOf}
                />
              </div>
            </details>
          </li>
        );
      })}
    </ul>
  );
}
