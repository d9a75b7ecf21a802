// The whole market's attribution to investors as of a date (today with null): every counted deal (DEFAULT_RULE) and
// every named investor's part of it, as withInvestorShares (lib/data/raw/overview-figures.ts, the one split in SQL)
// gives it, read once per data version into compact arrays and kept in the view cache. The investor pages, the
// /investors ranking, /api/organizations/{slug} and the /deals figures with an investor filter read their investors'
// parts from it: a page or filter set splitting its own investors' deals costs 0.1-1.4 s of SQL at
// 100,000 deals, and twenty different cold pages queue behind each other on the one process, while the whole
// market's split costs a few of them. Held as typed arrays (about 4 MB at 100,000 deals: 60,000 counted deals and
// 162,000 parts), not an object per part. tests/integration/organization-figures.test.ts, organization-rankings.test.ts and organization-api.test.ts compare what
// is read from it with the measures in lib/measures.
import "server-only";
import { getDb } from "../db";
import { DEFAULT_RULE, periodRange, type Grain, type PeriodTotal } from "../measures/capital";
import type { InvestorCapital } from "../measures/investor-capital";
import { dealsAsOf } from "./deal-state";
import { moneyText, readsOf, toMoney } from "./kysely";
import { countedDeal, withInvestorShares } from "./raw/overview-figures";
import { cachedView, viewKey, type ViewLimit } from "./view-cache";
import type { DateWindow } from "../filters/date-window";
import type { ConcentrationTotals } from "./raw/concentration-figures";

export type MarketAttribution = {
  /** The counted deals by ascending id; every other array of deals is indexed alike. */
  dealId: Int32Array;
  /** The announcement date as the number YYYYMMDD. */
  day: Int32Array;
  /** The index of the deal's kind in `kinds`. */
  kind: Uint8Array;
  kinds: string[];
  recipient: Int32Array;
  /** The amount key in dollars, 0 when undisclosed. */
  amount: BigInt64Array;
  /** UNDISCLOSED and UPPER_BOUND bits. */
  basis: Uint8Array;
  /** Each investor's parts are partDeal/partShare[partStart[k], partStart[k + 1]), k = investorIndex.get(id), by deal. */
  investorIndex: Map<number, number>;
  partStart: Int32Array;
  /** The deal's index; the investor's parts in it added up (none where stated commitments cover the deal without it). */
  partDeal: Int32Array;
  partShare: BigInt64Array;
  /** Each recipient's counted deals are recipientDeal[recipientStart[k], recipientStart[k + 1]), k = recipientIndex.get(id). */
  recipientIndex: Map<number, number>;
  recipientStart: Int32Array;
  recipientDeal: Int32Array;
};

const UNDISCLOSED = 1;
/** An "up to" amount: a key without a low figure. */
const UPPER_BOUND = 2;

/**
 * How many dates' attributions are kept besides today's: each holds a few MB and took a peak of about 100 MB to build
 * at 100,000 deals, and a visitor stepping through dates (the header's date control) would otherwise keep one per date
 * visited, up to the view cache's 200 entries. A date not kept is built again when asked (seconds at 100,000 deals).
 */
const AS_OF_ATTRIBUTIONS: ViewLimit = { group: "market-attribution-as-of", max: 3 };

/** The whole market's attribution as of `asOf`, computed once per data version. */
export function marketAttribution(asOf: string | null): Promise<MarketAttribution> {
  return cachedView(
    viewKey("market-attribution", { asOf }),
    async () => readMarketAttribution(asOf),
    asOf === null ? undefined : AS_OF_ATTRIBUTIONS,
  );
}

/** YYYY-MM-DD as the number YYYYMMDD, which orders as the dates do. */
function dayOf(iso: string): number {
  return Number(iso.slice(0, 4)) * 10000 + Number(iso.slice(5, 7)) * 100 + Number(iso.slice(8, 10));
}

