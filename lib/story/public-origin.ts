// The site's public address, for links that leave the site (feed entries): SITE_URL when set (recommended), else what
// a trusted proxy forwarded, else the address the connection was accepted on; never the request's own Host header,
// since a feed is cached and one client's Host would reach every reader (lib/client-address.ts).
import { requestOrigin } from "../client-address";

export function publicOrigin(request: Request): string {
  return requestOrigin(request.headers, "socket") ?? new URL(request.url).origin;
}
