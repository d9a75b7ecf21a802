// Where to go after signing in: only a path on this site. The address is resolved by the URL parser, as a browser
// would resolve it, rather than judged by string tests: `/\evil.example` and `/<tab>/evil.example` look like paths
// but a browser reads both as `//evil.example`, another site.
const BASE = new URL("http://this-site.invalid");

export const DEFAULT_AFTER_SIGN_IN = "/admin";

export function safeNextPath(next: unknown, fallback = DEFAULT_AFTER_SIGN_IN): string {
  if (typeof next !== "string" || !next.startsWith("/")) return fallback;
  let url: URL;
  try {
    url = new URL(next, BASE);
  } catch {
    return fallback;
  }
  // The path as resolved must stay on this origin, and must not itself read as another host when sent as a Location.
  if (url.origin !== BASE.origin || url.pathname.startsWith("//")) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
