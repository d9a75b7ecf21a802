// Who invested alongside an investor: the other named investors of the rounds it is in (docs/domain.md, "Rounds").
import { UNDISCLOSED_KEY, type MeasureDeal } from "./capital";
import { groupIntoRounds, type DealRound } from "./funding-rounds";

/** A round two investors share: a Round, or a deal that is a round of its own. */
export type SharedRound = {
  /** The Round's key within its recipient; null for a deal that is a round of its own. */
  key: string | null;
  name: string | null;
  date: string;
  recipient: { key: string; name: string };
  /** The round's deals (a Round's parts and tranches, every one of them whoever is in it). */
  dealIds: number[];
};

export type CoInvestor = {
  key: string;
  name: string;
  /** How many rounds the two share. */
  roundCount: number;
  /** The rounds in common, oldest first: every one, or the newest SHARED_ROUNDS_SHOWN where a page asks for those only. */
  rounds: SharedRound[];
};

/**
 * How many shared rounds an investor page's co-investor row carries and links, the newest: two large investors share
 * thousands at scale, and listing them all in each row made an investor page megabytes of HTML. The count has them all,
 * and the API lists every one.
 */
export const SHARED_ROUNDS_SHOWN = 2;

/**
 * Every other named investor of the rounds the investor is in, with the rounds in common (oldest first); most rounds
 * first. Two investors co-invest when they are in the same round, through the same deal or different parts of it
 * (Amazon's tranche and SoftBank's part of OpenAI's 2026 round), so `deals` must hold every deal of those rounds.
 */
export function coInvestorsOf(deals: readonly (MeasureDeal & { round?: DealRound | null })[], investorKey: string): CoInvestor[] {
  const rows = new Map<string, CoInvestor>();
  for (const group of groupIntoRounds(deals)) {
    const investors = group.deals.flatMap((d) => d.investors);
    if (!investors.some((i) => i.key === investorKey)) continue;
    const [first] = group.deals;
    const shared: SharedRound = {
      key: group.round?.key ?? null,
      name: group.round?.name ?? null,
      date: group.date,
      recipient: first.recipient,
      dealIds: group.deals.map((d) => d.id),
    };
    // A round counts once per co-investor, however many of its deals name them.
    const others = new Map(investors.filter((i) => i.key !== investorKey && i.key !== UNDISCLOSED_KEY).map((i) => [i.key, i.name]));
    for (const [key, name] of others) {
      const row = rows.get(key) ?? { key, name, roundCount: 0, rounds: [] };
      row.rounds.push(shared);
      row.roundCount++;
      rows.set(key, row);
    }
  }
  return [...rows.values()].sort(byRoundsInCommon);
}

/** Most rounds in common first, then by name. */
export function byRoundsInCommon(a: CoInvestor, b: CoInvestor): number {
  return b.roundCount - a.roundCount || a.name.localeCompare(b.name);
}
