// Resolves the names met in reports, CSV files, filters and the search box to organizations through their names and
// aliases: `resolve` by the exact name or alias (aliasKey), `suggest` tolerant of spacing and typos (name-match.ts).
import { aliasKey } from "../domain";
import { matchableName, matchScore, nameQuery, type MatchableName } from "./name-match";

export type DirectoryEntry = { id: number; slug: string; name: string; type: string; dealsAsInvestor: number; dealsAsRecipient: number };
/** A suggestion: the organization and the name or alias that matched. */
export type DirectoryMatch = DirectoryEntry & { matched: string };
export type OrganizationDirectory = {
  resolve(name: string): DirectoryEntry | undefined;
  has(name: string): boolean;
  /** An organization's name by id. */
  nameOf(id: number): string | undefined;
  /** The organizations the query names, best first: how well a name or alias matches, then the more deals, then the name. */
  suggest(q: string, limit: number): DirectoryMatch[];
};

export type DirectoryOrganization = {
  id: number;
  slug: string;
  name: string;
  type?: string;
  aliases: { alias: string }[];
  /** How many deals it joined and received: the more active of two equal matches comes first. */
  dealsAsInvestor?: number;
  dealsAsRecipient?: number;
};

export function buildDirectory(organizations: DirectoryOrganization[]): OrganizationDirectory {
  const byKey = new Map<string, DirectoryEntry>();
  const byId = new Map<number, string>();
  const searchable: { entry: DirectoryEntry; deals: number; names: MatchableName[] }[] = [];
  for (const org of organizations) {
    byId.set(org.id, org.name);
    const dealsAsInvestor = org.dealsAsInvestor ?? 0;
    const dealsAsRecipient = org.dealsAsRecipient ?? 0;
    const entry = { id: org.id, slug: org.slug, name: org.name, type: org.type ?? "", dealsAsInvestor, dealsAsRecipient };
    for (const name of [org.name, org.slug, ...org.aliases.map((a) => a.alias)]) byKey.set(aliasKey(name), entry);
    // The name first, so that it is what `matched` says when an alias matches no better.
    const names = [org.name, ...org.aliases.map((a) => a.alias).sort()].map(matchableName);
    searchable.push({ entry, deals: dealsAsInvestor + dealsAsRecipient, names });
  }
  return {
    resolve: (name) => byKey.get(aliasKey(name)),
    has: (name) => byKey.has(aliasKey(name)),
    nameOf: (id) => byId.get(id),
    suggest(q, limit) {
      const query = nameQuery(q);
      if (query === null || limit <= 0) return [];
      const found: { match: DirectoryMatch; score: number; deals: number }[] = [];
      for (const { entry, deals, names } of searchable) {
        let best: { score: number; text: string } | null = null;
        for (const name of names) {
          const score = matchScore(query, name);
          if (score !== null && (best === null || score < best.score)) best = { score, text: name.text };
          if (score === 0) break;
        }
        if (best) found.push({ match: { ...entry, matched: best.text }, score: best.score, deals });
      }
      found.sort(
        (a, b) =>
          a.score - b.score ||
          b.deals - a.deals ||
          (a.match.name < b.match.name ? -1 : a.match.name > b.match.name ? 1 : 0) ||
          a.match.id - b.match.id,
      );
      return found.slice(0, limit).map((f) => f.match);
    },
  };
}
