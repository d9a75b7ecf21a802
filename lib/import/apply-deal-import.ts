// Writes planned deals in one transaction: all rows land, or none do. Each deal gets its first lifecycle event and a
// revision. New organizations and new deals are written in multi-row batches (createOrganizations, createDeals), so
// the statements grow with the file's size in batches of 500 rows, not per row.
import type { PrismaClient, Prisma } from "../generated/prisma/client";
import { readsOf } from "../data/kysely";
import { createDeals, DealNotFoundError, updateDeal } from "../deals/write-deal";
import { aliasKey } from "../domain";
import { createOrganizations } from "../organizations/create-organization";
import { buildDirectory } from "../organizations/directory";
import type { RevisionAction } from "../revisions";
import { findDuplicates, type DuplicateChoice, type FlaggedRow } from "./find-duplicates";
import { parseDealCsv, type RowError } from "./parse-deal-csv";
import { planDealImport, type PlannedDeal } from "./plan-deal-import";

export type ImportResult =
  | {
      ok: true;
      created: number;
      updated: number;
      skipped: number;
      dealIds: number[];
      newOrganizations: string[];
      duplicates: FlaggedRow[];
    }
  /** `duplicates` set (and no errors): refused under onDuplicate "fail" because rows look like deals already there. */
  | { ok: false; errors: RowError[]; duplicates?: FlaggedRow[] };

class RowFailure extends Error {
  constructor(readonly rowError: RowError) {
    super(rowError.message);
  }
}

/**
 * Every live organization with its aliases, read through Kysely: two plain selects take a tenth of what Prisma's
 * findMany with the aliases relation took (0.5-0.6 s of a 10,000-row import at 100,000 deals went on it).
 */
export async function loadDirectory(db: PrismaClient) {
  const reads = readsOf(db);
  const [organizations, aliases] = await Promise.all([
    reads.selectFrom("Organization").where("deletedAt", "is", null).select(["id", "slug", "name"]).orderBy("id").execute(),
    reads
      .selectFrom("OrganizationAlias")
      .innerJoin("Organization", "Organization.id", "OrganizationAlias.organizationId")
      .where("Organization.deletedAt", "is", null)
      .select(["OrganizationAlias.organizationId", "OrganizationAlias.alias"])
      .orderBy("OrganizationAlias.id")
      .execute(),
  ]);
  const aliasesOf = new Map<number, { alias: string }[]>();
  for (const { organizationId, alias } of aliases) {
    const list = aliasesOf.get(organizationId);
    if (list) list.push({ alias });
    else aliasesOf.set(organizationId, [{ alias }]);
  }
  return buildDirectory(organizations.map((org) => ({ ...org, aliases: aliasesOf.get(org.id) ?? [] })));
}

/** Validates the whole file first; with `dryRun` it stops there and writes nothing. */
export async function importDealCsv(
  db: PrismaClient,
  text: string,
  options: {
    actor: string;
    action?: RevisionAction;
    dryRun?: boolean;
    createMissing?: boolean;
    onDuplicate?: DuplicateChoice;
    /** A choice per flagged row (by its row number), over `onDuplicate` for that row. */
    rowChoices?: ReadonlyMap<number, RowDuplicateChoice>;
  },
): Promise<ImportResult & { planned?: PlannedDeal[] }> {
  const directory = await loadDirectory(db);
  const plan = planDealImport(await parseDealCsv(text), directory, { createMissing: options.createMissing ?? true });
  if (plan.errors.length > 0) return { ok: false, errors: plan.errors };
  const unknownIds = await rowsWithoutLiveDeal(db, plan.deals);
  if (unknownIds.length > 0) return { ok: false, errors: unknownIds };
  // Checked before the transaction, like the ids above: a dry run must report what the real run would refuse.
  const duplicates = await findDuplicates(readsOf(db), plan.deals, (id) => directory.nameOf(id) ?? `organization ${id}`);
  const onDuplicate = options.onDuplicate ?? "fail";
  const choiceErrors = rowChoiceErrors(duplicates, options.rowChoices);
  if (choiceErrors.length > 0) return { ok: false, errors: choiceErrors };
  const choiceOf = (row: number): RowDuplicateChoice | "fail" => options.rowChoices?.get(row) ?? onDuplicate;
  const unresolved = duplicates.filter((d) => choiceOf(d.row) === "fail");
  if (unresolved.length > 0 && !options.dryRun) return { ok: false, errors: [], duplicates: unresolved };
  // A row chosen to update the deal it looks like becomes an update of that deal, as if it named its `id`.
  for (const deal of plan.deals) {
    const choice = choiceOf(deal.row);
    if (typeof choice === "object") deal.id = choice.update;
  }
  let skipped = 0;
  const flagged = new Set(duplicates.filter((d) => choiceOf(d.row) === "skip").map((d) => d.row));
  if (flagged.size > 0) {
    plan.deals = plan.deals.filter((d) => !flagged.has(d.row));
    skipped = flagged.size;
    // Organizations only the skipped rows named are not created.
    const named = new Set(
      plan.deals
        .flatMap((d) => [d.newRecipient, ...d.participations.map((p) => p.newOrganization)])
        .filter(Boolean)
        .map((n) => aliasKey(n as string)),
    );
    plan.newOrganizations = plan.newOrganizations.filter((name) => named.has(aliasKey(name)));
  }
  if (options.dryRun) {
    return {
      ok: true,
      created: plan.deals.filter((d) => d.id === null).length,
      updated: plan.deals.filter((d) => d.id !== null).length,
      skipped,
      dealIds: [],
      newOrganizations: plan.newOrganizations,
      duplicates,
      planned: plan.deals,
    };
  }
  try {
    return await db.$transaction(
      async (tx) => {
        const newOrgs = await createOrganizations(
          tx,
          plan.newOrganizations.map((name) => ({ name, type: "other", country: null, website: null, parentId: null, aliases: [] })),
          options.actor,
          "import",
        );
        const newIds = new Map(plan.newOrganizations.map((name, i) => [aliasKey(name), newOrgs[i].id]));
        const resolveNew = (name: string) => newIds.get(aliasKey(name)) as number;
        for (const deal of plan.deals) {
          if (deal.newRecipient) deal.recipientId = resolveNew(deal.newRecipient);
          deal.participations = deal.participations.map(({ newOrganization, ...p }) =>
            newOrganization ? { ...p, organizationId: resolveNew(newOrganization) } : p,
          );
        }
        const toCreate = plan.deals.filter((deal) => deal.id === null);
        const createdIds = await createDeals(tx, toCreate, options.actor, options.action ?? "import");
        const idOf = new Map(toCreate.map((deal, i) => [deal, createdIds[i]]));
        const dealIds: number[] = [];
        let updated = 0;
        for (const deal of plan.deals) {
          if (deal.id === null) {
            dealIds.push(idOf.get(deal) as number);
          } else {
            await updateRow(tx, deal, options.actor);
            dealIds.push(deal.id);
            updated++;
          }
        }
        const created = createdIds.length;
        return { ok: true as const, created, updated, skipped, dealIds, newOrganizations: plan.newOrganizations, duplicates };
      },
      { timeout: 120_000 },
    );
  } catch (error) {
    if (error instanceof RowFailure) return { ok: false, errors: [error.rowError] };
    throw error;
  }
}

