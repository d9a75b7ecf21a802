// The investor and recipient filters take names as people type them ("Anthropic", "QIA", "Nvidia Corp"), not only
// slugs: before a filter schema reads the parameters, each value that is not written as a slug is looked up in the
// alias directory (exact name, slug or alias) and replaced by its organization's slug, so every parser, the URL and
// the filter compiler keep seeing slugs. A name that names nothing is dropped and reported with the closest names.
import "server-only";
import { allValues, SLUG_PATTERN as SLUG, type FilterIssue, type ParamSource } from "../filters/params";
import type { OrganizationDirectory } from "../organizations/directory";
import { getSearchDirectory } from "./organization-directory";

const NAMED_PARAMS = ["investor", "recipient"] as const;

function toSearchParams(source: ParamSource): URLSearchParams {
  if (source instanceof URLSearchParams) return new URLSearchParams(source);
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(source)) for (const v of [value ?? []].flat()) params.append(name, v);
  return params;
}

export type ResolvedNames = {
  params: URLSearchParams;
  issues: FilterIssue[];
  /** True when a name was replaced by its slug: a page then sends the browser to the address with slugs. */
  renamed: boolean;
};

/** The parameters with the organizations' names replaced by slugs, and an issue for each name that names nothing. */
export async function resolveFilterNames(source: ParamSource): Promise<ResolvedNames> {
  const params = toSearchParams(source);
  const named = NAMED_PARAMS.some((name) =>
    allValues(params, name).some((v) =>
      v
        .split(",")
        .map((s) => s.trim())
        .some((s) => s !== "" && !SLUG.test(s)),
    ),
  );
  if (!named) return { params, issues: [], renamed: false };
  return resolveWith(await getSearchDirectory(), params);
}

export function resolveWith(directory: OrganizationDirectory, params: URLSearchParams): ResolvedNames {
  const issues: FilterIssue[] = [];
  let renamed = false;
  for (const name of NAMED_PARAMS) {
    const values = allValues(params, name);
    if (values.length === 0) continue;
    params.delete(name);
    for (const value of values.flatMap((v) => v.split(",")).map((v) => v.trim())) {
      if (value === "" || SLUG.test(value)) {
        if (value !== "") params.append(name, value);
        continue;
      }
      const found = directory.resolve(value);
      if (found) {
        params.append(name, found.slug);
        renamed = true;
        continue;
      }
      const close = directory.suggest(value, 3).map((m) => `${m.name} (${m.slug})`);
      issues.push({
        param: name,
        value,
        message: `no organization is named “${value}”${close.length > 0 ? `; the closest: ${close.join(", ")}` : ""}`,
      });
    }
  }
  return { params, issues, renamed };
}

/**
 * The names of the organizations the filters name by slug, from the same directory: what the forms' name fields show
 * and the active-filter labels say. A slug that names no live organization is absent (the field then shows the slug).
 * The forms list no organizations (their fields suggest from /api/search), so nothing here grows with the data.
 */
export async function filterNamesOf(chosen: { investors: readonly string[]; recipient: string | null }): Promise<Map<string, string>> {
  const slugs = [...chosen.investors, ...(chosen.recipient ? [chosen.recipient] : [])];
  if (slugs.length === 0) return new Map();
  const directory = await getSearchDirectory();
  return new Map(
    slugs.flatMap((slug) => {
      const entry = directory.resolve(slug);
      return entry && entry.slug === slug ? [[slug, entry.name] as [string, string]] : [];
    }),
  );
}

/** The address a page sends the browser to once names are slugs: its parameters but the empty fields a form submits. */
export function addressWithSlugs(path: string, params: URLSearchParams): string {
  const query = new URLSearchParams([...params].filter(([, value]) => value.trim() !== "")).toString();
  return query ? `${path}?${query}` : path;
}
