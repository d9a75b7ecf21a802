// The site's public address, for links that leave the site (feed entries): SITE_URL when set (recommended behind a
// proxy), otherwise what the request was addressed to (Host and X-Forwarded-Proto), since Next's request.url names
// the address the server listens on rather than the one the reader used.
export function publicOrigin(request: Request): string {
  const configured = process.env.SITE_URL;
  if (configured) return new URL(configured).origin;
  const url = new URL(request.url);
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host") ?? url.host;
  const proto = request.headers.get("x-forwarded-proto") ?? url.protocol.replace(":", "");
  try {
    return new URL(`${proto === "https" ? "https" : "http"}://${host}`).origin;
  } catch {
    return url.origin;
  }
}
