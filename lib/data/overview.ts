// Everything the overview page (/) shows, as plain serialisable objects.
import "server-only";
import { getDb } from "../db";
import type { AmountQualifier, DealStatus } from "../domain";
import type { PrismaClient } from "../generated/prisma/client";
import { DEFAULT_RULE, herfindahlIndex, type EntityTotal } from "../measures/capital";
import { DEFAULT_DEAL_FILTERS } from "../filters/deal-filters";
import { countDeals, listDeals, type DealSummary } from "./deals";
import { getDealStats } from "./deal-stats";
import { readsOf } from "./kysely";
import { capitalByNamedInvestorSql, capitalByRecipientInYearSql, latestYearOfKindsSql } from "./raw/overview-figures";
import { viewDeals } from "./raw/view-deals";
import { cachedView, viewKey } from "./view-cache";

export type StatusChange = {
  eventId: number;
  dealId: number;
  occurredOn: string;
  recipient: string;
  investors: string[];
  round: string | null;
  from: DealStatus;
  to: DealStatus;
  amountUsdLow: bigint | null;
  amountUsdHigh: bigint | null;
  amountQualifier: AmountQualifier;
};

export type Overview = {
  totalDeals: number;
  capital: { total: bigint; dealCount: number; undisclosedCount: number; upperBoundTotal: bigint };
  largestInvestor: { slug: string; name: string; amount: bigint } | null;
  recipientHhi: { year: string; hhi: number; recipients: number } | null;
  latestDeals: DealSummary[];
  latestChanges: StatusChange[];
};

const LIST_SIZE = 8;

/**
 * The overview today, or as the market was reported on `asOf` (deals rebuilt from their lifecycle events). Cached per
 * data version (lib/data/view-cache.ts): every visitor sees the same overview until the next write.
 */
export function getOverview(asOf: string | null = null): Promise<Overview> {
  return cachedView(viewKey("overview", { asOf }), () => computeOverview(asOf));
}

async function computeOverview(asOf: string | null): Promise<Overview> {
  const db = await getDb();
  // The headline figures are summed in the database over the deals' states, today or as of the date.
  const [headline, latest, changes, totalDeals] = await Promise.all([
    headlineInSql(db, asOf),
    listDeals({ ...DEFAULT_DEAL_FILTERS, pageSize: LIST_SIZE, asOf }).then((page) => page.data),
    latestStatusChanges(asOf),
    countDeals({ ...DEFAULT_DEAL_FILTERS, asOf }),
  ]);
  return { totalDeals, ...headline, latestDeals: latest, latestChanges: changes };
}

type Headline = Pick<Overview, "capital" | "largestInvestor" | "recipientHhi">;

const investorRef = (top: EntityTotal | undefined): Overview["largestInvestor"] =>
  top ? { slug: top.key, name: top.name, amount: top.amount } : null;
const hhiOf = (year: string, totals: bigint[]) => ({ year, hhi: herfindahlIndex(totals), recipients: totals.filter((a) => a > 0n).length });

/**
 * The headline figures summed in the database (lib/data/raw/overview-figures.ts) without loading the deals: the same
 * as capitalCounted, capitalByInvestor and the latest year's capitalByRecipient over them (tests compare the two).
 */
async function headlineInSql(db: PrismaClient, asOf: string | null): Promise<Headline> {
  // The market's cells today, the deals as of the date otherwise (lib/data/raw/view-deals.ts).
  const cells = viewDeals(readsOf(db), { asOf }).cells;
  const [stats, investors, latestYear] = await Promise.all([
    getDealStats({ ...DEFAULT_DEAL_FILTERS, asOf }),
    capitalByNamedInvestorSql(cells, DEFAULT_RULE),
    latestYearOfKindsSql(cells, DEFAULT_RULE),
  ]);
  return {
    capital: stats.capital,
    largestInvestor: investorRef(investors.find((i) => i.amount > 0n)),
    recipientHhi: latestYear
      ? hhiOf(
          latestYear,
          (await capitalByRecipientInYearSql(cells, DEFAULT_RULE, latestYear)).map((r) => r.amount),
        )
      : null,
  };
}

/** The newest lifecycle events that moved a deal from one status to another (a first report is not a change). */
async function latestStatusChanges(asOf: string | null): Promise<StatusChange[]> {
  const db = await getDb();
  const recent = await db.dealEvent.findMany({
    where: { deal: { deletedAt: null }, ...(asOf ? { occurredOn: { lte: asOf } } : {}) },
    orderBy: [{ occurredOn: "desc" }, { id: "desc" }],
    take: LIST_SIZE * 4,
    select: {
      id: true,
      dealId: true,
      occurredOn: true,
      status: true,
      amountUsdLow: true,
      amountUsdHigh: true,
      amountQualifier: true,
      deal: {
        select: {
          round: true,
          recipient: { select: { name: true } },
          participations: { orderBy: { position: "asc" }, select: { partyLabel: true, organization: { select: { name: true } } } },
          events: { orderBy: [{ occurredOn: "asc" }, { id: "asc" }], select: { id: true, status: true } },
        },
      },
    },
  });
  const changes: StatusChange[] = [];
  for (const event of recent) {
    const history = event.deal.events;
    const index = history.findIndex((e) => e.id === event.id);
    const previous = index > 0 ? (history[index - 1].status as DealStatus) : null;
    if (previous === null || previous === event.status) continue;
    changes.push({
      eventId: event.id,
      dealId: event.dealId,
      occurredOn: event.occurredOn,
      recipient: event.deal.recipient.name,
      investors: event.deal.participations.map((p) => p.organization?.name ?? p.partyLabel ?? "Undisclosed"),
      round: event.deal.round,
      from: previous,
      to: event.status as DealStatus,
      amountUsdLow: event.amountUsdLow,
      amountUsdHigh: event.amountUsdHigh,
      amountQualifier: event.amountQualifier as AmountQualifier,
    });
    if (changes.length === LIST_SIZE) break;
  }
  return changes;
}
