import { toDealDetailJson } from "@/lib/api/deal-json";
import { invalidParameters, notFoundJson, unknownParameters } from "@/lib/api/responses";
import { authorizeApiWrite } from "@/lib/api/authorize-write";
import { readBodyWithLimit } from "@/lib/api/read-body";
import { getDeal, getDealAsOf } from "@/lib/data/deal";
import { getDb } from "@/lib/db";
import { patchDeal } from "@/lib/deals/patch-deal";
import { parseDealId } from "@/lib/filters/deal-id";
import { parseAsOf } from "@/lib/filters/deal-filters";
import { withErrorHandling } from "@/lib/request-id";

type Context = { params: Promise<{ id: string }> };

/**
 * GET /api/deals/{id}: one deal with its investors, sources and lifecycle events; with `asOf`, as reported on that date
 * (the deal page's `asOf`): its state then, and only the steps and sources published by then.
 */
export const GET = withErrorHandling(async function GET(request: Request, { params }: Context) {
  const { id: raw } = await params;
  const query = new URL(request.url).searchParams;
  const { asOf, issues: asOfIssues } = parseAsOf(query);
  const issues = [...asOfIssues, ...unknownParameters(query, ["asOf"])];
  if (issues.length > 0) return invalidParameters(issues);
  const id = parseDealId(raw);
  const deal = id === null ? null : await getDeal(id);
  if (!deal) return notFoundJson(`no deal with id ${raw}`);
  if (!asOf) return Response.json(toDealDetailJson(deal));
  const reported = await getDealAsOf(deal.id, asOf);
  if (!reported) return notFoundJson(`deal ${raw} had not been reported by ${asOf}`);
  return Response.json(toDealDetailJson(reported));
});

/** Largest PATCH body accepted: a deal's fields are far smaller. */
const MAX_PATCH_BYTES = 64 * 1024;

/**
 * PATCH /api/deals/{id} with a JSON object of the fields to change (the CSV columns) and the `version` edited (or
 * If-Match), by an editor (bearer token or session). 200 `{ id, version }`; 409 `{ currentVersion }` when someone
 * saved in between (nothing written); 400 naming each bad field; 401/403 without rights; 404 for no such deal.
 */
export const PATCH = withErrorHandling(async function PATCH(request: Request, { params }: Context) {
  const authorized = await authorizeApiWrite(request, "editor");
  if ("refusal" in authorized) return authorized.refusal;
  const { actor } = authorized;
  const id = parseDealId((await params).id);
  if (id === null) return notFoundJson("no deal with that id");
  const read = await readBodyWithLimit(request, MAX_PATCH_BYTES, () => `the body is larger than ${MAX_PATCH_BYTES / 1024} KB`);
  if (!read.ok) return read.response;
  let body: unknown;
  try {
    body = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(read.bytes));
  } catch {
    return Response.json({ error: "invalid fields; nothing was written", fields: { body: ["the body is not JSON"] } }, { status: 400 });
  }
  const result = await patchDeal(await getDb(), id, body, request.headers.get("if-match"), actor.email);
  return Response.json(result.body, {
    status: result.status,
    headers: result.status === 200 ? { etag: `"${result.body.version}"` } : undefined,
  });
});
