// The page cache (lib/page-cache-handler.cjs, next.config's cacheHandler) holds the pages rendered once per data
// version (/v/<version>/…): a page of a newer version sends the older versions' pages away at once, since no request
// names them again, and the bytes bound what one version keeps.
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";

type Cache = {
  get(key: string): Promise<{ value: unknown } | null>;
  set(key: string, data: unknown, ctx?: unknown): Promise<void>;
};
const MemoryPageCache = createRequire(import.meta.url)("../../lib/page-cache-handler.cjs") as new () => Cache;

// Keys as Next 16 names its app pages: a route hash, then the path the proxy rewrote to.
const key = (path: string) => `/route-cache/APP_PAGE/33f02f038e67f3d64ffc29f0b3e4cabf4f56e03cc8d34cdd968a997c9c90b275/$${path}`;
const page = (bytes: number) => ({ kind: "APP_PAGE", html: "x".repeat(bytes), rscData: Buffer.alloc(0) });

describe("the page cache", () => {
  it("keeps a version's pages, and drops them once a page of another version is stored", async () => {
    const cache = new MemoryPageCache();
    await cache.set(key("/v/7"), page(10));
    await cache.set(key("/v/7/deals/1"), page(10));
    await cache.set(key("/v/7/analysis"), page(10));
    await cache.set("/route-cache/APP_PAGE/abc/$/about", page(10));
    for (const path of ["/v/7", "/v/7/deals/1", "/v/7/analysis"]) expect(await cache.get(key(path)), path).not.toBeNull();

    await cache.set(key("/v/8/deals/1"), page(10));
    for (const path of ["/v/7", "/v/7/deals/1", "/v/7/analysis"]) expect(await cache.get(key(path)), path).toBeNull();
    expect(await cache.get(key("/v/8/deals/1"))).not.toBeNull();
    // A page outside the versions (a static one) is not a version's.
    expect(await cache.get("/route-cache/APP_PAGE/abc/$/about")).not.toBeNull();
    // Version 17 is not version 1's page, nor 1 of 17's.
    await cache.set(key("/v/17/deals/2"), page(10));
    expect(await cache.get(key("/v/8/deals/1"))).toBeNull();
    expect(await cache.get(key("/v/17/deals/2"))).not.toBeNull();
  });

  it("sends the least recently used pages of one version away past 64 MB", async () => {
    const cache = new MemoryPageCache();
    const mb = 1024 * 1024;
    for (let i = 1; i <= 20; i++) await cache.set(key(`/v/30/deals/${i}`), page(2 * mb));
    // Deal 1 read again, so deal 2 is now the oldest.
    expect(await cache.get(key("/v/30/deals/1"))).not.toBeNull();
    // 40 pages of 2 MB: the 8 least recently used go (deals 2 to 9).
    for (let i = 21; i <= 40; i++) await cache.set(key(`/v/30/deals/${i}`), page(2 * mb));
    expect(await cache.get(key("/v/30/deals/1"))).not.toBeNull();
    for (const i of [2, 9]) expect(await cache.get(key(`/v/30/deals/${i}`)), `deal ${i}`).toBeNull();
    for (const i of [10, 40]) expect(await cache.get(key(`/v/30/deals/${i}`)), `deal ${i}`).not.toBeNull();
  });
});
