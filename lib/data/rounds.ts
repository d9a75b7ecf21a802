// A company's rounds as its page and GET /api/organizations/{slug}/rounds list them: its equity and convertible deals
// grouped into rounds (lib/measures/funding-rounds.ts groupIntoRounds: a Round's parts and tranches together, every
// other deal a round of its own), each with its total as reported, its valuation, its lead investors and every
// participant with its amount where reported. Today or as reported on `asOf` (the deals' states; a Round's own
// reported total and valuation are today's).
import "server-only";
import { ALL_DATES, type DateWindow } from "../filters/date-window";
import { announcedWithin } from "./raw/investor-figures";
import { getDb } from "../db";
import type { AmountQualifier, DealKind, DealStatus, ParticipationRole } from "../domain";
import { amountKey, CAPITAL_KINDS, countedAmount, isCounted } from "../measures/capital";
import { groupIntoRounds } from "../measures/funding-rounds";
import { dealsAsOf } from "./deal-state";
import { partiesOf } from "./deals";
import { readsOf } from "./kysely";
import { withRounds } from "./raw/round-pairs";
import { onDeal } from "./raw/overview-figures";
import { findOrganization, type OrganizationProfile } from "./organization-profile";
import { cachedView, viewKey } from "./view-cache";

export type ReportedAmount = { low: bigint | null; high: bigint | null; qualifier: AmountQualifier };

export type RoundParticipant = {
  /** Null for a party named only by a label ("Undisclosed investors"). */
  slug: string | null;
  name: string;
  role: ParticipationRole;
  /**
   * Its amount where reported: its committed amount, or the whole amount (low figure, else "up to") of a deal it is the
   * only party of, added over the round's deals; null when none of its parts has one.
   */
  amountUsd: bigint | null;
};

export type RoundPart = {
  id: number;
  /** The deal's round name as reported. */
  round: string | null;
  announcedOn: string;
  kind: DealKind;
  status: DealStatus;
  amount: ReportedAmount;
  /** What the deal adds to capital counted; null when it does not count (pipeline, terminated). */
  countedUsd: bigint | null;
  investors: { slug: string | null; name: string; role: ParticipationRole }[];
};

export type RoundView = {
  /** The Round's id (its editor's page, /admin/rounds/{id}); null for a deal that is a round of its own. */
  id: number | null;
  /** The Round's key within the company; null for a deal that is a round of its own. */
  key: string | null;
  name: string | null;
  date: string;
  /** The round's size as reported: a Round's own total, else its one deal's amount; null when a Round reported none. */
  total: ReportedAmount | null;
  /** Capital counted of its deals (the counting rule: equity and convertible, announced or closed). */
  countedUsd: bigint;
  /** Whether any of its deals counts. */
  counted: boolean;
  postMoneyValuationUsd: bigint | null;
  leads: { slug: string | null; name: string }[];
  participants: RoundParticipant[];
  /** Its deals (a Round's parts and tranches), oldest first. */
  deals: RoundPart[];
};

export type CompanyRounds = {
  profile: OrganizationProfile;
  /** The rounds asked for (every one, or the newest `newest`), oldest first. */
  rounds: RoundView[];
  /** How many rounds the company has in all. */
  total: number;
};

/**
 * The company's rounds, oldest first: every one, or only the newest `newest` (the company page lists 5; their parties
 * are then read for those rounds' deals alone, not for OpenAI's 10,412 synthetic deals); null when there is no such
 * organization.
 */
export function getCompanyRounds(
  slug: string,
  asOf: string | null = null,
  window: DateWindow = ALL_DATES,
  newest: number | null = null,
): Promise<CompanyRounds | null> {
  const { from, to } = window;
  return cachedView(viewKey("company-rounds", { slug, asOf, from, to, newest }), () =>
    computeCompanyRounds(slug, asOf, { from, to }, newest),
  );
}

