// Resolves the names met in reports and CSV files to organizations through their names and aliases.
import { aliasKey } from "../domain";

export type DirectoryEntry = { id: number; slug: string; name: string };
export type OrganizationDirectory = {
  resolve(name: string): DirectoryEntry | undefined;
  has(name: string): boolean;
  /** An organization's name by id. */
  nameOf(id: number): string | undefined;
};

export function buildDirectory(
  organizations: { id: number; slug: string; name: string; aliases: { alias: string }[] }[],
): OrganizationDirectory {
  const byKey = new Map<string, DirectoryEntry>();
  const byId = new Map<number, string>();
  for (const org of organizations) {
    const entry = { id: org.id, slug: org.slug, name: org.name };
    byId.set(org.id, org.name);
    for (const name of [org.name, org.slug, ...org.aliases.map((a) => a.alias)]) byKey.set(aliasKey(name), entry);
  }
  return {
    resolve: (name) => byKey.get(aliasKey(name)),
    has: (name) => byKey.has(aliasKey(name)),
    nameOf: (id) => byId.get(id),
  };
}
