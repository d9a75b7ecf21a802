// Next's cache for rendered pages (next.config.ts `cacheHandler`), kept in this process's memory only.
//
// The cached pages are the bare addresses proxy.ts serves from /v/<data version>/… ("/", "/analysis" and its section
// pages, "/deals/<id>", the organization pages): a page is rendered once per data version and never changes. Next's
// default handler would also write every rendered version to .next on disk and never delete one, so each write to
// the data would leave files behind. Here the entries live in memory, least recently used out past MAX_ENTRIES or
// MAX_BYTES, the pages of an older data version as soon as a page of a newer one is stored, and a restart starts empty
// (the first request of each page renders it again). Plain CommonJS: Next loads it at run time, outside the bundle.
"use strict";

// A deal page is about 40 kB of HTML and as much of React's payload: the bytes bound the cache, the count only its
// bookkeeping.
const MAX_ENTRIES = 2048;
const MAX_BYTES = 64 * 1024 * 1024;

/** A rough size of a cached value: its HTML and RSC payloads, which are nearly all of it. */
function sizeOf(value) {
  if (!value || typeof value !== "object") return 0;
  let bytes = 0;
  if (typeof value.html === "string") bytes += value.html.length;
  if (value.rscData && typeof value.rscData.length === "number") bytes += value.rscData.length;
  if (value.segmentData instanceof Map) for (const part of value.segmentData.values()) bytes += part?.length ?? 0;
  if (value.body && typeof value.body.length === "number") bytes += value.body.length;
  return bytes;
}

const entries = new Map();
let totalBytes = 0;
/** The data version of the pages stored last. */
let current = null;

/** The data version a cached page's key names (its /v/<version>/ segment), or null for any other entry. */
function versionOf(key) {
  const match = /\/v\/(\d+)(?:\/|$)/.exec(String(key));
  return match ? match[1] : null;
}

function remove(key) {
  const entry = entries.get(key);
  if (!entry) return;
  totalBytes -= entry.bytes;
  entries.delete(key);
}

module.exports = class MemoryPageCache {
  async get(key) {
    const entry = entries.get(key);
    if (!entry) return null;
    // Most recently used last, so the oldest is first out.
    entries.delete(key);
    entries.set(key, entry);
    return entry.stored;
  }

  async set(key, data, ctx) {
    remove(key);
    if (data === null) return;
    // A page of another data version than the last one stored: the data changed, and no request asks for the older
    // versions' pages again (the proxy names the newest), so they go now rather than when the bytes run out. Under
    // steady edits, hundreds of deal pages per version would otherwise fill the cache with pages of the past.
    const version = versionOf(key);
    if (version !== null && version !== current) {
      for (const k of [...entries.keys()]) if (versionOf(k) !== null && versionOf(k) !== version) remove(k);
      current = version;
    }
    const bytes = sizeOf(data);
    if (bytes > MAX_BYTES) return;
    entries.set(key, { stored: { value: data, lastModified: Date.now(), cacheControl: ctx?.cacheControl }, bytes });
    totalBytes += bytes;
    while (entries.size > MAX_ENTRIES || totalBytes > MAX_BYTES) remove(entries.keys().next().value);
  }

  // Nothing here is tagged: a page is never invalidated, a new data version is a new page.
  async revalidateTag() {}

  resetRequestCache() {}
};
