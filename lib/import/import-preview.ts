// What an editor sees before applying an import: rows to create and update, new organizations, and every error.
import type { ImportResult } from "./apply-deal-import";
import { describeDuplicate, LISTED_DUPLICATES, type DuplicateFlag, type FlaggedRow } from "./find-duplicates";
import type { PlannedDeal } from "./plan-deal-import";
import type { RowError } from "./parse-deal-csv";

/** The flagged rows an answer lists, from the `from`th (0-based) by line, with their reasons; and how many there are. */
type Duplicates = { duplicates: DuplicateFlag[]; duplicateCount: number };

export type ImportPreview =
  | ({
      ok: true;
      create: number;
      update: number;
      /** Rows left out as likely duplicates (onDuplicate "skip"). */
      skip: number;
      newOrganizations: string[];
      rows: { row: number; id: number | null; announcedOn: string; kind: string; status: string; round: string | null }[];
    } & Duplicates)
  | ({ ok: false; errors: RowError[] } & Partial<Duplicates>);

const PREVIEW_ROWS = 200;

function listDuplicates(flagged: FlaggedRow[], from: number): Duplicates {
  return { duplicates: flagged.slice(from, from + LISTED_DUPLICATES).map(describeDuplicate), duplicateCount: flagged.length };
}

export function toImportPreview(
  result: ImportResult & { planned?: PlannedDeal[] },
  options: { duplicatesFrom?: number } = {},
): ImportPreview {
  const from = options.duplicatesFrom ?? 0;
  if (!result.ok) return { ok: false, errors: result.errors, ...(result.duplicates ? listDuplicates(result.duplicates, from) : {}) };
  return {
    ok: true,
    create: result.created,
    update: result.updated,
    skip: result.skipped,
    newOrganizations: result.newOrganizations,
    ...listDuplicates(result.duplicates, from),
    rows: (result.planned ?? [])
      .slice(0, PREVIEW_ROWS)
      .map((d) => ({ row: d.row, id: d.id, announcedOn: d.announcedOn, kind: d.kind, status: d.status, round: d.round })),
  };
}
