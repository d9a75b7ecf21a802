// Likely duplicates: the same deal reported twice (another outlet, another currency, a rounded amount). Two deals are
// likely the same when they have the same recipient, an investor in common (or neither names one), were announced
// within 30 days of each other, and their amounts are within 10 % (or both undisclosed). A row of a file is checked
// against the live deals in the database and against the rows above it in the same file; each flag names the deal or
// row it looks like and why. Rows that name an `id` update that deal and are not checked.
import type { Reads } from "../data/kysely";
import { formatUsdExact } from "../format";
import { amountKey } from "../measures/capital";
import type { PlannedDeal } from "./plan-deal-import";

export const DUPLICATE_WINDOW_DAYS = 30;
/** Amounts within this share of the larger one are alike (10 %). */
const AMOUNT_TOLERANCE = { numerator: 1n, denominator: 10n };
/** Candidates listed per flagged row: enough to decide by, without a report the size of the file. */
export const MAX_CANDIDATES = 5;

/** What the check compares of a deal. `recipient` identifies it (an organization id, or a new name's key). */
export type DuplicateSubject = {
  recipient: string;
  announcedOn: string;
  day: number;
  amount: bigint | null;
  /** The named investors' keys, as `recipient`. */
  investors: Set<string>;
  investorNames: Map<string, string>;
};

/** A candidate as it is listed: the deal or row a flagged row looks like, and why in words. */
export type DuplicateCandidate =
  | { kind: "existing"; dealId: number; announcedOn: string; round: string | null; reasons: string[] }
  | { kind: "row"; row: number; announcedOn: string; round: string | null; reasons: string[] };

/** A flagged row as it is listed (describeDuplicate). */
export type DuplicateFlag = { row: number; candidates: DuplicateCandidate[] };

/**
 * A flagged row as the check keeps it: the facts that make each candidate alike, put into words only for the rows an
 * answer lists. A file of 100,000 alike rows has up to five candidates a row; their reasons as text took more heap
 * than the rest of the import, and ran a server bounded at 384 MB out of memory.
 */
export type FlaggedRow = { row: number; recipientName: string; amount: bigint | null; matches: DuplicateMatch[] };

export type DuplicateMatch = ({ kind: "existing"; dealId: number } | { kind: "row"; row: number }) & {
  announcedOn: string;
  round: string | null;
  /** Days between the two announcements. */
  days: number;
  amount: bigint | null;
  /** The names of the investors both name; empty when neither names one. */
  common: readonly string[];
};

/**
 * Flagged rows an answer lists with their reasons (a preview, a refusal, a result), by line; past them an answer
 * gives the count, and the API the next ones with `duplicatesFrom`. A form of 100,000 flagged rows is no help to an
 * editor, and listing them took 109 MB of JSON.
 */
export const LISTED_DUPLICATES = 200;

export type DuplicateChoice = "fail" | "skip" | "create";
export const DUPLICATE_CHOICES: readonly DuplicateChoice[] = ["fail", "skip", "create"];

const DAY_MS = 86_400_000;
const dayNumber = (isoDate: string) => Math.round(Date.parse(`${isoDate}T00:00:00Z`) / DAY_MS);

const NONE: readonly string[] = [];

/**
 * The names of the investors two deals have in common (none when neither names one), or null when they are not alike.
 * Every test comes before anything is written: an import of thousands of alike rows compares each with dozens of near
 * ones.
 */
function alike(a: DuplicateSubject, b: DuplicateSubject): readonly string[] | null {
  if (a.recipient !== b.recipient) return null;
  if (Math.abs(a.day - b.day) > DUPLICATE_WINDOW_DAYS) return null;
  if ((a.amount === null) !== (b.amount === null)) return null;
  if (a.amount !== null && b.amount !== null) {
    const [low, high] = a.amount < b.amount ? [a.amount, b.amount] : [b.amount, a.amount];
    if ((high - low) * AMOUNT_TOLERANCE.denominator > high * AMOUNT_TOLERANCE.numerator) return null;
  }
  if (a.investors.size === 0 && b.investors.size === 0) return NONE;
  // Arrays of the names' exact length: one grown by push reserves 17 slots, and a file of alike rows keeps hundreds of
  // thousands of these.
  let common: string[] | null = null;
  for (const key of a.investors) {
    if (!b.investors.has(key)) continue;
    const name = a.investorNames.get(key) ?? key;
    common = common ? common.concat(name) : [name];
  }
  return common;
}