/** What to do with one flagged row: skip it, create it anyway, or update the tracked deal it looks like. */
export type RowDuplicateChoice = "skip" | "create" | { update: number };

/** Reads a row's choice as a form or a query writes it: `skip`, `create` or `update:<deal id>`. */
export function parseRowDuplicateChoice(text: string): RowDuplicateChoice | null {
  if (text === "skip" || text === "create") return text;
  const update = /^update:([1-9]\d{0,15})$/.exec(text);
  return update ? { update: Number(update[1]) } : null;
}

/** Reads choices written `<row>:<choice>` (the API's `duplicate` parameters, the command's `--duplicates`). */
export function parseRowDuplicateChoices(items: readonly string[]): { choices: Map<number, RowDuplicateChoice> } | { error: string } {
  const choices = new Map<number, RowDuplicateChoice>();
  for (const item of items) {
    const [, row, choice] = /^(\d+):(.*)$/.exec(item) ?? [];
    const parsed = choice === undefined ? null : parseRowDuplicateChoice(choice);
    if (!parsed) return { error: `"${item}" is not <row>:skip, <row>:create or <row>:update:<deal id>` };
    choices.set(Number(row), parsed);
  }
  return { choices };
}

/** A choice for a row that is not flagged, or an update of a deal the row was not flagged as like, is refused. */
function rowChoiceErrors(duplicates: FlaggedRow[], choices: ReadonlyMap<number, RowDuplicateChoice> | undefined): RowError[] {
  if (!choices) return [];
  const byRow = new Map(duplicates.map((d) => [d.row, d]));
  const errors: RowError[] = [];
  for (const [row, choice] of choices) {
    const flag = byRow.get(row);
    if (!flag) errors.push({ row, field: "duplicate", message: "this row is not flagged as a likely duplicate" });
    else if (typeof choice === "object" && !flag.matches.some((c) => c.kind === "existing" && c.dealId === choice.update))
      errors.push({ row, field: "duplicate", message: `deal ${choice.update} is not one this row looks like` });
  }
  return errors;
}

/**
 * Rows whose `id` names no live deal (missing or deleted): checked before a dry run answers, so that a preview never
 * counts an update the real run would refuse. (The real run still checks each one in its transaction.)
 */
async function rowsWithoutLiveDeal(db: PrismaClient, deals: PlannedDeal[]): Promise<RowError[]> {
  const named = deals.filter((d) => d.id !== null);
  const live = new Set<number>();
  for (let start = 0; start < named.length; start += 900) {
    const ids = named.slice(start, start + 900).map((d) => d.id as number);
    for (const { id } of await db.deal.findMany({ where: { id: { in: ids }, deletedAt: null }, select: { id: true } })) live.add(id);
  }
  return named.filter((d) => !live.has(d.id as number)).map((d) => ({ row: d.row, field: "id", message: `no deal with id ${d.id}` }));
}

async function updateRow(tx: Prisma.TransactionClient, deal: PlannedDeal, actor: string): Promise<void> {
  try {
    await updateDeal(tx, deal.id as number, deal, { actor, action: "import" });
  } catch (error) {
    if (error instanceof DealNotFoundError) throw new RowFailure({ row: deal.row, field: "id", message: error.message });
    throw error;
  }
}
