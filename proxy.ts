// Gives /deals/<id> its HTTP status before the page renders: a deal page streams, and once streaming starts the
// notFound() in the page can show the not-found UI but can no longer turn the status into 404. Missing or
// malformed ids are rewritten to a path no route matches, which renders app/not-found.tsx with status 404 while
// the address bar keeps the URL that was asked for. Proxy runs on the Node.js runtime in Next 16, so it can ask
// the database directly.
import { NextResponse, type NextRequest } from "next/server";
import { dealExists } from "@/lib/data/deal-exists";
import { parseDealId } from "@/lib/filters/deal-id";

export const config = { matcher: "/deals/:id" };

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
  const id = parseDealId(idSegment(request.nextUrl.pathname));
  if (id !== null && (await dealExists(id))) return NextResponse.next();
  return NextResponse.rewrite(new URL("/deals/missing/not-found", request.url), { status: 404 });
}
