// Concurrency: 20 editors with their own API tokens make 50 edits each through PATCH /api/deals/{id} on the
// production server, all at once: every other edit on one deal they all share, the rest on a deal of their own, every
// tenth a status change (a lifecycle event). An edit refused with 409 is retried with the version the refusal gives,
// up to three tries; then the editor has been told it did not land, which is an honest outcome (not a loss).
// Then the database must account for everything: each landed edit has its revision (actor, version, summary), each
// deal's version went up by exactly its landed edits, its final summary is the last landed edit's, each status change
// has its lifecycle event, and no 5xx, network error or SQLITE_BUSY reached anyone.
import { REPORTED_FIELDS } from "@/lib/story/as-of";
import { openDatabase } from "@/lib/prisma-client";
import { BASE_PORT, createEditors, freshDatabase, LOAD_TEST_LIMITS, log, startServer, type SuiteResult } from "./support";

const EDITORS = 20;
const EDITS_EACH = 50;
/** An editor tries an edit this many times (re-reading the version from each 409), then accepts the refusal. */
const MAX_ATTEMPTS = 3;

type Landed = { dealId: number; version: number; summary: string; editor: string; statusSent: string | null };

export async function runConcurrency(options: { editors?: number; editsEach?: number; port?: number } = {}): Promise<SuiteResult> {
  const editorCount = options.editors ?? EDITORS;
  const editsEach = options.editsEach ?? EDITS_EACH;
  const { url } = freshDatabase("concurrency");
  const editors = await createEditors(url, editorCount, "concurrent-editor");

  const db = await openDatabase(url);
  const deals = await db.deal.findMany({
    where: { deletedAt: null, status: { in: ["announced", "closed"] } },
    orderBy: { id: "asc" },
    take: editorCount + 1,
    select: { id: true, version: true, status: true },
  });
  if (deals.length < editorCount + 1) throw new Error("the seed has too few announced or closed deals");
  const initial = new Map(deals.map((d) => [d.id, d]));
  const eventsBefore = await db.dealEvent.count();
  const revisionsBefore = await db.revision.count();
  await db.$disconnect();
  const shared = deals[0].id;
  const own = deals.slice(1).map((d) => d.id);

  const server = await startServer(url, options.port ?? BASE_PORT, LOAD_TEST_LIMITS);
  const landed: Landed[] = [];
  const tally = {
    edits: 0,
    attempts: 0,
    landed: 0,
    conflicts: 0,
    conflictsOnOwnDeals: 0,
    gaveUp: 0,
    serverErrors: 0,
    otherRefusals: 0,
    networkErrors: 0,
  };
  const problems: string[] = [];
  const started = performance.now();
  try {
    await Promise.all(
      editors.map(async (editor, e) => {
        const known = new Map(deals.map((d) => [d.id, d.version]));
        for (let i = 0; i < editsEach; i++) {
          tally.edits++;
          const dealId = i % 2 === 0 ? shared : own[e];
          const summary = `edit ${i} by editor ${e}`;
          const statusChange = i % 10 === 9 ? (i % 20 === 9 ? "closed" : "announced") : null;
          const fields = statusChange
            ? {
                summary,
                status: statusChange,
                change_date: "2026-09-01",
                source_url: `https://example.com/status/${e}/${i}`,
                source_publisher: "Reliability test",
              }
            : { summary };
          let done = false;
          let failed = false;
          for (let attempt = 0; attempt < MAX_ATTEMPTS && !done; attempt++) {
            tally.attempts++;
            let response: Response;
            try {
              response = await fetch(`${server.origin}/api/deals/${dealId}`, {
                method: "PATCH",
                headers: { authorization: `Bearer ${editor.token}`, "content-type": "application/json" },
                body: JSON.stringify({ version: known.get(dealId), ...fields }),
              });
            } catch (error) {
              tally.networkErrors++;
              problems.push(`network error: ${(error as Error).message}`);
              failed = true;
              break;
            }
            const body = (await response.json().catch(() => ({}))) as { version?: number; currentVersion?: number };
            if (response.status === 200) {
              tally.landed++;
              known.set(dealId, body.version!);
              landed.push({ dealId, version: body.version!, summary, editor: editor.email, statusSent: statusChange });
              done = true;
            } else if (response.status === 409) {
              tally.conflicts++;
              if (dealId !== shared) tally.conflictsOnOwnDeals++;
              known.set(dealId, body.currentVersion!);
            } else {
              if (response.status >= 500) tally.serverErrors++;
              else tally.otherRefusals++;
              problems.push(`${response.status} ${JSON.stringify(body)}`);
              failed = true;
              break;
            }
          }
          if (!done && !failed) tally.gaveUp++;
        }
      }),
    );
  } finally {
    await server.stop();
  }
  const seconds = (performance.now() - started) / 1000;

  // What the database says.
  const check = await openDatabase(url);
  let lost = 0;
  try {
    const revisions = await check.revision.findMany({
      where: { entityType: "deal", action: "update", actor: { in: editors.map((e) => e.email) } },
      select: { entityId: true, actor: true, before: true, after: true },
    });
    const byVersion = new Map(revisions.map((r) => [`${r.entityId}:${JSON.parse(r.after!).version}`, r]));
    for (const edit of landed) {
      const revision = byVersion.get(`${edit.dealId}:${edit.version}`);
      const after = revision ? JSON.parse(revision.after!) : null;
      if (!revision || revision.actor !== edit.editor || after.summary !== edit.summary) {
        lost++;
        problems.push(`landed edit without its revision: deal ${edit.dealId} v${edit.version} "${edit.summary}"`);
      }
    }
    if (revisions.length !== landed.length) problems.push(`${revisions.length} revisions by the editors for ${landed.length} landed edits`);
    if ((await check.revision.count()) - revisionsBefore !== landed.length) problems.push("revisions other than the editors' appeared");
    for (const dealId of [shared, ...own]) {
      const mine = landed.filter((l) => l.dealId === dealId).sort((a, b) => a.version - b.version);
      const final = await check.deal.findUniqueOrThrow({ where: { id: dealId }, select: { version: true, summary: true } });
      const versions = new Set(mine.map((m) => m.version));
      if (versions.size !== mine.length) problems.push(`deal ${dealId}: two landed edits claim the same version`);
      if (final.version !== initial.get(dealId)!.version + mine.length) {
        lost++;
        problems.push(`deal ${dealId}: version ${final.version}, expected ${initial.get(dealId)!.version} + ${mine.length} landed edits`);
      }
      if (mine.length > 0 && final.summary !== mine.at(-1)!.summary) {
        lost++;
        problems.push(`deal ${dealId}: final summary "${final.summary}" is not the last landed edit "${mine.at(-1)!.summary}"`);
      }
    }
    // A lifecycle event records every reported field (lib/story/as-of.ts REPORTED_FIELDS): one per landed edit that
    // changed any of them (each edit here sends a new summary, every tenth a status too).
    const reportedChanges = revisions.filter((r) => {
      const [before, after] = [JSON.parse(r.before!), JSON.parse(r.after!)];
      return REPORTED_FIELDS.some((field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]));
    }).length;
    const statusChanges = revisions.filter((r) => JSON.parse(r.before!).status !== JSON.parse(r.after!).status).length;
    const newEvents = (await check.dealEvent.count()) - eventsBefore;
    if (newEvents !== reportedChanges)
      problems.push(`${reportedChanges} changes of reported fields landed but ${newEvents} lifecycle events were written`);
    log(`concurrency: ${reportedChanges} landed changes of reported fields (${statusChanges} of status), ${newEvents} lifecycle events`);
  } finally {
    await check.$disconnect();
  }
  const busy = /SQLITE_BUSY|database is locked/i.test(server.output());
  if (busy) problems.push("the server log mentions SQLITE_BUSY or a locked database");
  if (tally.conflictsOnOwnDeals > 0) problems.push(`${tally.conflictsOnOwnDeals} conflicts on deals only one editor edits`);
  for (const p of problems.slice(0, 10)) log(`concurrency problem: ${p}`);

  const figures = `${editorCount} editors x ${editsEach} edits = ${tally.edits} edits in ${seconds.toFixed(1)} s: ${tally.attempts} attempts, ${tally.landed} edits landed, ${tally.gaveUp} refused after ${MAX_ATTEMPTS} conflicting tries, ${tally.conflicts} 409 answers in all, ${tally.serverErrors} 5xx, ${tally.otherRefusals} other refusals, ${tally.networkErrors} network errors, ${lost} lost`;
  log(`concurrency: ${figures}`);
  const ok = problems.length === 0 && tally.landed + tally.gaveUp === tally.edits && tally.landed > 0;
  return { suite: "concurrency", tried: tally.attempts, passed: tally.landed + tally.conflicts - lost, lost, figures, ok };
}