async function computeCompanyRounds(
  slug: string,
  asOf: string | null,
  window: DateWindow,
  newest: number | null,
): Promise<CompanyRounds | null> {
  const found = await findOrganization(slug);
  if (!found) return null;
  const reads = readsOf(await getDb());
  const capital = () =>
    dealsAsOf(reads, asOf)
      .where("d.deletedAt", "is", null)
      .where(onDeal.and([onDeal("d.recipientId", "=", found.id), onDeal("d.kind", "in", [...CAPITAL_KINDS]), announcedWithin(window)]));
  // The rounds counted and the newest chosen in the database (in byRoundDate's order: date, then key), so that only
  // their deals are read: OpenAI's 87,405 synthetic rounds at a million deals took 1 s and 127 MB to read and group.
  const newestRounds =
    newest === null
      ? null
      : await reads
          .selectFrom(withRounds(capital()).as("r"))
          .groupBy(["r.groupId", "r.groupKey", "r.groupOn"])
          .select((eb) => ["r.groupId", eb.cast<number>(eb.fn.countAll().over(), "integer").as("rounds")])
          .orderBy("r.groupOn", "desc")
          .orderBy("r.groupKey", "desc")
          // At least one, so that the window's count of every round comes back with it.
          .limit(Math.max(1, newest))
          .execute();
  const chosen = newestRounds?.map((r) => r.groupId) ?? null;
  const rows = await capital()
    .$if(chosen !== null, (q) =>
      q.where((eb) => {
        // A round's id is the Round's id negated, a lone deal's its own (withRounds). Their deals by a subquery of ids,
        // each side through its own index: as an OR beside the recipient, SQLite walked all of OpenAI's 116,665 deals
        // at a million for the newest five rounds' (344 ms, 34 ms by their ids). 0 is no deal's id and keeps the list
        // from being empty, which `IN ()` cannot be.
        const ids = chosen as number[];
        const lone = eb
          .selectFrom("Deal as c")
          .where("c.id", "in", [0, ...ids.filter((id) => id > 0)])
          .select("c.id");
        const roundIds = ids.filter((id) => id < 0).map((id) => -id);
        return eb(
          "d.id",
          "in",
          roundIds.length === 0 ? lone : lone.unionAll(eb.selectFrom("Deal as c").where("c.roundId", "in", roundIds).select("c.id")),
        );
      }),
    )
    .leftJoin("Round as g", "g.id", "d.roundId")
    .select([
      "d.id",
      "d.round",
      "d.announcedOn",
      "d.kind",
      "d.status",
      "d.amountUsdLow",
      "d.amountUsdHigh",
      "d.amountQualifier",
      "d.postMoneyValuationUsd",
      "g.id as roundId",
      "g.key as roundKey",
      "g.name as roundName",
      "g.announcedOn as roundOn",
      "g.amountUsdLow as roundLow",
      "g.amountUsdHigh as roundHigh",
      "g.amountQualifier as roundQualifier",
      "g.postMoneyValuationUsd as roundValuation",
    ])
    .orderBy("d.announcedOn")
    .orderBy("d.id")
    .execute();
  const deals = rows.map((r) => ({
    ...r,
    kind: r.kind as DealKind,
    status: r.status as DealStatus,
    amountQualifier: r.amountQualifier as AmountQualifier,
    round: r.round,
    group:
      r.roundId === null
        ? null
        : { id: r.roundId, key: r.roundKey as string, name: r.roundName as string, announcedOn: r.roundOn as string },
  }));
  const groups = groupIntoRounds(deals.map((d) => ({ id: d.id, announcedOn: d.announcedOn, round: d.group, deal: d })));
  const shown = newest === null ? groups : groups.slice(Math.max(0, groups.length - newest));
  const parties = await partiesOf(
    reads,
    shown.flatMap((g) => g.deals.map((d) => d.id)),
  );
  const shownRounds = shown.map((group): RoundView => {
    const parts = group.deals.map((g) => g.deal);
    const first = parts[0];
    const participants = new Map<string, RoundParticipant>();
    const leads = new Map<string, { slug: string | null; name: string }>();
    for (const deal of parts) {
      const investors = parties.get(deal.id) ?? [];
      for (const party of investors) {
        const id = party.slug ?? `label:${party.name}`;
        const part =
          (party.slug ? party.committedUsd : null) ?? (investors.length === 1 ? amountKey(deal.amountUsdLow, deal.amountUsdHigh) : null);
        const entry = participants.get(id) ?? { slug: party.slug, name: party.name, role: party.role, amountUsd: null };
        if (part !== null) entry.amountUsd = (entry.amountUsd ?? 0n) + part;
        // A lead in any part leads the round.
        if (party.role !== "participant") entry.role = entry.role === "lead" ? "lead" : party.role;
        participants.set(id, entry);
        if (party.role !== "participant") leads.set(id, { slug: party.slug, name: party.name });
      }
    }
    const countedParts = parts.filter((d) => isCounted(d));
    const valuations = parts.map((d) => d.postMoneyValuationUsd).filter((v): v is bigint => v !== null);
    const round = group.round ? first : null;
    const reported: ReportedAmount | null = round
      ? round.roundQualifier === "undisclosed" && round.roundLow === null && round.roundHigh === null
        ? null
        : { low: round.roundLow, high: round.roundHigh, qualifier: round.roundQualifier as AmountQualifier }
      : { low: first.amountUsdLow, high: first.amountUsdHigh, qualifier: first.amountQualifier };
    return {
      id: group.round?.id ?? null,
      key: group.round?.key ?? null,
      name: group.round?.name ?? first.round,
      date: group.date,
      total: reported,
      countedUsd: countedParts.reduce((sum, d) => sum + countedAmount(d).amount, 0n),
      counted: countedParts.length > 0,
      postMoneyValuationUsd: round?.roundValuation ?? (valuations.length ? valuations.reduce((a, b) => (a > b ? a : b)) : null),
      leads: [...leads.values()],
      participants: [...participants.values()],
      deals: parts.map((d) => ({
        id: d.id,
        round: d.round,
        announcedOn: d.announcedOn,
        kind: d.kind,
        status: d.status,
        amount: { low: d.amountUsdLow, high: d.amountUsdHigh, qualifier: d.amountQualifier },
        countedUsd: isCounted(d) ? countedAmount(d).amount : null,
        investors: (parties.get(d.id) ?? []).map(({ slug, name, role }) => ({ slug, name, role })),
      })),
    };
  });
  return { profile: found.profile, rounds: shownRounds, total: newestRounds ? Number(newestRounds[0]?.rounds ?? 0) : groups.length };
}
