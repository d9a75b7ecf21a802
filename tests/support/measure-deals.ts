// The reference loader: deals in the shape the measures of lib/measures take, from the deals' states
// (lib/data/deal-state.ts), today or as of a date alike. The tests measure them in memory and compare every figure
// the application computes in SQL (lib/data/raw) with that; the application itself never loads deals this way.
import type { Expression, SqlBool } from "kysely";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { AmountQualifier, DealKind, DealStatus } from "@/lib/domain";
import { UNDISCLOSED_KEY, type MeasureDeal } from "@/lib/measures/capital";
import { dealsAsOf } from "@/lib/data/deal-state";
import { readsOf } from "@/lib/data/kysely";

type Investor = MeasureDeal["investors"][number];

/**
 * The live deals that meet `condition` (a Kysely condition on the deals' states aliased `d`; every live deal with
 * null), as they are today or as reported on `asOf`, in date order: three flat reads (the deals, their parties, the
 * organizations) joined here. Prisma 6.19 spent seconds turning 100,000 deals into objects and bound a parameter per
 * deal loading their relations; the driver reads them in about 0.1 s.
 */
export async function loadMeasureDeals(
  db: PrismaClient,
  condition: Expression<SqlBool> | null = null,
  asOf: string | null = null,
): Promise<MeasureDeal[]> {
  const reads = readsOf(db);
  const matching = () => {
    const live = dealsAsOf(reads, asOf).where("d.deletedAt", "is", null);
    return condition ? live.where(condition) : live;
  };
  const [deals, organizations, parts, rounds] = await Promise.all([
    matching()
      .select([
        "d.id",
        "d.kind",
        "d.status",
        "d.announcedOn",
        "d.amountUsdLow",
        "d.amountUsdHigh",
        "d.amountQualifier",
        "d.recipientId",
        "d.roundId",
      ])
      .orderBy("d.announcedOn")
      .orderBy("d.id")
      .execute(),
    reads.selectFrom("Organization").select(["id", "slug", "name"]).execute(),
    reads
      .selectFrom("Participation as p")
      .where("p.dealId", "in", matching().select("d.id"))
      .select(["p.dealId", "p.organizationId", "p.partyLabel", "p.committedUsd"])
      .orderBy("p.dealId")
      .orderBy("p.position")
      .orderBy("p.id")
      .execute(),
    reads
      .selectFrom("Round as g")
      .where("g.id", "in", matching().where("d.roundId", "is not", null).select("d.roundId"))
      .select(["g.id", "g.key", "g.name", "g.announcedOn"])
      .execute(),
  ]);
  const roundById = new Map(rounds.map((r) => [r.id, r]));
  const orgById = new Map(organizations.map((o) => [o.id, o]));
  const investorsByDeal = new Map<number, Investor[]>();
  for (const p of parts) {
    const org = p.organizationId === null ? undefined : orgById.get(p.organizationId);
    const investor: Investor = org
      ? { key: org.slug, name: org.name, committedUsd: p.committedUsd }
      : { key: UNDISCLOSED_KEY, name: p.partyLabel ?? "Undisclosed", committedUsd: p.committedUsd };
    const list = investorsByDeal.get(p.dealId);
    if (list) list.push(investor);
    else investorsByDeal.set(p.dealId, [investor]);
  }
  return deals.map((d) => {
    const recipient = orgById.get(d.recipientId) as { slug: string; name: string };
    return {
      id: d.id,
      kind: d.kind as DealKind,
      status: d.status as DealStatus,
      announcedOn: d.announcedOn,
      amountUsdLow: d.amountUsdLow,
      amountUsdHigh: d.amountUsdHigh,
      amountQualifier: d.amountQualifier as AmountQualifier,
      recipient: { key: recipient.slug, name: recipient.name },
      investors: investorsByDeal.get(d.id) ?? [],
      round: d.roundId === null ? null : (roundById.get(d.roundId) ?? null),
    };
  });
}
