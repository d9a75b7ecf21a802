// The choices the /deals filter form offers. At scale there are thousands of organizations, and listing them all made
// /deals a megabyte of HTML: the form offers the most active investors and recipients (by live deals), plus whatever
// the current filters name, and takes any other organization by its slug in a text field.
import "server-only";
import { getDb } from "../db";
import { cachedView } from "./view-cache";

export type OrganizationOption = { slug: string; name: string };
export type DealFilterOptions = {
  /** The most active investors, then any chosen investor outside them, by name. */
  investors: OrganizationOption[];
  /** The most active recipients, then the chosen recipient if outside them, by name. */
  recipients: OrganizationOption[];
  /** How many organizations have live deals on each side: the form says when it offers only some of them. */
  investorCount: number;
  recipientCount: number;
};

/** How many of each side the form offers. */
export const TOP_INVESTOR_OPTIONS = 50;
export const TOP_RECIPIENT_OPTIONS = 100;

type TopOptions = Omit<DealFilterOptions, "investors" | "recipients"> & {
  investors: OrganizationOption[];
  recipients: OrganizationOption[];
};

/** The options for a form whose filters name `chosen` (shown even when they are not among the most active). */
export async function getDealFilterOptions(
  chosen: { investors: readonly string[]; recipient: string | null } = { investors: [], recipient: null },
): Promise<DealFilterOptions> {
  const top = await cachedView("deal-filter-options", computeTopOptions);
  const known = new Set([...top.investors, ...top.recipients].map((o) => o.slug));
  const missing = [...new Set([...chosen.investors, ...(chosen.recipient ? [chosen.recipient] : [])])].filter((slug) => !known.has(slug));
  const extra =
    missing.length === 0
      ? []
      : await (
          await getDb()
        ).organization.findMany({ where: { slug: { in: missing }, deletedAt: null }, select: { slug: true, name: true } });
  const withChosen = (list: OrganizationOption[], slugs: readonly string[]) => {
    const have = new Set(list.map((o) => o.slug));
    const added = extra.filter((o) => slugs.includes(o.slug) && !have.has(o.slug));
    return added.length === 0 ? list : [...list, ...added].sort(byName);
  };
  return {
    ...top,
    investors: withChosen(top.investors, chosen.investors),
    recipients: withChosen(top.recipients, chosen.recipient ? [chosen.recipient] : []),
  };
}

const byName = (a: OrganizationOption, b: OrganizationOption) => a.name.localeCompare(b.name) || a.slug.localeCompare(b.slug);

async function computeTopOptions(): Promise<TopOptions> {
  const db = await getDb();
  const live = { deletedAt: null };
  // Deals per organization on each side (one row per organization, so at most a few thousand rows).
  const [asInvestor, asRecipient] = await Promise.all([
    db.participation.groupBy({ by: ["organizationId"], where: { organizationId: { not: null }, deal: live }, _count: { _all: true } }),
    db.deal.groupBy({ by: ["recipientId"], where: live, _count: { _all: true } }),
  ]);
  const ranked = (rows: { id: number | null; count: number }[]) =>
    rows.filter((r): r is { id: number; count: number } => r.id !== null).sort((a, b) => b.count - a.count || a.id - b.id);
  const investorRanks = ranked(asInvestor.map((r) => ({ id: r.organizationId, count: r._count._all })));
  const recipientRanks = ranked(asRecipient.map((r) => ({ id: r.recipientId, count: r._count._all })));
  // A little more than needed, since a soft-deleted organization is left out after the fact.
  const slack = 20;
  const ids = [...investorRanks.slice(0, TOP_INVESTOR_OPTIONS + slack), ...recipientRanks.slice(0, TOP_RECIPIENT_OPTIONS + slack)].map(
    (r) => r.id,
  );
  const orgs = await db.organization.findMany({
    where: { id: { in: [...new Set(ids)] }, ...live },
    select: { id: true, slug: true, name: true },
  });
  const byId = new Map(orgs.map((o) => [o.id, { slug: o.slug, name: o.name }]));
  const pick = (ranks: { id: number }[], n: number) =>
    ranks
      .flatMap((r) => byId.get(r.id) ?? [])
      .slice(0, n)
      .sort(byName);
  return {
    investors: pick(investorRanks, TOP_INVESTOR_OPTIONS),
    recipients: pick(recipientRanks, TOP_RECIPIENT_OPTIONS),
    investorCount: investorRanks.length,
    recipientCount: recipientRanks.length,
  };
}
