import path from "node:path";
import type { NextConfig } from "next";
import { MAX_IMPORT_BYTES } from "./lib/import/import-limits";

const isDev = process.env.NODE_ENV !== "production";

// No third-party origin anywhere: the dashboard loads nothing from elsewhere. Next's bootstrap scripts are inline,
// hence 'unsafe-inline' for scripts; React's development build also needs eval.
const contentSecurityPolicy = (frameAncestors: string) =>
  [
    "default-src 'self'",
    `script-src 'self' 'unsafe-inline'${isDev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestors}`,
  ].join("; ");

const commonHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
];

// Every page refuses to be framed (clickjacking), except the /embed/* charts, which exist to be framed by any site.
const securityHeaders = [
  { key: "Content-Security-Policy", value: contentSecurityPolicy("'none'") },
  { key: "X-Frame-Options", value: "DENY" },
  ...commonHeaders,
];
const embedHeaders = [{ key: "Content-Security-Policy", value: contentSecurityPolicy("*") }, ...commonHeaders];

const nextConfig: NextConfig = {
  // better-sqlite3 is a native addon: load it from node_modules at run time instead of bundling it.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "@node-rs/argon2"],
  poweredByHeader: false,
  // proxy.ts sees the URL the server was asked for (origin included), so that its rewrites (to the cached pages, to the
  // not-found page) have the server's own origin and stay internal. Normalised, the URL says "localhost" even when the
  // server listens on 127.0.0.1 or sits behind HTTPS, and Next then sends the rewrite out as a new request.
  skipProxyUrlNormalize: true,
  // Rendered pages are cached in memory only (lib/page-cache-handler.cjs): each data version of "/" and "/analysis"
  // is a new page (proxy.ts), and the default handler would keep every one of them on disk.
  cacheHandler: path.join(process.cwd(), "lib", "page-cache-handler.cjs"),
  cacheMaxMemorySize: 0,
  // CSV imports go through a server action: a 10 MB file (the import limit) plus form overhead. Next passes a body
  // through proxy.ts buffered up to proxyClientMaxBodySize and drops the rest without an error, so that is set above
  // every body limit of the app (lib/api/read-body.ts): a body cut there is still over the limit and refused whole.
  experimental: { serverActions: { bodySizeLimit: "11mb" }, proxyClientMaxBodySize: MAX_IMPORT_BYTES + 2 * 1024 * 1024 },
  async headers() {
    return [
      // "/" is listed on its own: the pattern's parameter does not match an empty path.
      { source: "/", headers: securityHeaders },
      { source: "/:path((?!embed/).*)", headers: securityHeaders },
      { source: "/embed/:path*", headers: embedHeaders },
      // Strict-Transport-Security is set by proxy.ts: whether a request came over HTTPS depends on TRUST_PROXY, which a
      // header rule cannot consult.
    ];
  },
};

export default nextConfig;
