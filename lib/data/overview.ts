// Everything the overview page (/) shows, as plain serialisable objects.
import "server-only";
import { getDb } from "../db";
import type { AmountQualifier, DealStatus } from "../domain";
import { capitalByInvestor, capitalByRecipient, capitalCounted, DEFAULT_RULE, herfindahlIndex, periodOf, UNDISCLOSED_KEY } from "../measures/capital";
import { DEFAULT_DEAL_FILTERS } from "../filters/deal-filters";
import { dealSummarySelect, listDeals, toDealSummary, type DealSummary } from "./deals";
import { loadMeasureDeals } from "./measure-deals";
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
  const deals = await loadMeasureDeals(db, null, asOf ? { date: asOf } : null);

  const capital = capitalCounted(deals, DEFAULT_RULE);
  const topInvestor = capitalByInvestor(deals, DEFAULT_RULE).find((i) => i.key !== UNDISCLOSED_KEY && i.amount > 0n) ?? null;
  const countedYears = deals.filter((d) => DEFAULT_RULE.kinds.includes(d.kind)).map((d) => periodOf(d.announcedOn, "year"));
  const latestYear = countedYears.sort().at(-1);
  let recipientHhi: Overview["recipientHhi"] = null;
  if (latestYear) {
    const totals = capitalByRecipient(deals.filter((d) => d.announcedOn.startsWith(latestYear)), DEFAULT_RULE).map((r) => r.amount);
    recipientHhi = { year: latestYear, hhi: herfindahlIndex(totals), recipients: totals.filter((a) => a > 0n).length };
  }

  const [latest, changes, totalDeals] = await Promise.all([
    asOf
      ? listDeals({ ...DEFAULT_DEAL_FILTERS, pageSize: LIST_SIZE, asOf }).then((page) => page.data)
      : db.deal.findMany({ where: { deletedAt: null }, orderBy: [{ announcedOn: "desc" }, { id: "desc" }], take: LIST_SIZE, select: dealSummarySelect }).then((rows) => rows.map(toDealSummary)),
    latestStatusChanges(asOf),
    asOf ? deals.length : db.deal.count({ where: { deletedAt: null } }),
  ]);

  return {
    totalDeals,
    capital,
    largestInvestor: topInvestor ? { slug: topInvestor.key, name: topInvestor.name, amount: topInvestor.amount } : null,
    recipientHhi,
    latestDeals: latest,
    latestChanges: changes,
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
