// A stored deal written as the form's field values, for editing and for showing a conflict side by side. The form's
// fields are the CSV columns, so this is the export's row writer with each cell as text.
import { DEAL_CSV_COLUMNS } from "../csv/deal-csv-format";
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
};

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
  });
  return Object.fromEntries(DEAL_CSV_COLUMNS.map((column, i) => [column, row[i] === null ? "" : String(row[i])]));
}
