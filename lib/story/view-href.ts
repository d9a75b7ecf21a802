// Links inside a view "as of" a date keep that date: a deal, an organization or a list opened from an as-of page shows
// what was reported by then too, instead of silently falling back to today. Every internal link that can lead out of
// an as-of view is built here (the pages, the deal lists and tables, the organization tables, the circular flows).

/** `href` (an internal path, with or without a query or a fragment) with the view's `asOf` added when there is one. */
export function withAsOf(href: string, asOf: string | null): string {
  if (!asOf) return href;
  const hashAt = href.indexOf("#");
  const path = hashAt === -1 ? href : href.slice(0, hashAt);
  const fragment = hashAt === -1 ? "" : href.slice(hashAt);
  return `${path}${path.includes("?") ? "&" : "?"}asOf=${encodeURIComponent(asOf)}${fragment}`;
}

/** A deal's page, as of the view's date. */
export function dealHref(id: number, asOf: string | null): string {
  return withAsOf(`/deals/${id}`, asOf);
}

/** An investor's page, as of the view's date. */
export function investorHref(slug: string, asOf: string | null): string {
  return withAsOf(`/investors/${slug}`, asOf);
}

/** A company's page (an organization as recipient), as of the view's date. */
export function companyHref(slug: string, asOf: string | null): string {
  return withAsOf(`/companies/${slug}`, asOf);
}
