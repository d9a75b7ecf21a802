// Runs before the routes it matches:
// - /deals/<id> gets its HTTP status before the page renders: a deal page streams, and once streaming starts the
//   notFound() in the page can show the not-found UI but can no longer turn the status into 404. Missing or
//   malformed ids are rewritten to a path no route matches, which renders app/not-found.tsx with status 404 while
//   the address bar keeps the URL that was asked for. Proxy runs on the Node.js runtime in Next 16, so it can ask
//   the database directly.
// - /api/* is rate-limited per client (429 with Retry-After), reads and writes with separate budgets.
import { NextResponse, type NextRequest } from "next/server";
import { dealExists } from "@/lib/data/deal-exists";
import { parseDealId } from "@/lib/filters/deal-id";
import { API_READS_PER_MINUTE, API_WRITES_PER_MINUTE, clientKey, RateLimiter, tooManyRequests } from "@/lib/rate-limit";

export const config = { matcher: ["/deals/:id", "/api/:path*"] };

const apiReads = new RateLimiter(API_READS_PER_MINUTE, 60_000);
const apiWrites = new RateLimiter(API_WRITES_PER_MINUTE, 60_000);

/** The id segment as the page will see it; malformed percent-encoding is no id rather than an error. */
function idSegment(pathname: string): string {
  const raw = pathname.split("/")[2] ?? "";
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

export async function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  if (pathname.startsWith("/api/")) {
    const limiter = request.method === "GET" || request.method === "HEAD" ? apiReads : apiWrites;
    const verdict = limiter.check(clientKey(request.headers));
    return verdict.allowed ? NextResponse.next() : tooManyRequests(verdict.retryAfterSeconds);
  }
  const id = parseDealId(idSegment(pathname));
  if (id !== null && (await dealExists(id))) return NextResponse.next();
  return NextResponse.rewrite(new URL("/deals/missing/not-found", request.url), { status: 404 });
}
