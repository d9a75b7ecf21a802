// A company's valuation history: every valuation reported with a deal it received, whatever the deal's kind (a round,
// a secondary sale, a tender offer, a recapitalization), with the deal and its sources. The company's divisions (the
// parent relation, lib/measures/organization-groups.ts) are valued with it. Today or as reported on `asOf`: the deals'
// states (lib/data/deal-state.ts) and the sources published by then.
import "server-only";
import type { DealKind, DealStatus } from "../domain";
import { COUNTED_STATUSES } from "../measures/capital";
import { groupIntoRounds } from "../measures/funding-rounds";
import { publishedBy } from "../story/as-of";
import { dealsAsOf } from "./deal-state";
import type { PrismaClient } from "../generated/prisma/client";
import { withDivisions } from "../measures/organization-groups";
import { idChunks } from "./deals";
import { readsOf } from "./kysely";
import { loadOrganizationDirectory } from "./organization-directory";
import { ALL_DATES, type DateWindow } from "../filters/date-window";

export type ValuationSource = { url: string | null; publisher: string | null; publishedOn: string | null };

export type ValuationMark = {
  /** The round's date (a Round's own), else the deal's. */
  date: string;
  valuationUsd: bigint;
  /** What it was: the Round's name, else the deal's round as reported (e.g. "Secondary share sale at $500B"). */
  name: string | null;
  /** The kind of its first deal: equity or convertible for a round, "other" for a secondary sale or recapitalization. */
  kind: DealKind;
  /** The deals that reported it (a Round's parts at one valuation together), oldest first; the first is the link. */
  deals: { id: number; announcedOn: string; kind: DealKind; status: DealStatus }[];
  /** The organization valued: the company, or one of its divisions. */
  recipient: { slug: string; name: string };
  /** Whether the organization valued is a division of the company rather than the company itself. */
  isDivision: boolean;
  /** Every source of those deals (published by `asOf`), in publication order. */
  sources: ValuationSource[];
};

/**
 * Every valuation mark of the organization and its divisions, oldest first: one per round and valuation (a Round's
 * tranches at one valuation are one mark; a deal outside a Round is a mark of its own). Only deals announced or closed
 * as of `asOf` give a mark: a valuation in talks or of a terminated deal was never set. With `window`, the marks dated
 * within it; with `sourcesOfLatest`, only the latest that many carry their sources (the others none).
 */
export async function valuationMarks(
  db: PrismaClient,
  slug: string,
  asOf: string | null,
  options: { window?: DateWindow; sourcesOfLatest?: number } = {},
): Promise<ValuationMark[]> {
  const reads = readsOf(db);
  // The company and its divisions as every measure finds them: the parent relation through the directory.
  const valued = [...withDivisions([slug], await loadOrganizationDirectory(db))];
  const rows = await dealsAsOf(reads, asOf)
    .where("d.deletedAt", "is", null)
    .where("d.postMoneyValuationUsd", "is not", null)
    .where("d.status", "in", [...COUNTED_STATUSES])
    .innerJoin("Organization as o", "o.id", "d.recipientId")
    .where("o.slug", "in", valued)
    .leftJoin("Round as g", "g.id", "d.roundId")
    .select(["d.id", "d.recipientId", "d.announcedOn", "d.kind", "d.status", "d.round", "d.postMoneyValuationUsd", "o.slug", "o.name"])
    .select(["g.id as roundId", "g.key as roundKey", "g.name as roundName", "g.announcedOn as roundOn"])
    .orderBy("d.announcedOn")
    .orderBy("d.id")
    .execute();
  const deals = rows.map((r) => ({
    ...r,
    valuationUsd: r.postMoneyValuationUsd as bigint,
    kind: r.kind as DealKind,
    status: r.status as DealStatus,
    round:
      r.roundId === null
        ? null
        : { id: r.roundId, key: r.roundKey as string, name: r.roundName as string, announcedOn: r.roundOn as string },
    reportedRound: r.round,
  }));
  let marks: ValuationMark[] = [];
  for (const group of groupIntoRounds(deals)) {
    const byValuation = new Map<bigint, typeof deals>();
    for (const deal of group.deals) byValuation.set(deal.valuationUsd, [...(byValuation.get(deal.valuationUsd) ?? []), deal]);
    for (const [valuationUsd, valued] of byValuation) {
      const first = valued[0];
      marks.push({
        date: group.date,
        valuationUsd,
        name: group.round?.name ?? first.reportedRound,
        kind: first.kind,
        deals: valued.map((d) => ({ id: d.id, announcedOn: d.announcedOn, kind: d.kind, status: d.status })),
        recipient: { slug: first.slug, name: first.name },
        isDivision: first.slug !== slug,
        sources: [],
      });
    }
  }
  marks.sort((a, b) => a.date.localeCompare(b.date) || a.deals[0].id - b.deals[0].id);
  const { from, to } = options.window ?? ALL_DATES;
  if (from !== null || to !== null) {
    marks = marks.filter((m) => (from === null || m.date >= from) && (to === null || m.date <= to));
  }
  // The sources of the marks shown: a large company's every mark would read tens of thousands of deals' sources.
  const sourced = options.sourcesOfLatest === undefined ? marks : marks.slice(Math.max(0, marks.length - options.sourcesOfLatest));
  const sources = new Map<number, ValuationSource[]>();
  for (const chunk of idChunks(sourced.flatMap((m) => m.deals.map((d) => d.id)))) {
    const found = await reads
      .selectFrom("Source")
      .where("dealId", "in", chunk)
      .select(["id", "dealId", "url", "publisher", "publishedOn"])
      .execute();
    // Ordered here: SQLite sorts undated sources first and PostgreSQL last, and both databases must answer alike.
    found.sort((a, b) => (a.publishedOn ?? "").localeCompare(b.publishedOn ?? "") || a.id - b.id);
    for (const { dealId, url, publisher, publishedOn } of found) {
      const source = { url, publisher, publishedOn };
      if (asOf === null || publishedBy(source, asOf)) sources.set(dealId, [...(sources.get(dealId) ?? []), source]);
    }
  }
  for (const mark of sourced) {
    // A Round's tranches often cite one article: each source once.
    mark.sources = [...new Map(mark.deals.flatMap((d) => sources.get(d.id) ?? []).map((s) => [s.url ?? s.publisher, s])).values()];
  }
  return marks;
}