async function readMarketAttribution(asOf: string | null): Promise<MarketAttribution> {
  const reads = readsOf(await getDb());
  const counted = countedDeal(DEFAULT_RULE);
  const [deals, shares] = await Promise.all([
    dealsAsOf(reads, asOf)
      .where(counted)
      .orderBy("d.id")
      .select((eb) => [
        "d.id",
        "d.kind",
        "d.announcedOn",
        "d.recipientId",
        moneyText(eb.ref("d.amountUsdKey")).as("amount"),
        eb("d.amountUsdKey", "is", null).$castTo<number>().as("undisclosed"),
        eb
          .and([eb("d.amountUsdLow", "is", null), eb("d.amountUsdKey", "is not", null)])
          .$castTo<number>()
          .as("upper"),
      ])
      .execute(),
    withInvestorShares(reads, counted, dealsAsOf(reads, asOf))
      .selectFrom("shares")
      .orderBy("organizationId")
      .orderBy("dealId")
      .select((eb) => ["organizationId", "dealId", moneyText(eb.ref("share")).as("share")])
      .execute(),
  ]);
  const n = deals.length;
  const dealId = new Int32Array(n);
  const day = new Int32Array(n);
  const kind = new Uint8Array(n);
  const recipient = new Int32Array(n);
  const amount = new BigInt64Array(n);
  const basis = new Uint8Array(n);
  const kinds: string[] = [];
  const indexOf = new Map<number, number>();
  deals.forEach((d, i) => {
    dealId[i] = d.id;
    day[i] = dayOf(d.announcedOn);
    let k = kinds.indexOf(d.kind);
    if (k === -1) k = kinds.push(d.kind) - 1;
    kind[i] = k;
    recipient[i] = d.recipientId;
    amount[i] = toMoney(d.amount);
    // Booleans come back as 0/1 (SQLite) or true/false (PostgreSQL).
    basis[i] = (d.undisclosed ? UNDISCLOSED : 0) | (d.upper ? UPPER_BOUND : 0);
    indexOf.set(d.id, i);
  });

  // An investor named twice in a deal has its parts added up: one entry per investor and deal.
  const partDeal = new Int32Array(shares.length);
  const partShare = new BigInt64Array(shares.length);
  const investorIndex = new Map<number, number>();
  const starts: number[] = [];
  let parts = 0;
  let lastInvestor = -1;
  let lastDeal = -1;
  for (const s of shares) {
    const investor = s.organizationId as number;
    const deal = indexOf.get(s.dealId) as number;
    if (investor !== lastInvestor) {
      investorIndex.set(investor, starts.length);
      starts.push(parts);
      lastInvestor = investor;
    } else if (deal === lastDeal) {
      partShare[parts - 1] += toMoney(s.share);
      continue;
    }
    lastDeal = deal;
    partDeal[parts] = deal;
    partShare[parts] = toMoney(s.share);
    parts++;
  }
  starts.push(parts);

  const byRecipient = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const list = byRecipient.get(recipient[i]);
    if (list) list.push(i);
    else byRecipient.set(recipient[i], [i]);
  }
  const recipientIndex = new Map<number, number>();
  const recipientStart = new Int32Array(byRecipient.size + 1);
  const recipientDeal = new Int32Array(n);
  let at = 0;
  for (const [id, list] of byRecipient) {
    recipientStart[recipientIndex.size] = at;
    recipientIndex.set(id, recipientIndex.size);
    recipientDeal.set(list, at);
    at += list.length;
  }
  recipientStart[recipientIndex.size] = at;

  return {
    dealId,
    day,
    kind,
    kinds,
    recipient,
    amount,
    basis,
    investorIndex,
    partStart: Int32Array.from(starts),
    partDeal: partDeal.slice(0, parts),
    partShare: partShare.slice(0, parts),
    recipientIndex,
    recipientStart,
    recipientDeal,
  };
}

/** A test of a deal's date against a window (both ends included, open ends every date). */
function withinWindow(window: DateWindow): (day: number) => boolean {
  const from = window.from ? dayOf(window.from) : -Infinity;
  const to = window.to ? dayOf(window.to) : Infinity;
  return (day) => day >= from && day <= to;
}

/** The period of a YYYYMMDD day as periodOf writes it ("2025" or "2025-Q3"). */
function periodOfDay(day: number, grain: Grain): string {
  const year = String(Math.floor(day / 10000)).padStart(4, "0");
  const month = Math.floor(day / 100) % 100;
  return grain === "year" ? year : `${year}-Q${Math.floor((month + 2) / 3)}`;
}

