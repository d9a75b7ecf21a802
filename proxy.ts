// Runs before every request but static assets:
// - Every request gets an id (`x-request-id`, on the request the app sees and on the response): the server logs an
//   unexpected error with it, and an API error answer carries it, so a user's report leads to the log line.
// - The bare "/", "/analysis", its sections' pages ("/analysis/flows", …), "/deals/<id>", "/investors/<slug>" and
//   "/companies/<slug>" are rewritten to their page rendered once per data version (app/v/); a signed-in editor's
//   company page is not (it has editing links).
//   Not-found pages need nothing here: no page streams before its lookup (there is no loading.tsx), so a page's
//   notFound() answers 404 itself.
// - /api/* is rate-limited per client (lib/client-address.ts: the connection's address unless TRUST_PROXY says
//   otherwise; 429 with Retry-After), reads and writes with separate budgets, and writes
//   with a bearer token also per token and per the token's user. The counts are in the database (lib/rate-limit.ts),
//   so that the budgets hold across every app process on it.
// - Strict-Transport-Security on every answer to a request that came over HTTPS (directly, by SITE_URL, or as a
//   trusted proxy says; lib/client-address.ts), never on an X-Forwarded-Proto that anyone could send.
import { NextResponse, type NextRequest } from "next/server";
import { readDataVersion } from "@/lib/data/data-version";
import { hashSecret } from "@/lib/auth/secret-token";
import { SESSION_COOKIE } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { clientAddress, isHttpsRequest } from "@/lib/client-address";
import {
  API_READS_PER_MINUTE,
  API_WRITES_PER_MINUTE,
  cannotCount,
  RateLimiter,
  tokenKey,
  TOKEN_WRITES_PER_MINUTE,
  tooManyRequests,
} from "@/lib/rate-limit";
import { isLiveOrganization } from "@/lib/data/merged-organization";
import { ANALYSIS_SECTIONS, analysisSectionPath } from "@/lib/filters/analysis-view";
import { isOrganizationSlug } from "@/lib/filters/organization-filters";
import { logRequestError, REQUEST_ID_HEADER } from "@/lib/request-id";

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg|robots.txt|manifest.webmanifest|screenshot.png).*)"],
};

const apiReads = new RateLimiter("reads", API_READS_PER_MINUTE, 60_000);
const apiWrites = new RateLimiter("writes", API_WRITES_PER_MINUTE, 60_000);
const tokenWrites = new RateLimiter("token-writes", TOKEN_WRITES_PER_MINUTE, 60_000);
const userWrites = new RateLimiter("user-writes", TOKEN_WRITES_PER_MINUTE, 60_000);
/** Pages every visitor sees alike at their bare address, served from a page rendered once per data version. */
const CACHED_PAGES = new Map([
  ["/", ""],
  ["/analysis", "/analysis"],
  ...ANALYSIS_SECTIONS.map((section) => [analysisSectionPath(section), analysisSectionPath(section)] as const),
]);
/** A deal page's bare address, as parseDealId reads its id (anything else is left to the route, which answers 404). */
const DEAL_PAGE = /^\/deals\/[1-9]\d{0,8}$/;
/** An organization page's bare address; its slug is checked by isOrganizationSlug, as the page checks it. */
const ORGANIZATION_PAGE = /^\/(investors|companies)\/([^/]+)$/;

/**
 * The path under /v/<data version> that serves `pathname` when it is a cached page's bare address, else null. An
 * organization page is cached for a live organization only: a merged one's address redirects, and Next answers a
 * redirect from a cached page with its Location header twice (which a proxy that joins them breaks); an unknown one's
 * is a 404 not worth keeping. A signed-in editor's company page is rendered per request: it links each round to the
 * round's editor.
 */
async function cachedPath(pathname: string, signedIn: boolean): Promise<string | null> {
  const page = CACHED_PAGES.get(pathname);
  if (page !== undefined) return page;
  if (DEAL_PAGE.test(pathname)) return pathname;
  const organization = ORGANIZATION_PAGE.exec(pathname);
  if (organization === null || !isOrganizationSlug(organization[2])) return null;
  if (organization[1] === "companies" && signedIn) return null;
  return (await isLiveOrganization(await getDb(), organization[2])) ? pathname : null;
}

