import { authorizeApiWrite } from "@/lib/api/authorize-write";
import { readBodyWithLimit } from "@/lib/api/read-body";
import { getDb } from "@/lib/db";
import { importDealCsv, parseRowDuplicateChoices } from "@/lib/import/apply-deal-import";
import { DUPLICATE_CHOICES, type DuplicateChoice } from "@/lib/import/find-duplicates";
import { decodeUtf8, importTooLarge, MAX_IMPORT_BYTES } from "@/lib/import/import-limits";
import { toImportPreview } from "@/lib/import/import-preview";
import { withErrorHandling } from "@/lib/request-id";

/**
 * POST /api/import[?dryRun=1][&onDuplicate=fail|skip|create][&duplicate=<row>:skip|create|update:<deal id>]...[&duplicatesFrom=N] with the CSV as the request body (text/csv) and `Authorization: Bearer <token>`.
 * 200 with the preview (dry run) or the result, both listing the rows that look like a tracked deal or an earlier row
 * (`duplicates`, at most LISTED_DUPLICATES from the `duplicatesFrom`th, and `duplicateCount`); 409 listing them when
 * onDuplicate is fail (the default), nothing written; `skip` leaves them out,
 * `create` imports them anyway; each `duplicate` parameter chooses for one flagged row (its line number), over
 * `onDuplicate`, and `update:<deal id>` writes the row over that tracked deal (one it was flagged as like); 400 with every row error and nothing written; 401/403 without rights;
 * 413 for a body over the import limit, however it is sent (nothing read past the limit, nothing written).
 */
export const POST = withErrorHandling(async function POST(request: Request) {
  const authorized = await authorizeApiWrite(request, "editor");
  if ("refusal" in authorized) return authorized.refusal;
  const { actor } = authorized;
  const body = await readBodyWithLimit(request, MAX_IMPORT_BYTES, importTooLarge);
  if (!body.ok) return body.response;
  const text = decodeUtf8(body.bytes);
  if (text === null) return Response.json({ error: "the body is not UTF-8 text" }, { status: 400 });

  const params = new URL(request.url).searchParams;
  const dryRun = ["1", "true"].includes(params.get("dryRun") ?? "");
  const onDuplicate = params.get("onDuplicate") ?? "fail";
  if (!(DUPLICATE_CHOICES as readonly string[]).includes(onDuplicate))
    return Response.json({ error: `onDuplicate must be one of ${DUPLICATE_CHOICES.join(", ")}` }, { status: 400 });
  const from = params.get("duplicatesFrom") ?? "0";
  if (!/^\d{1,9}$/.test(from))
    return Response.json({ error: "duplicatesFrom must be a whole number of flagged rows to pass over" }, { status: 400 });
  const rowChoices = parseRowDuplicateChoices(params.getAll("duplicate"));
  if ("error" in rowChoices) return Response.json({ error: `duplicate: ${rowChoices.error}` }, { status: 400 });
  const result = await importDealCsv(await getDb(), text, {
    actor: actor.email,
    dryRun,
    onDuplicate: onDuplicate as DuplicateChoice,
    rowChoices: rowChoices.choices,
  });
  const preview = toImportPreview(result, { duplicatesFrom: Number(from) });
  if (!preview.ok && preview.duplicates)
    return Response.json(
      {
        error: "rows look like deals already tracked (or earlier rows); nothing was imported",
        duplicates: preview.duplicates,
        duplicateCount: preview.duplicateCount,
      },
      { status: 409 },
    );
  if (!preview.ok) return Response.json({ error: "invalid rows; nothing was imported", errors: preview.errors }, { status: 400 });
  return Response.json({ dryRun, ...preview, dealIds: result.ok ? result.dealIds : [] });
});
