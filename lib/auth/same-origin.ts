// Cross-site request forgery guard for route handlers that change data. A browser sends the session cookie along
// with a forged cross-site request, so cookie-authenticated writes must come with this site's Origin; a bearer token
// is never sent automatically, so scripts using one need no Origin, but a foreign one is still refused.
export function checkOrigin(request: Request, via: "session" | "token"): string | null {
  const origin = request.headers.get("origin");
  const forwardedHost = request.headers.get("x-forwarded-host");
  const host = forwardedHost ?? request.headers.get("host") ?? new URL(request.url).host;
  if (origin === null) return via === "session" ? "a signed-in browser request must send its Origin" : null;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return "the Origin header is not a URL";
  }
  return originHost === host ? null : `requests from ${origin} are not accepted`;
}
