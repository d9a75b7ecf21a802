// Who a request comes from, and what it was addressed to: the one place that decides it, for the API rate limits,
// the sign-in throttle, the Origin check, the Secure cookie flag and the feed's links.
//
// The connection's own address is the default. Next 16 does not put the socket on the Request that proxy.ts, route
// handlers and server actions see, and the X-Forwarded-For that `next start` adds from the socket is added only when
// the client sent none (`??=` in base-server), so a client that sends its own is believed. The socket is therefore
// read where Node accepts the request: lib/connection-stamp.ts (installed by instrumentation.ts) writes the peer's
// address and the listening origin into the two headers below on every request, overwriting whatever a client sent
// under those names. Forwarded headers (X-Forwarded-For, -Proto, -Host) are believed only from the proxies that
// TRUST_PROXY names: a hop count (`1`: one proxy in front, whatever its address) or a comma-separated list of
// addresses and CIDR ranges (`127.0.0.1,10.0.0.0/8`).
import { BlockList, isIP } from "node:net";

/** The TCP peer of the request, as Node saw it. */
export const SOCKET_ADDRESS_HEADER = "x-dt-socket-address";
/** The origin of the listening socket (scheme, local address, port), as Node saw it. */
export const SOCKET_ORIGIN_HEADER = "x-dt-socket-origin";

export type TrustProxy = { kind: "none" } | { kind: "hops"; hops: number } | { kind: "list"; list: BlockList; text: string };

/** Parses TRUST_PROXY; a bad entry is an error that names the variable and the entry. */
export function parseTrustProxy(raw: string | undefined): TrustProxy {
  const value = raw?.trim() ?? "";
  if (value === "" || value === "0" || value.toLowerCase() === "false") return { kind: "none" };
  if (/^\d+$/.test(value)) return { kind: "hops", hops: Number(value) };
  const list = new BlockList();
  for (const entry of value
    .split(",")
    .map((e) => e.trim())
    .filter(Boolean)) {
    const [address, prefix, ...rest] = entry.split("/");
    const family = isIP(address);
    const bits = prefix === undefined ? null : Number(prefix);
    if (family === 0 || rest.length > 0 || (bits !== null && (!Number.isInteger(bits) || bits < 0 || bits > (family === 4 ? 32 : 128)))) {
      throw new Error(`TRUST_PROXY must be a number of proxies or a list of addresses and CIDR ranges; "${entry}" is neither`);
    }
    const type = family === 4 ? "ipv4" : "ipv6";
    if (bits === null) list.addAddress(address, type);
    else list.addSubnet(address, bits, type);
  }
  return { kind: "list", list, text: value };
}

let configured: { raw: string | undefined; parsed: TrustProxy } | null = null;

/** TRUST_PROXY from the environment, parsed once per value. */
export function trustProxyFromEnv(): TrustProxy {
  const raw = process.env.TRUST_PROXY;
  if (!configured || configured.raw !== raw) configured = { raw, parsed: parseTrustProxy(raw) };
  return configured.parsed;
}

/** An address as one spelling: IPv4-mapped IPv6 (`::ffff:10.0.0.1`) is the IPv4 address. */
function normalize(address: string): string {
  const trimmed = address.trim().replace(/^\[(.*)\]$/, "$1");
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(trimmed);
  return mapped ? mapped[1] : trimmed.toLowerCase();
}

function isTrusted(address: string, trust: TrustProxy): boolean {
  if (trust.kind !== "list") return false;
  const family = isIP(address);
  return family !== 0 && trust.list.check(address, family === 4 ? "ipv4" : "ipv6");
}

type HeaderSource = { get(name: string): string | null };

function forwardedChain(headers: HeaderSource): string[] {
  return (headers.get("x-forwarded-for") ?? "").split(",").map(normalize).filter(Boolean);
}

/**
 * The client's address: the socket's peer, or, when that peer is a trusted proxy, the address it forwarded (walking
 * X-Forwarded-For from the right past every trusted proxy, or back as many hops as TRUST_PROXY counts). A request
 * without the socket stamp (one that did not come through lib/connection-stamp.ts) is "unknown".
 */
export function clientAddress(headers: HeaderSource, trust: TrustProxy = trustProxyFromEnv()): string {
  const peer = headers.get(SOCKET_ADDRESS_HEADER);
  if (!peer) return "unknown";
  const socket = normalize(peer);
  if (trust.kind === "none") return socket;
  const chain = [...forwardedChain(headers), socket];
  if (trust.kind === "hops") return chain[Math.max(0, chain.length - 1 - trust.hops)];
  let index = chain.length - 1;
  while (index > 0 && isTrusted(chain[index], trust)) index--;
  return chain[index];
}

/** Whether the request's forwarded headers come from a proxy TRUST_PROXY names. */
export function fromTrustedProxy(headers: HeaderSource, trust: TrustProxy = trustProxyFromEnv()): boolean {
  if (trust.kind === "hops") return trust.hops > 0;
  const peer = headers.get(SOCKET_ADDRESS_HEADER);
  return peer !== null && isTrusted(normalize(peer), trust);
}

/**
 * The origin the request was addressed to, from configuration or the connection, never from an untrusted forwarded
 * header: SITE_URL when set; else what a trusted proxy forwarded (X-Forwarded-Proto and -Host); else the socket's
 * scheme with, when `host` is "header", the Host header (the Origin check: a forged cross-site request cannot choose
 * the Host its victim's browser sends), or, when "socket", the listening address itself (the cacheable feed, where a
 * Host header one client sends must not reach what others read).
 */
export function requestOrigin(headers: HeaderSource, host: "header" | "socket", trust: TrustProxy = trustProxyFromEnv()): string | null {
  const site = process.env.SITE_URL?.trim();
  if (site) return new URL(site).origin;
  const socketOrigin = headers.get(SOCKET_ORIGIN_HEADER);
  const forwarded = fromTrustedProxy(headers, trust);
  const name = forwarded
    ? headers.get("x-forwarded-host")?.split(",")[0]?.trim() || headers.get("host")
    : host === "header"
      ? headers.get("host")
      : null;
  const scheme = isHttpsRequest(headers, trust) ? "https" : "http";
  if (name) {
    try {
      return new URL(`${scheme}://${name}`).origin;
    } catch {
      return null;
    }
  }
  return socketOrigin;
}

/** Whether the request reached the site over HTTPS: SITE_URL says so, a trusted proxy says so, or the socket is TLS. */
export function isHttpsRequest(headers: HeaderSource, trust: TrustProxy = trustProxyFromEnv()): boolean {
  if (process.env.SITE_URL?.trim().startsWith("https:")) return true;
  if (fromTrustedProxy(headers, trust)) return headers.get("x-forwarded-proto")?.split(",")[0]?.trim() === "https";
  return headers.get(SOCKET_ORIGIN_HEADER)?.startsWith("https:") ?? false;
}