/** Why a row looks like each candidate, in words. */
export function describeDuplicate(flag: FlaggedRow): DuplicateFlag {
  return {
    row: flag.row,
    candidates: flag.matches.map(({ days, amount, common, ...candidate }) => {
      let amounts: string;
      if (flag.amount === null || amount === null) amounts = "both amounts undisclosed";
      else
        amounts =
          flag.amount === amount
            ? `same amount (${formatUsdExact(amount)})`
            : `amounts within 10% (${formatUsdExact(flag.amount)} and ${formatUsdExact(amount)})`;
      const reasons = [
        `same recipient (${flag.recipientName})`,
        common.length > 0 ? `investor in common: ${common.join(", ")}` : "neither names an investor",
        days === 0 ? "announced the same day" : `announced ${days} day${days === 1 ? "" : "s"} apart`,
        amounts,
      ];
      return { ...candidate, reasons };
    }),
  };
}

type RowSubject = DuplicateSubject & { deal: PlannedDeal };

/** One literal with the row's deal in place: a spread of the subject to add it gave each row's object a shape of its own. */
function subjectOfPlanned(deal: PlannedDeal): RowSubject {
  const investors = new Set<string>();
  const investorNames = new Map<string, string>();
  for (const p of deal.participations) {
    const key = p.organizationId !== null ? `id:${p.organizationId}` : p.newOrganization ? `new:${p.newOrganization.toLowerCase()}` : null;
    if (key === null) continue;
    investors.add(key);
  }
  return {
    recipient: deal.newRecipient ? `new:${deal.newRecipient.toLowerCase()}` : `id:${deal.recipientId}`,
    announcedOn: deal.announcedOn,
    day: dayNumber(deal.announcedOn),
    amount: amountKey(deal.amountUsdLow, deal.amountUsdHigh),
    investors,
    investorNames,
    deal,
  };
}

type Existing = DuplicateSubject & { dealId: number; round: string | null };

/**
 * The live deals of these recipients announced in the window, with their named investors. Read through Kysely: at
 * 100,000 tracked deals a file's window holds most of them, and Prisma's findMany with the parties took seconds where
 * two plain selects take a tenth of that. Names come from the caller's directory, not from joins.
 */
async function loadExisting(reads: Reads, recipientIds: number[], from: string, to: string): Promise<Existing[]> {
  const found: Existing[] = [];
  for (let start = 0; start < recipientIds.length; start += 500) {
    const recipients = recipientIds.slice(start, start + 500);
    const inWindow = reads
      .selectFrom("Deal")
      .where("recipientId", "in", recipients)
      .where("deletedAt", "is", null)
      .where("announcedOn", ">=", from)
      .where("announcedOn", "<=", to);
    const [deals, parties] = await Promise.all([
      inWindow.select(["id", "recipientId", "announcedOn", "round", "amountUsdLow", "amountUsdHigh"]).execute(),
      reads
        .selectFrom("Participation")
        .where("dealId", "in", inWindow.select("id"))
        .where("organizationId", "is not", null)
        .select(["dealId", "organizationId"])
        .execute(),
    ]);
    const investorsOf = new Map<number, Set<string>>();
    for (const p of parties) {
      const set = investorsOf.get(p.dealId) ?? new Set<string>();
      set.add(`id:${p.organizationId}`);
      investorsOf.set(p.dealId, set);
    }
    for (const d of deals) {
      found.push({
        dealId: d.id,
        round: d.round,
        recipient: `id:${d.recipientId}`,
        announcedOn: d.announcedOn,
        day: dayNumber(d.announcedOn),
        amount: amountKey(d.amountUsdLow, d.amountUsdHigh),
        investors: investorsOf.get(d.id) ?? new Set(),
        investorNames: NO_NAMES,
      });
    }
  }
  return found;
}

/** The names of a tracked deal's investors are never read (a reason names the row's own); one empty map for all. */
const NO_NAMES = new Map<string, string>();

const shiftDays = (isoDate: string, days: number) =>
  new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/**
 * Flags the new rows of a planned import that look like a live deal or an earlier row of the file. `names` gives an
 * organization's name by id (the directory the plan was made with), for the reasons' text.
 */
