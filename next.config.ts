import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // better-sqlite3 is a native addon: load it from node_modules at run time instead of bundling it.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3"],
  poweredByHeader: false,
  // CSV imports go through a server action: a 10 MB file (the import limit) plus form overhead.
  experimental: { serverActions: { bodySizeLimit: "11mb" } },
};

export default nextConfig;
