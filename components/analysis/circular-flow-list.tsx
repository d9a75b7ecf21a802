import Link from "next/link";
import { dealHref } from "@/lib/story/view-href";
import { dealListHref, PAGE_LINK_IDS } from "@/lib/story/deal-list-href";
import { KIND_LABELS } from "@/lib/domain";
import { formatDate, formatDecimal, formatUsd, formatUsdExact } from "@/lib/format";
import type { CircularFlow, CircularLeg } from "@/lib/measures/circular-flows";
import { CircularFlowDiagram } from "./circular-flow-diagram";
import { LegRows, type LegAmount } from "./leg-rows";

/** "18.3×" money back per dollar in; a dash when either side is undisclosed. */
export function formatBackToIn(backToIn: number | null): string {
  return backToIn === null ? "—" : `${backToIn >= 10 ? backToIn.toFixed(1) : backToIn.toFixed(2)}×`;
}

/** Where the methodology defines the money back per dollar in. */
export const BACK_PER_DOLLAR_HREF = "/methodology#back-per-dollar";

/** The ratio in words, for the places that show it: what 18.3× means for this loop. */
export function backToInSentence(loop: Pick<CircularFlow, "investor" | "company" | "inTotal" | "backTotal" | "backToIn">): string {
  if (loop.backToIn === null) return "Money back per dollar in is not given: one side has no disclosed amount.";
  return `Money back per dollar in: ${formatUsd(loop.backTotal)} ${loop.company.name} committed back ÷ ${formatUsd(loop.inTotal)} ${loop.investor.name} put in = ${formatBackToIn(loop.backToIn)}, that is $${formatDecimal(loop.backToIn, 2)} back for each dollar in.`;
}

/** "$13.7B", or "undisclosed" when no leg has a disclosed amount. */
function legTotalLabel(total: bigint, anyDisclosed: boolean): string {
  return anyDisclosed ? formatUsd(total) : "undisclosed";
}

/** Legs listed per side of a loop; a loop of a large synthetic database has hundreds. */
export const LEGS_SHOWN = 25;

const LINK = "text-link";

/** A leg's figure as shown, with its exact dollars for the title; "Undisclosed" without a title. */
function legAmount(amount: bigint, basis: CircularLeg["basis"]): LegAmount {
  if (basis === "undisclosed") return ["Undisclosed", null];
  return [`${basis === "upper_bound" ? "up to " : ""}${formatUsd(amount)}`, formatUsdExact(amount)];
}

const sum = (legs: CircularLeg[]) => legs.reduce((s, l) => s + l.amount, 0n);

/**
 * One side of a loop: each deal with its total and the payer's part of it (the part is what the side adds up), the
 * legs not listed as one row linked to /deals listing them all, then the side's total, the sum of the parts column.
 */