/** Adds an investor's part of the counted deal at index `deal` to its investorCapital. */
function addPart(capital: InvestorCapital, market: MarketAttribution, deal: number, part: bigint): void {
  capital.total += part;
  capital.countedDeals++;
  if (market.basis[deal] & UNDISCLOSED) capital.undisclosedDeals++;
  if (market.basis[deal] & UPPER_BOUND) capital.upperBoundPart += part;
}

export type InvestorParts = {
  capital: InvestorCapital;
  periods: PeriodTotal[];
  /** By recipient id: the investor's counted deals with it and its parts of them. */
  byRecipient: Map<number, { countedDeals: number; investorAmount: bigint }>;
};

/**
 * investorCapital and investorCapitalByPeriod of the investor over its counted deals announced within `window`, and
 * its parts per recipient (investorShareOfRecipients, with recipientFunding).
 */
export function investorParts(market: MarketAttribution, investorId: number, grain: Grain, window: DateWindow): InvestorParts {
  const capital: InvestorCapital = { total: 0n, countedDeals: 0, undisclosedDeals: 0, upperBoundPart: 0n };
  const byRecipient = new Map<number, { countedDeals: number; investorAmount: bigint }>();
  const byPeriodKind = new Map<string, Map<string, bigint>>();
  const k = market.investorIndex.get(investorId);
  const within = withinWindow(window);
  if (k !== undefined) {
    for (let j = market.partStart[k]; j < market.partStart[k + 1]; j++) {
      const deal = market.partDeal[j];
      if (!within(market.day[deal])) continue;
      const part = market.partShare[j];
      addPart(capital, market, deal, part);
      const r = byRecipient.get(market.recipient[deal]);
      if (r) {
        r.countedDeals++;
        r.investorAmount += part;
      } else byRecipient.set(market.recipient[deal], { countedDeals: 1, investorAmount: part });
      const period = periodOfDay(market.day[deal], grain);
      const kinds = byPeriodKind.get(period) ?? new Map<string, bigint>();
      const kind = market.kinds[market.kind[deal]];
      kinds.set(kind, (kinds.get(kind) ?? 0n) + part);
      byPeriodKind.set(period, kinds);
    }
  }
  return { capital, periods: periodTotals(byPeriodKind, grain), byRecipient };
}

/** The counted funding of the recipient (every investor's parts and the unnamed ones) announced within `window`. */
export function recipientFunding(market: MarketAttribution, recipientId: number, window: DateWindow): bigint {
  const k = market.recipientIndex.get(recipientId);
  if (k === undefined) return 0n;
  const within = withinWindow(window);
  let total = 0n;
  for (let j = market.recipientStart[k]; j < market.recipientStart[k + 1]; j++) {
    const deal = market.recipientDeal[j];
    if (within(market.day[deal])) total += market.amount[deal];
  }
  return total;
}

/**
 * investorCapital of `investorIds` together over the counted deals among `dealIds` (any order; ids of deals that are
 * not counted are passed over): each deal's parts of those investors added up, a deal counted once however many of
 * them it names. The /deals figures with an investor filter, whose deals the filter compiler selects in SQL.
 */
export function investorsCapitalAmong(
  market: MarketAttribution,
  investorIds: readonly number[],
  dealIds: Iterable<number>,
): InvestorCapital {
  const capital: InvestorCapital = { total: 0n, countedDeals: 0, undisclosedDeals: 0, upperBoundPart: 0n };
  const selected = new Uint8Array(market.dealId.length);
  for (const id of dealIds) {
    const i = dealIndex(market, id);
    if (i !== -1) selected[i] = 1;
  }
  const parts = new Map<number, bigint>();
  for (const investorId of new Set(investorIds)) {
    const k = market.investorIndex.get(investorId);
    if (k === undefined) continue;
    for (let j = market.partStart[k]; j < market.partStart[k + 1]; j++) {
      const deal = market.partDeal[j];
      if (selected[deal]) parts.set(deal, (parts.get(deal) ?? 0n) + market.partShare[j]);
    }
  }
  for (const [deal, part] of parts) addPart(capital, market, deal, part);
  return capital;
}

