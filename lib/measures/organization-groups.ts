// Organizations that are divisions of one company (AWS under Amazon, Azure under Microsoft, Google Cloud under Google)
// are linked by Organization.parentId, never by their names. These helpers walk that relation for the measures.

export type OrganizationEntry = { name: string; parentKey: string | null };
/** Every organization by slug, with its name and its parent's slug. */
export type OrganizationDirectory = ReadonlyMap<string, OrganizationEntry>;

/** The top of an organization's parent chain (itself when it has no parent, or when the slug is unknown). */
export function rootOf(key: string, directory: OrganizationDirectory): string {
  let current = key;
  // A chain longer than the directory can only be a cycle in bad data: stop rather than loop forever.
  for (let steps = 0; steps <= directory.size; steps++) {
    const parent = directory.get(current)?.parentKey ?? null;
    if (parent === null) return current;
    current = parent;
  }
  return current;
}

/** The given organizations together with every division below them (Amazon brings AWS). */
export function withDivisions(keys: readonly string[], directory: OrganizationDirectory): Set<string> {
  const wanted = new Set(keys);
  const result = new Set(keys);
  for (const key of directory.keys()) {
    let current: string | null = key;
    for (let steps = 0; current !== null && steps <= directory.size; steps++) {
      if (wanted.has(current)) {
        result.add(key);
        break;
      }
      current = directory.get(current)?.parentKey ?? null;
    }
  }
  return result;
}

export function nameOf(key: string, directory: OrganizationDirectory, fallback = key): string {
  return directory.get(key)?.name ?? fallback;
}
