// A cache for the views every visitor sees alike (the overview, the analysis, the capital charts), correct across
// several app processes sharing one database.
//
// The key of a cached view includes the data version: the id of the newest Revision. Every write records a
// revision in its own transaction (lib/revisions.ts: deals, imports, restores, organization edits, the seed), so the
// version changes in the same commit as the data, and every process sees it on its next request: one primary-key
// lookup (`SELECT MAX("id") FROM "Revision"`, read once per request thanks to React's cache) instead of recomputing
// a view over every deal. A write in one process is visible through any other at once; nothing is ever served from
// before a write that has committed. Entries are kept in this process's memory, least recently used first out.
import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { getHeapStatistics } from "node:v8";
import { cache } from "react";
import { getDb } from "../db";
import { readDataState, type DataState } from "./data-version";

/**
 * The views' approximate memory (approximateBytes, keys included), least recently used out past it. Views differ in
 * size by four orders of magnitude (a list's count against a large investor's page), so a bound on their number
 * either pushes the small ones out before they are asked again (each /deals filter set keeps a count, figures and a
 * page) or lets the large ones grow without limit. At a million synthetic deals the twenty most active investors'
 * views hold 80 MB and the twenty most active companies' 13 MB, each 0.2-2 s to compute; 64 MB had them push each
 * other out and every visit compute its view again. The bound is a quarter of the heap V8 may grow to, at most
 * 256 MB: an operator who bounds the heap (NODE_OPTIONS=--max-old-space-size, docs/operations.md) bounds the views
 * with it, where a cache of 256 MB in a heap of 256 MB would leave the views being computed no room.
 */
let maxBytes = Math.min(256 * 1024 * 1024, Math.floor(getHeapStatistics().heap_size_limit / 4));
/**
 * How many views may be computed at once. A view that measures many deals holds them all in memory while it runs
 * (an investor page at 1,000,000 deals, hundreds of megabytes); with two cores more at once only adds memory, not
 * speed. Views computed inside a view (the overview asks for the /deals figures) run in their caller's turn.
 */
const MAX_COMPUTING = 2;
let computing = 0;
const waiting: (() => void)[] = [];
const insideView = new AsyncLocalStorage<true>();

async function inTurn<T>(compute: () => Promise<T>): Promise<T> {
  if (insideView.getStore()) return compute();
  if (computing >= MAX_COMPUTING) await new Promise<void>((resolve) => waiting.push(resolve));
  else computing++;
  try {
    return await insideView.run(true, compute);
  } finally {
    // The turn passes straight to the next waiting view (the count stays), or is given back.
    const next = waiting.shift();
    if (next) next();
    else computing--;
  }
}

/** How many view computations are running and waiting (for the test of the limit). */
export function viewComputations(): { running: number; waiting: number } {
  return { running: computing, waiting: waiting.length };
}
/**
 * `computing`: the computation while it runs, which concurrent requests share; then `value`, the computed view. The
 * promise is not kept past that: a promise made while a request renders holds that request's async context (Next's
 * stores, and through them the request, its response and its rendered page), so a cache of promises kept every
 * request that first computed a view: in the 100,000-deal bench, with about 3,000 views, the heap left after a full
 * collection was 430 MB against 213 MB (some 50-75 kB a view).
 * `started`: the computation has its turn (a queued one may wait behind the very views that would wait for it).
 * `bytes`: its approximate size once computed (0 until then).
 */
type Entry = { version: string; computing: Promise<unknown> | null; value: unknown; started: boolean; bytes: number };
/** One database's views, least recently used first, with their approximate bytes and the newest version stored. */
type Views = { entries: Map<string, Entry>; bytes: number; newest: bigint };
// One cache per database handle, so that a process (or a test) that switches databases never mixes their views.
const caches = new WeakMap<object, Views>();

/** The newest revision, read once per request: the data version and when the data last changed. */
export const dataState = cache(async (): Promise<DataState> => readDataState(await getDb()));

/** The data version: it changes with every committed write, in any process. */
export async function dataVersion(): Promise<string> {
  return (await dataState()).version;
}