/** The index of the counted deal `id` (binary search: dealId ascends), -1 when it is not counted. */
function dealIndex(market: MarketAttribution, id: number): number {
  let lo = 0;
  let hi = market.dealId.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const at = market.dealId[mid];
    if (at === id) return mid;
    if (at < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** The investor's part of each of `dealIds` that is counted (the portfolio table's rows); deals not counted are absent. */
export function attributedAmounts(market: MarketAttribution, investorId: number, dealIds: readonly number[]): Map<number, bigint> {
  const found = new Map<number, bigint>();
  const k = market.investorIndex.get(investorId);
  if (k === undefined) return found;
  const wanted = new Set(dealIds);
  for (let j = market.partStart[k]; j < market.partStart[k + 1]; j++) {
    const id = market.dealId[market.partDeal[j]];
    if (wanted.has(id)) found.set(id, market.partShare[j]);
  }
  return found;
}

/** Every named investor's attributed capital (the sum of its parts), by its id. */
export function attributedByInvestor(market: MarketAttribution): Map<number, bigint> {
  const totals = new Map<number, bigint>();
  for (const [id, k] of market.investorIndex) {
    let total = 0n;
    for (let j = market.partStart[k]; j < market.partStart[k + 1]; j++) total += market.partShare[j];
    totals.set(id, total);
  }
  return totals;
}

/** Every period from the first to the last with a part (the empty ones as zero, so a chart shows the gaps), by kind. */
function periodTotals(byPeriodKind: Map<string, Map<string, bigint>>, grain: Grain): PeriodTotal[] {
  if (byPeriodKind.size === 0) return [];
  const periods = [...byPeriodKind.keys()].sort();
  return periodRange(periods[0], periods[periods.length - 1], grain).map((period) => {
    const byKey = Object.fromEntries(byPeriodKind.get(period) ?? []);
    return { period, total: Object.values(byKey).reduce((sum, a) => sum + a, 0n), byKey };
  });
}

/**
 * Concentration's totals on the investor side for the whole market as of a date (DEFAULT_RULE, nothing filtered, nobody
 * excluded; today's are summed over the market's cells, lib/data/raw/market-cells.ts):
 * each named investor's parts per quarter and each quarter's whole counted capital (unnamed parts included), as
 * concentrationTotalsSql sums them over a view's deals. A part the split leaves to no one (NULL there) is 0 here: the
 * measure counts only amounts above zero, so it names the same investors.
 */
export async function investorConcentrationTotals(market: MarketAttribution): Promise<ConcentrationTotals> {
  // Each deal's quarter as the index of its name (periodOfDay's, written once per day), so that the parts are summed
  // under numbers: a string per part took most of the time.
  const names: string[] = [];
  const indexOfName = new Map<string, number>();
  const indexOfDay = new Map<number, number>();
  const quarterOf = Int32Array.from(market.day, (day) => {
    let q = indexOfDay.get(day);
    if (q === undefined) {
      const name = periodOfDay(day, "quarter");
      q = indexOfName.get(name);
      if (q === undefined) indexOfName.set(name, (q = names.push(name) - 1));
      indexOfDay.set(day, q);
    }
    return q;
  });
  const periods = new Map<number, bigint>();
  quarterOf.forEach((quarter, i) => periods.set(quarter, (periods.get(quarter) ?? 0n) + market.amount[i]));
  const byInvestor: { investorId: number; quarter: number; amount: bigint }[] = [];
  const own = new Map<number, bigint>();
  for (const [investorId, k] of market.investorIndex) {
    own.clear();
    for (let j = market.partStart[k]; j < market.partStart[k + 1]; j++) {
      const quarter = quarterOf[market.partDeal[j]];
      own.set(quarter, (own.get(quarter) ?? 0n) + market.partShare[j]);
    }
    for (const [quarter, amount] of own) byInvestor.push({ investorId, quarter, amount });
  }
  // Deleted organizations too: a part is its investor's whatever became of the organization since.
  const organizations = await readsOf(await getDb())
    .selectFrom("Organization")
    .select(["id", "slug", "name"])
    .execute();
  const named = new Map(organizations.map((o) => [o.id, o]));
  return {
    entities: byInvestor.flatMap((e) => {
      const o = named.get(e.investorId);
      return o ? [{ period: names[e.quarter], key: o.slug, name: o.name, amount: e.amount }] : [];
    }),
    periods: [...periods].map(([quarter, amount]) => ({ period: names[quarter], amount })),
  };
}
