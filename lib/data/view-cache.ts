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
import { cache } from "react";
import { getDb } from "../db";
import { readDataState, type DataState } from "./data-version";

const MAX_ENTRIES = 200;
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
/** `started`: the computation has its turn (a queued one may wait behind the very views that would wait for it). */
type Entry = { version: string; value: Promise<unknown>; started: boolean };
// One cache per database handle, so that a process (or a test) that switches databases never mixes their views.
const caches = new WeakMap<object, Map<string, Entry>>();

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
 * Entries of an older version are dropped when one of a newer version is stored: no request can ask for them again
 * (the version only grows), and a large view would otherwise stay until 200 newer entries pushed it out.
 */
export async function cachedView<T>(key: string, compute: () => Promise<T>): Promise<T> {
  const db = await getDb();
  let entries = caches.get(db);
  if (!entries) caches.set(db, (entries = new Map()));
  const version = await dataVersion();
  const hit = entries.get(key);
  // A view computed inside another one never waits for an entry still queued for its turn: the turns may all be held
  // by views waiting for it, and nothing would move. It computes the view itself, in its caller's turn.
  if (hit && hit.version === version && (hit.started || !insideView.getStore())) {
    entries.delete(key);
    entries.set(key, hit);
    return hit.value as Promise<T>;
  }
  const entry: Entry = { version, value: Promise.resolve(), started: false };
  entry.value = inTurn(() => {
    entry.started = true;
    return compute();
  });
  entries.set(key, entry);
  const own = entries;
  entry.value.catch(() => {
    if (own.get(key) === entry) own.delete(key);
  });
  const newest = BigInt(version);
  for (const [k, e] of entries) if (BigInt(e.version) < newest) entries.delete(k);
  while (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
  return entry.value as Promise<T>;
}

/** The keys of the current database's cached views, least recently used first (for the tests of what is kept). */
export async function cachedViewKeys(): Promise<string[]> {
  return [...(caches.get(await getDb())?.keys() ?? [])];
}

/** Forget every cached view of the current database (for tests that write around the revision log). */
export async function clearViewCache(): Promise<void> {
  caches.delete(await getDb());
}