/** A stable key for view parameters (BigInt amounts included). */
export function viewKey(name: string, params?: unknown): string {
  return params === undefined ? name : `${name}:${JSON.stringify(params, (_k, v) => (typeof v === "bigint" ? `${v}n` : v))}`;
}

/**
 * The view computed once per data version and shared by every request until the next write. The value is shared:
 * callers must not mutate it. Concurrent first requests share one computation; at most MAX_COMPUTING run at once.
 * Storing a view of a newer version drops every older one (the version only grows, so no request asks for them
 * again); a view of an older version (its request read the version before a write that has since been stored) is
 * computed for its caller and not kept.
 */
export async function cachedView<T>(key: string, compute: () => Promise<T>): Promise<T> {
  const db = await getDb();
  let views = caches.get(db);
  if (!views) caches.set(db, (views = { entries: new Map(), bytes: 0, newest: 0n }));
  const { entries } = views;
  const version = await dataVersion();
  const hit = entries.get(key);
  // A view computed inside another one never waits for an entry still queued for its turn: the turns may all be held
  // by views waiting for it, and nothing would move. It computes the view itself, in its caller's turn.
  if (hit && hit.version === version && (hit.started || !insideView.getStore())) {
    entries.delete(key);
    entries.set(key, hit);
    return (hit.computing ?? hit.value) as T | Promise<T>;
  }
  const entry: Entry = { version, computing: null, value: undefined, started: false, bytes: 0 };
  const computing = inTurn(() => {
    entry.started = true;
    return compute();
  });
  entry.computing = computing;
  const numbered = BigInt(version);
  if (numbered < views.newest) return computing;
  if (numbered > views.newest) {
    entries.clear();
    views.bytes = 0;
    views.newest = numbered;
  }
  forget(views, key);
  entries.set(key, entry);
  const own = views;
  computing.then(
    (value) => {
      entry.value = value;
      entry.computing = null;
      if (own.entries.get(key) !== entry) return;
      entry.bytes = key.length + approximateBytes(value);
      own.bytes += entry.bytes;
      for (const [k, e] of own.entries) {
        if (own.bytes <= maxBytes) break;
        if (e !== entry) forget(own, k);
      }
    },
    () => {
      if (own.entries.get(key) === entry) forget(own, key);
    },
  );
  return computing;
}

function forget(views: Views, key: string): void {
  const entry = views.entries.get(key);
  if (!entry) return;
  views.bytes -= entry.bytes;
  views.entries.delete(key);
}

/**
 * About how many bytes a computed view holds in V8's heap: strings by their length, numbers, BigInts and objects by
 * typical sizes. It walks the value once when it is stored (far less than computing it); shared objects count once.
 */
export function approximateBytes(value: unknown, seen = new Set<object>()): number {
  switch (typeof value) {
    case "string":
      return 16 + value.length;
    case "bigint":
      return 24;
    case "object": {
      if (value === null) return 8;
      if (seen.has(value)) return 8;
      seen.add(value);
      if (value instanceof Date) return 32;
      let bytes = 32;
      if (value instanceof Map) {
        for (const [k, v] of value) bytes += 16 + approximateBytes(k, seen) + approximateBytes(v, seen);
      } else if (Array.isArray(value) || value instanceof Set) {
        for (const v of value) bytes += 8 + approximateBytes(v, seen);
      } else {
        for (const v of Object.values(value)) bytes += 8 + approximateBytes(v, seen);
      }
      return bytes;
    }
    default:
      return 8;
  }
}

/** The keys of the current database's cached views, least recently used first (for the tests of what is kept). */
export async function cachedViewKeys(): Promise<string[]> {
  return [...(caches.get(await getDb())?.entries.keys() ?? [])];
}

/** Sets the bound on the views' bytes and returns the one it replaces (for the tests of the bound). */
export function setViewCacheLimit(bytes: number): number {
  const previous = maxBytes;
  maxBytes = bytes;
  return previous;
}

/** The approximate bytes the current database's cached views hold (for the tests). */
export async function cachedViewBytes(): Promise<number> {
  return caches.get(await getDb())?.bytes ?? 0;
}

/** Forget every cached view of the current database (for tests that write around the revision log). */
export async function clearViewCache(): Promise<void> {
  caches.delete(await getDb());
}
