// Circular flows (docs/domain.md, "Measures"): an investor puts capital into a company, and that company commits to spend with
// the investor (compute, cloud or chips): Microsoft -> OpenAI -> Azure. The data reads "investors pay, recipient
// receives", so the spending leg is a deal whose investors include the company and whose recipient is the investor
// or one of its divisions. Divisions are matched through the parent relation (rootOf), never by name.
import type { DealKind } from "../domain";
import {
  attributeToInvestors,
  CAPITAL_KINDS,
  countedAmount,
  isCounted,
  ratio,
  UNDISCLOSED_KEY,
  type CountedAmount,
  type MeasureDeal,
} from "./capital";
import { nameOf, rootOf, type OrganizationDirectory } from "./organization-groups";

/** Kinds that are money going back to the investor: purchase commitments for compute, cloud capacity or chips. */
export const SPEND_BACK_KINDS: readonly DealKind[] = ["compute_commitment", "cloud_credits", "chip_supply"];

type Party = { key: string; name: string };
export type CircularLeg = {
  dealId: number;
  kind: DealKind;
  status: MeasureDeal["status"];
  announcedOn: string;
  from: Party;
  to: Party;
  /** The part of the deal that is this payer's (attributeToInvestors), and how the deal's amount is known. */
  amount: bigint;
  basis: CountedAmount["basis"];
  dealAmount: bigint;
};
export type CircularFlow = {
  /** The investing company, at the top of its parent chain (Microsoft for Microsoft and Azure). */
  investor: Party;
  /** The company that received the capital and spends it back. */
  company: Party;
  moneyIn: CircularLeg[];
  moneyBack: CircularLeg[];
  inTotal: bigint;
  backTotal: bigint;
  /** Money back per dollar in; null when either side has no disclosed amount (a ratio of unknowns is not 0). */
  backToIn: number | null;
};

type Legs = { moneyIn: CircularLeg[]; moneyBack: CircularLeg[] };
/** An (investor company, company) pair and its legs so far, in any order. */
export type LoopPair = { investor: Party; company: Party } & Legs;

/**
 * Every (investor company, company) pair with at least one capital leg and one spending leg, largest money back
 * first. Legs follow the counting statuses (announced or closed; rumored and in talks too under the pipeline switch;
 * never terminated). A shared round or a shared commitment counts only the pair's part of it.
 */
export function findCircularFlows(
  deals: readonly MeasureDeal[],
  directory: OrganizationDirectory,
  options: { includePipeline: boolean },
): CircularFlow[] {
  const pairs = new Map<string, Legs & { investorKey: string; companyKey: string }>();
  const legsOf = (investorKey: string, companyKey: string) => {
    const pairKey = `${investorKey}\u0000${companyKey}`;
    let legs = pairs.get(pairKey);
    if (!legs) {
      legs = { investorKey, companyKey, moneyIn: [], moneyBack: [] };
      pairs.set(pairKey, legs);
    }
    return legs;
  };
  const inRule = { kinds: CAPITAL_KINDS, includePipeline: options.includePipeline };
  const backRule = { kinds: SPEND_BACK_KINDS, includePipeline: options.includePipeline };

  for (const deal of deals) {
    const spendsBack = isCounted(deal, backRule);
    if (!spendsBack && !isCounted(deal, inRule)) continue;
    const { amount, basis } = countedAmount(deal);
    for (const part of attributeToInvestors(deal, amount)) {
      if (part.key === UNDISCLOSED_KEY) continue;
      const leg: CircularLeg = {
        dealId: deal.id,
        kind: deal.kind,
        status: deal.status,
        announcedOn: deal.announcedOn,
        from: { key: part.key, name: part.name },
        to: deal.recipient,
        amount: part.amount,
        basis,
        dealAmount: amount,
      };
      const payer = rootOf(part.key, directory);
      const receiver = rootOf(deal.recipient.key, directory);
      // Money moving inside one company (a unit investing in its parent) is not a loop.
      if (payer === receiver) continue;
      // Capital in: the payer is the investor, the receiver the company. Spending back: the other way round.
      if (spendsBack) legsOf(receiver, payer).moneyBack.push(leg);
      else legsOf(payer, receiver).moneyIn.push(leg);
    }
  }

  return loopsOf(
    [...pairs.values()].map(({ investorKey, companyKey, moneyIn, moneyBack }) => ({
      investor: { key: investorKey, name: nameOf(investorKey, directory) },
      company: { key: companyKey, name: nameOf(companyKey, directory) },
      moneyIn,
      moneyBack,
    })),
  );
}

/** Legs in deal order (date, then id), a deal's legs by their payer's key. */
function byDealOrder(a: CircularLeg, b: CircularLeg): number {
  return (
    (a.announcedOn < b.announcedOn ? -1 : a.announcedOn > b.announcedOn ? 1 : 0) ||
    a.dealId - b.dealId ||
    (a.from.key < b.from.key ? -1 : a.from.key > b.from.key ? 1 : 0)
  );
}

/**
 * The loops among (investor company, company) pairs and their legs: the pairs with legs on both sides, each side in
 * deal order, with their totals, largest money back first. Shared by findCircularFlows and the loops matched in SQL
 * (lib/data/raw/analysis-figures.ts), so both total, rate and order them alike.
 */
export function loopsOf(pairs: Iterable<LoopPair>): CircularFlow[] {
  const loops: CircularFlow[] = [];
  for (const pair of pairs) {
    if (pair.moneyIn.length === 0 || pair.moneyBack.length === 0) continue;
    const { investor, company } = pair;
    const moneyIn = [...pair.moneyIn].sort(byDealOrder);
    const moneyBack = [...pair.moneyBack].sort(byDealOrder);
    const inTotal = moneyIn.reduce((s, l) => s + l.amount, 0n);
    const backTotal = moneyBack.reduce((s, l) => s + l.amount, 0n);
    loops.push({
      investor,
      company,
      moneyIn,
      moneyBack,
      inTotal,
      backTotal,
      backToIn: inTotal > 0n && moneyBack.some((l) => l.basis !== "undisclosed") ? ratio(backTotal, inTotal) : null,
    });
  }
  return loops.sort(byMoneyBack);
}

/** A loop's pair and its totals: what loops are ordered by. */
export type LoopTotals = Pick<CircularFlow, "investor" | "company" | "inTotal" | "backTotal">;

/** The loops' order: the most money back first, then the most money in, then the investor's and company's names. */
export function byMoneyBack(a: LoopTotals, b: LoopTotals): number {
  return (
    (a.backTotal === b.backTotal ? 0 : a.backTotal > b.backTotal ? -1 : 1) ||
    (a.inTotal === b.inTotal ? 0 : a.inTotal > b.inTotal ? -1 : 1) ||
    a.investor.name.localeCompare(b.investor.name) ||
    a.company.name.localeCompare(b.company.name)
  );
}

/**
 * Keeps the loops that involve the given organizations: investor slugs match the investing company (with its
 * divisions), a recipient slug matches the company. Empty criteria keep every loop.
 */
export function loopsInvolving<T extends Pick<CircularFlow, "investor" | "company">>(
  loops: readonly T[],
  criteria: { investors: readonly string[]; recipient: string | null },
  directory: OrganizationDirectory,
): T[] {
  const investorRoots = new Set(criteria.investors.map((k) => rootOf(k, directory)));
  const recipientRoot = criteria.recipient === null ? null : rootOf(criteria.recipient, directory);
  return loops.filter(
    (loop) =>
      (investorRoots.size === 0 || investorRoots.has(loop.investor.key)) && (recipientRoot === null || loop.company.key === recipientRoot),
  );
}