function decodes(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

/** The user a bearer token belongs to (a live token), or null: one lookup by the token's hash. */
async function tokenOwner(headers: Headers): Promise<number | null> {
  const match = /^Bearer\s+(\S+)$/i.exec(headers.get("authorization") ?? "");
  if (!match) return null;
  const row = await (
    await getDb()
  ).apiToken.findUnique({ where: { tokenHash: hashSecret(match[1]) }, select: { userId: true, revokedAt: true } });
  return row && !row.revokedAt ? row.userId : null;
}

/** The 429 for an API request over one of its budgets, or null to let it through. */
async function limitApiRequest(request: NextRequest): Promise<Response | null> {
  const reading = request.method === "GET" || request.method === "HEAD";
  const db = await getDb();
  const verdict = await (reading ? apiReads : apiWrites).check(db, clientAddress(request.headers));
  if (!verdict.allowed) return tooManyRequests(verdict.retryAfterSeconds);
  const token = reading ? null : tokenKey(request.headers);
  const perToken = token ? await tokenWrites.check(db, token) : null;
  if (perToken && !perToken.allowed) return tooManyRequests(perToken.retryAfterSeconds);
  // The same budget per user, so that making more tokens does not buy more writes.
  const owner = token ? await tokenOwner(request.headers) : null;
  const perUser = owner !== null ? await userWrites.check(db, `user:${owner}`) : null;
  if (perUser && !perUser.allowed) return tooManyRequests(perUser.retryAfterSeconds);
  return null;
}

/** Sent only when the request reached the site over HTTPS by a judgement that a client cannot fake (isHttpsRequest). */
const HSTS = "max-age=63072000; includeSubDomains";

export async function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  const requestId = crypto.randomUUID();
  const https = isHttpsRequest(request.headers);
  const withId = (response: Response): Response => {
    response.headers.set(REQUEST_ID_HEADER, requestId);
    if (https) response.headers.set("Strict-Transport-Security", HSTS);
    return response;
  };
  const headers = new Headers(request.headers);
  headers.set(REQUEST_ID_HEADER, requestId);
  const next = () => withId(NextResponse.next({ request: { headers } }));
  // A path no route matches: app/not-found.tsx with status 404, the address bar keeping the URL asked for.
  const notFound = () => withId(NextResponse.rewrite(new URL("/_not-found-rewrite", request.url), { status: 404, request: { headers } }));

  // A path whose percent-encoding does not decode names nothing (Next would fail on it with a 500 in any dynamic route).
  if (!decodes(pathname)) return notFound();
  if (pathname.startsWith("/api/")) {
    let refusal: Response | null;
    try {
      refusal = await limitApiRequest(request);
    } catch (error) {
      // A request that cannot be counted is not let through uncounted: under a flood that outlasts the database's
      // busy timeout, that would lift the limit exactly when it matters. The route would fail on the database too.
      logRequestError(requestId, `rate limit for ${request.method} ${pathname}`, error);
      refusal = cannotCount();
    }
    return refusal ? withId(refusal) : next();
  }
  const bare = request.nextUrl.search === "" && (request.method === "GET" || request.method === "HEAD");
  const cached = bare ? await cachedPath(pathname, request.cookies.has(SESSION_COOKIE)) : null;
  if (cached !== null) {
    const version = await readDataVersion(await getDb());
    const response = NextResponse.rewrite(new URL(`/v/${version}${cached}`, request.url), { request: { headers } });
    // Next marks a cached page as cacheable by shared caches for a year; under this address it changes with every write.
    response.headers.set("Cache-Control", "no-cache");
    return withId(response);
  }
  // The cached pages are reached only through the rewrite above: asked for directly, they do not exist.
  if (pathname === "/v" || pathname.startsWith("/v/")) return notFound();
  return next();
}
