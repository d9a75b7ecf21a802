import { dealHref } from "@/lib/story/view-href";
import { dealListHref, PAGE_LINK_IDS } from "@/lib/story/deal-list-href";
import { KIND_LABELS } from "@/lib/domain";
import { formatDate, formatDecimal, formatUsd, formatUsdExact } from "@/lib/format";
import type { CircularFlow, CircularLeg } from "@/lib/measures/circular-flows";
import { LoopEntry, type LegAmount, type LegSide } from "./leg-rows";

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
function legSide(
  caption: string,
  all: CircularLeg[],
  shown: number,
  asOf: string | null,
  /** "Microsoft's part". */
  partLabel: string,
  /** "Money in". */
  totalLabel: string,
  total: bigint,
): LegSide {
  const legs = all.slice(0, shown);
  const rest = all.slice(shown);
  const allHref = dealListHref(
    all.map((l) => l.dealId),
    asOf,
    PAGE_LINK_IDS,
  );
  const anyDisclosed = all.some((l) => l.basis !== "undisclosed");
  return [
    caption,
    partLabel,
    legs.map((leg) => [
      dealHref(leg.dealId, asOf),
      `${leg.from.name} → ${leg.to.name}`,
      leg.announcedOn,
      formatDate(leg.announcedOn),
      KIND_LABELS[leg.kind],
      leg.status,
      legAmount(leg.dealAmount, leg.basis),
      legAmount(leg.amount, leg.basis),
      leg.amount.toString(),
    ]),
    rest.length > 0
      ? [
          allHref,
          allHref
            ? `${rest.length} more ${rest.length === 1 ? "deal" : "deals"}: list all ${all.length} on /deals`
            : `${rest.length} more deals, listed in the CSV`,
          formatUsd(rest.reduce((s, l) => s + l.dealAmount, 0n)),
          [formatUsd(sum(rest)), formatUsdExact(sum(rest))],
          sum(rest).toString(),
        ]
      : null,
    totalLabel,
    total.toString(),
    anyDisclosed ? [formatUsd(total), formatUsdExact(total)] : null,
  ];
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
        const id = `loop-${loop.investor.key}-${loop.company.key}`;
        return (
          <LoopEntry
            key={id}
            id={id}
            open={open}
            investor={loop.investor.name}
            company={loop.company.name}
            suppliers={suppliers}
            inLabel={legTotalLabel(
              loop.inTotal,
              loop.moneyIn.some((l) => l.basis !== "undisclosed"),
            )}
            backLabel={legTotalLabel(
              loop.backTotal,
              loop.moneyBack.some((l) => l.basis !== "undisclosed"),
            )}
            ratio={[backToInSentence(loop), formatBackToIn(loop.backToIn), loop.backToIn !== null]}
            methodologyHref={BACK_PER_DOLLAR_HREF}
            dealsHref={dealListHref(
              [...loop.moneyIn, ...loop.moneyBack].map((l) => l.dealId),
              asOf,
              PAGE_LINK_IDS,
            )}
            sides={[
              legSide(
                `Capital in: ${loop.investor.name} → ${loop.company.name}`,
                loop.moneyIn,
                legsShown,
                asOf,
                `${loop.investor.name}’s part`,
                "Money in",
                loop.inTotal,
              ),
              legSide(
                `Spending back: ${loop.company.name} → ${suppliers.join(", ")}`,
                loop.moneyBack,
                legsShown,
                asOf,
                `${loop.company.name}’s part`,
                "Money back",
                loop.backTotal,
              ),
            ]}
          />
        );
      })}
    </ul>
  );
}
