// Cross-site request forgery guard for route handlers that change data. A browser sends the session cookie along
// with a forged cross-site request, so cookie-authenticated writes must come with this site's Origin; a bearer token
// is never sent automatically, so scripts using one need no Origin, but a foreign one is still refused. The Origin
// must equal the site's own origin in scheme, host and port (lib/client-address.ts: SITE_URL, a trusted proxy's
// forwarded host, or the Host this connection was sent).
import { requestOrigin, trustProxyFromEnv, type TrustProxy } from "../client-address";

export function checkOrigin(request: Request, via: "session" | "token", trust: TrustProxy = trustProxyFromEnv()): string | null {
  const origin = request.headers.get("origin");
  if (origin === null) return via === "session" ? "a signed-in browser request must send its Origin" : null;
  let sent: string;
  try {
    sent = new URL(origin).origin;
  } catch {
    return "the Origin header is not a URL";
  }
  const own = requestOrigin(request.headers, "header", trust) ?? new URL(request.url).origin;
  return sent === own ? null : `requests from ${origin} are not accepted`;
}