export async function findDuplicates(
  reads: Reads,
  deals: readonly PlannedDeal[],
  nameOf: (organizationId: number) => string,
): Promise<FlaggedRow[]> {
  const fresh = deals.filter((d) => d.id === null);
  if (fresh.length === 0) return [];
  const dates = fresh.map((d) => d.announcedOn).sort();
  const recipientIds = [...new Set(fresh.filter((d) => !d.newRecipient).map((d) => d.recipientId))];
  const existing = await loadExisting(
    reads,
    recipientIds,
    shiftDays(dates[0], -DUPLICATE_WINDOW_DAYS),
    shiftDays(dates[dates.length - 1], DUPLICATE_WINDOW_DAYS),
  );
  // Deals and earlier rows by recipient and day, so that a row is compared only with those of its recipient within
  // the window (a file of thousands of rows for one recipient stays linear).
  const existingBy = new Bucketed<Existing>();
  for (const e of existing) existingBy.add(e);
  const earlierRows = new Bucketed<RowSubject>();
  const flags: FlaggedRow[] = [];
  // A row's matches are gathered in one array and kept as a copy of their exact length (see `alike`).
  const scratch: DuplicateMatch[] = [];
  for (const deal of fresh) {
    const subject = subjectOfPlanned(deal);
    for (const p of deal.participations) {
      if (p.organizationId !== null) subject.investorNames.set(`id:${p.organizationId}`, nameOf(p.organizationId));
      else if (p.newOrganization) subject.investorNames.set(`new:${p.newOrganization.toLowerCase()}`, p.newOrganization);
    }
    const matches = scratch;
    matches.length = 0;
    // Each match is one literal with every field in place: a spread of the shared ones made each an object with its
    // fields stored apart, a second allocation per match.
    existingBy.near(subject, (e) => {
      const common = alike(subject, e);
      if (common) {
        const days = Math.abs(subject.day - e.day);
        matches.push({ kind: "existing", dealId: e.dealId, announcedOn: e.announcedOn, round: e.round, days, amount: e.amount, common });
      }
      return matches.length >= MAX_CANDIDATES;
    });
    if (matches.length < MAX_CANDIDATES)
      earlierRows.near(subject, (other) => {
        const common = alike(subject, other);
        if (common) {
          const { row, announcedOn, round } = other.deal;
          matches.push({ kind: "row", row, announcedOn, round, days: Math.abs(subject.day - other.day), amount: other.amount, common });
        }
        return matches.length >= MAX_CANDIDATES;
      });
    earlierRows.add(subject);
    if (matches.length > 0)
      flags.push({
        row: deal.row,
        recipientName: deal.newRecipient ?? nameOf(deal.recipientId),
        amount: subject.amount,
        matches: matches.slice(),
      });
  }
  return flags;
}

/**
 * The amounts that can be within the tolerance of `amount`: b with |a - b| <= t * max(a, b), that is between
 * a * (1 - t) and a / (1 - t), rounded outwards (`alike` decides exactly). Null for an undisclosed amount,
 * or a negative one, which the range does not narrow.
 */
function amountRange(amount: bigint | null): { low: bigint; high: bigint } | null {
  if (amount === null || amount < 0n) return null;
  const { numerator, denominator } = AMOUNT_TOLERANCE;
  return { low: (amount * (denominator - numerator)) / denominator, high: (amount * denominator) / (denominator - numerator) + 1n };
}

class Bucketed<T extends DuplicateSubject> {
  // By recipient, then by day number: one lookup of the recipient per row, then numeric lookups across the window
  // (a key string per day and row made the walk of a 10,000-row file allocate over a million strings).
  private readonly byRecipient = new Map<string, Map<number, T[]>>();
  add(item: T): void {
    let days = this.byRecipient.get(item.recipient);
    if (!days) this.byRecipient.set(item.recipient, (days = new Map()));
    const list = days.get(item.day);
    if (list) list.push(item);
    else days.set(item.day, [item]);
  }
  /**
   * Visits those of the subject's recipient announced within the window whose amounts can be alike, nearest days
   * first, until `visit` says stop. The amounts are compared first, as two comparisons of integers: a recipient with
   * hundreds of deals in a row's window has few within 10 % of its amount, and the exact test's products for every
   * other one cost more than the rest of the walk. A callback, not a generator: resuming one per item costs as much again.
   */
  near(subject: DuplicateSubject, visit: (item: T) => boolean): void {
    const days = this.byRecipient.get(subject.recipient);
    if (!days) return;
    const range = amountRange(subject.amount);
    const visitDay = (day: number): boolean => {
      const list = days.get(day);
      if (!list) return false;
      for (const item of list) {
        if (range && item.amount !== null && (item.amount < range.low || item.amount > range.high)) continue;
        if (visit(item)) return true;
      }
      return false;
    };
    if (visitDay(subject.day)) return;
    for (let offset = 1; offset <= DUPLICATE_WINDOW_DAYS; offset++)
      if (visitDay(subject.day - offset) || visitDay(subject.day + offset)) return;
  }
}

/** One line per flagged row, for the import command (which lists them all). */
export function formatDuplicate(flagged: FlaggedRow): string {
  const flag = describeDuplicate(flagged);
  return `row ${flag.row}: ${flag.candidates
    .map(
      (c) =>
        `${c.kind === "existing" ? `like deal ${c.dealId}` : `like row ${c.row}`} (${c.announcedOn}${c.round ? `, ${c.round}` : ""}: ${c.reasons.join("; ")})`,
    )
    .join("; ")}`;
}
