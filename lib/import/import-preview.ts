// What an editor sees before applying an import: rows to create and update, new organizations, and every error.
import type { ImportResult } from "./apply-deal-import";
import type { DuplicateFlag } from "./find-duplicates";
import type { PlannedDeal } from "./plan-deal-import";
import type { RowError } from "./parse-deal-csv";

export type ImportPreview =
  | {
      ok: true;
      create: number;
      update: number;
      /** Rows left out as likely duplicates (onDuplicate "skip"). */
      skip: number;
      newOrganizations: string[];
      /** Rows that look like a deal already tracked or an earlier row of the file, each with the candidates and why. */
      duplicates: DuplicateFlag[];
      rows: { row: number; id: number | null; announcedOn: string; kind: string; status: string; round: string | null }[];
    }
  | { ok: false; errors: RowError[]; duplicates?: DuplicateFlag[] };

const PREVIEW_ROWS = 200;

export function toImportPreview(result: ImportResult & { planned?: PlannedDeal[] }): ImportPreview {
  if (!result.ok) return { ok: false, errors: result.errors, ...(result.duplicates ? { duplicates: result.duplicates } : {}) };
  return {
    ok: true,
    create: result.created,
    update: result.updated,
    skip: result.skipped,
    newOrganizations: result.newOrganizations,
    duplicates: result.duplicates,
    rows: (result.planned ?? [])
      .slice(0, PREVIEW_ROWS)
      .map((d) => ({ row: d.row, id: d.id, announcedOn: d.announcedOn, kind: d.kind, status: d.status, round: d.round })),
  };
}