function LegTable({
  caption,
  legs: all,
  shown,
  asOf,
  partLabel,
  totalLabel,
  total,
}: {
  caption: string;
  legs: CircularLeg[];
  shown: number;
  asOf: string | null;
  /** "Microsoft's part". */
  partLabel: string;
  /** "Money in". */
  totalLabel: string;
  total: bigint;
}) {
  const legs = all.slice(0, shown);
  const rest = all.slice(shown);
  const allHref = dealListHref(
    all.map((l) => l.dealId),
    asOf,
    PAGE_LINK_IDS,
  );
  const anyDisclosed = all.some((l) => l.basis !== "undisclosed");
  return (
    <div className="overflow-x-auto">
      <table className="data-table min-w-full text-left text-sm">
        <caption className="py-1 text-left font-medium">{caption}</caption>
        <thead>
          <tr className="border-b border-gray-200 dark:border-gray-800">
            <th scope="col">Deal</th>
            <th scope="col">Date</th>
            <th scope="col">Kind</th>
            <th scope="col">Status</th>
            <th scope="col" className="text-right">
              Deal total
            </th>
            <th scope="col" className="text-right">
              {partLabel}
            </th>
          </tr>
        </thead>
        <tbody>
          <LegRows
            rows={legs.map((leg) => [
              dealHref(leg.dealId, asOf),
              `${leg.from.name} → ${leg.to.name}`,
              leg.announcedOn,
              formatDate(leg.announcedOn),
              KIND_LABELS[leg.kind],
              leg.status,
              legAmount(leg.dealAmount, leg.basis),
              legAmount(leg.amount, leg.basis),
              leg.amount.toString(),
            ])}
          />
          {rest.length > 0 ? (
            <tr className="row-rule">
              <th scope="row" colSpan={4}>
                {allHref ? (
                  <Link href={allHref} className={LINK}>
                    {rest.length} more {rest.length === 1 ? "deal" : "deals"}: list all {all.length} on /deals
                  </Link>
                ) : (
                  <>{rest.length} more deals, listed in the CSV</>
                )}
              </th>
              <td>{formatUsd(rest.reduce((s, l) => s + l.dealAmount, 0n))}</td>
              <td data-part={sum(rest).toString()}>
                <span title={formatUsdExact(sum(rest))}>{formatUsd(sum(rest))}</span>
              </td>
            </tr>
          ) : null}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={5} className="text-right">
              {totalLabel}, the sum of the parts
            </th>
            <td className="font-medium" data-total={total.toString()}>
              {anyDisclosed ? <span title={formatUsdExact(total)}>{formatUsd(total)}</span> : "undisclosed"}
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

/**
 * Every loop, closed unless `open`; opening one shows its diagram, the ratio in words and the first `legsShown` legs
 * of each side, each linked to its deal, the others one link away on /deals.
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
        const ratioSentence = backToInSentence(loop);
        const loopHref = dealListHref(
          [...loop.moneyIn, ...loop.moneyBack].map((l) => l.dealId),
          asOf,
          PAGE_LINK_IDS,
        );
        return (
          <li key={id} id={id}>
            <details open={open} className="rounded-lg border border-gray-200 dark:border-gray-800">
              <summary className="cursor-pointer rounded-lg p-3 focus-visible:outline-2 focus-visible:outline-blue-600">
                <span className="font-medium">
                  {loop.investor.name} → {loop.company.name} → {suppliers.join(", ")}
                </span>
                <span className="text-gray-600 dark:text-gray-400">
                  : {inLabel} in, {backLabel} back (<abbr title={ratioSentence}>{formatBackToIn(loop.backToIn)}</abbr>
                  {loop.backToIn === null ? "" : " back per dollar in"})
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
                <p className="text-sm">
                  Money in is the sum of {loop.investor.name}&rsquo;s parts of the deals below, money back the sum of {loop.company.name}
                  &rsquo;s parts: a shared round or commitment counts only the part attributed to the pair (committed amounts where known,
                  the rest split equally). {ratioSentence}{" "}
                  <Link href={BACK_PER_DOLLAR_HREF} className={LINK}>
                    How the ratio is worked out
                  </Link>
                  {loopHref ? (
                    <>
                      {" · "}
                      <Link href={loopHref} className={LINK}>
                        Every deal of this loop on /deals
                      </Link>
                    </>
                  ) : null}
                </p>
                <LegTable
                  caption={`Capital in: ${loop.investor.name} → ${loop.company.name}`}
                  legs={loop.moneyIn}
                  shown={legsShown}
                  asOf={asOf}
                  partLabel={`${loop.investor.name}’s part`}
                  totalLabel="Money in"
                  total={loop.inTotal}
                />
                <LegTable
                  caption={`Spending back: ${loop.company.name} → ${suppliers.join(", ")}`}
                  legs={loop.moneyBack}
                  shown={legsShown}
                  asOf={asOf}
                  partLabel={`${loop.company.name}’s part`}
                  totalLabel="Money back"
                  total={loop.backTotal}
                />
              </div>
            </details>
          </li>
        );
      })}
    </ul>
  );
}
