// The choices the /deals filter form offers: the organizations that invest and those that receive, by name.
import "server-only";
import { getDb } from "../db";
import { cachedView } from "./view-cache";

export type OrganizationOption = { slug: string; name: string };
export type DealFilterOptions = { investors: OrganizationOption[]; recipients: OrganizationOption[] };

export function getDealFilterOptions(): Promise<DealFilterOptions> {
  return cachedView("deal-filter-options", computeDealFilterOptions);
}

async function computeDealFilterOptions(): Promise<DealFilterOptions> {
  const db = await getDb();
  const live = { deletedAt: null };
  const [investors, recipients] = await Promise.all([
    db.organization.findMany({
      where: { ...live, participations: { some: { deal: live } } },
      orderBy: { name: "asc" },
      select: { slug: true, name: true },
    }),
    db.organization.findMany({
      where: { ...live, received: { some: live } },
      orderBy: { name: "asc" },
      select: { slug: true, name: true },
    }),
  ]);
  return { investors, recipients };
}
