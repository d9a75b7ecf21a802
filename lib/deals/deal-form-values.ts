// A stored deal written as the form's field values, for editing and for showing a conflict side by side. The form's
// fields are the CSV columns, so this is the export's row writer with each cell as text.
import { DEAL_CSV_ALL_COLUMNS } from "../csv/deal-csv-format";
import { toDealCsvRow } from "../csv/deal-csv-row";
import type { AmountQualifier, DealKind, DealStatus, ParticipationRole } from "../domain";

export type EditableDeal = {
  announcedOn: string;
  kind: string;
  status: string;
  round: string | null;
  amountUsdLow: bigint | null;
  amountUsdHigh: bigint | null;
  amountQualifier: string;
  originalCurrency: string;
  originalAmount: bigint | null;
  postMoneyValuationUsd: bigint | null;
  stakeBps: number | null;
  summary: string;
  recipient: { name: string };
  participations: { role: string; note: string | null; partyLabel: string | null; organization: { name: string } | null }[];
  roundRef: { key: string } | null;
};

/** What dealToFormValues reads: the editor's page, a save's conflict and a PATCH all load a deal with this select. */
export const EDITABLE_DEAL_SELECT = {
  announcedOn: true,
  kind: true,
  status: true,
  round: true,
  amountUsdLow: true,
  amountUsdHigh: true,
  amountQualifier: true,
  originalCurrency: true,
  originalAmount: true,
  postMoneyValuationUsd: true,
  stakeBps: true,
  summary: true,
  version: true,
  recipient: { select: { name: true } },
  roundRef: { select: { key: true } },
  participations: {
    orderBy: { position: "asc" as const },
    select: { role: true, note: true, partyLabel: true, organization: { select: { name: true } } },
  },
} as const;

export function dealToFormValues(deal: EditableDeal): Record<string, string> {
  const row = toDealCsvRow({
    ...deal,
    kind: deal.kind as DealKind,
    status: deal.status as DealStatus,
    amountQualifier: deal.amountQualifier as AmountQualifier,
    recipientName: deal.recipient.name,
    investors: deal.participations.map((p) => ({
      name: p.organization?.name ?? p.partyLabel ?? "Undisclosed",
      role: p.role as ParticipationRole,
      note: p.note,
    })),
    // An edit records the source of its change, not the deal's first source, so the form starts without one.
    source: null,
    roundKey: deal.roundRef?.key ?? null,
  });
  return Object.fromEntries(DEAL_CSV_ALL_COLUMNS.map((column, i) => [column, row[i] === null ? "" : String(row[i])]));
}
