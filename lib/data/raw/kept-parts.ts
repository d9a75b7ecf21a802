// The kept named parts (InvestorPart) of the deals a statement reads, as the writers' deltas join them.
//
// No "server-only" here: the writers that use it run in the operator commands (import, seed, db:synth) too.
import type { SelectQueryBuilder } from "kysely";
import type { DB, Deal } from "../../generated/kysely/types";
import { isPostgresReads, type Reads } from "../kysely";

/** Deals' states aliased `d`. */
type Deals = SelectQueryBuilder<DB & { d: Deal }, "d", object>;
const joined = (deals: Deals) => deals.innerJoin("InvestorPart as p", "p.dealId", "d.id");

/**
 * `deals` joined to their kept parts, aliased `p`. For a write's few deals on PostgreSQL (`written`), each deal's
 * parts are a lateral subquery, read through InvestorPart's dealId index whatever the statistics say: inside an
 * import's one transaction PostgreSQL plans with the statistics from before it, when the table was small, and a plain
 * join hashed the whole table (grown to 250,000 parts by the end of a 100,000-row import) for each batch of 500
 * deals. OFFSET 0 keeps the subquery from being pulled up into that join. A fill reads every deal's parts, which a join
 * does best; SQLite looks each deal's parts up by the index either way.
 */
export function keptPartsOf(builder: Reads, deals: Deals, written: boolean): ReturnType<typeof joined> {
  if (!written || !isPostgresReads(builder)) return joined(deals);
  return deals.innerJoinLateral(
    (eb) => eb.selectFrom("InvestorPart as q").whereRef("q.dealId", "=", "d.id").selectAll("q").offset(0).as("p"),
    (join) => join.onTrue(),
  ) as unknown as ReturnType<typeof joined>;
}
