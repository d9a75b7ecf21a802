// Matches validated CSV rows to organizations and turns them into deals ready to write; every problem becomes a row error.
import type { DealCsvRow } from "../csv/deal-csv-format";
import { isUnnamedParty, parseInvestorTokens, UNVERIFIED } from "../csv/deal-csv-format";
import { aliasKey, type ParticipationRole } from "../domain";
import type { OrganizationDirectory } from "../organizations/directory";
import type { ParsedDealCsv, RowError } from "./parse-deal-csv";

export type PlannedParticipation = {
  organizationId: number | null;
  /** The name of an organization the import will create (set only when organizationId is null and it is not an unnamed party). */
  newOrganization?: string;
  partyLabel: string | null;
  role: ParticipationRole;
  note: string | null;
  position: number;
};

export type PlannedDeal = {
  row: number;
  id: number | null;
  /** 0 until the import has created the new recipient named in `newRecipient`. */
  recipientId: number;
  newRecipient?: string;
  kind: DealCsvRow["kind"];
  status: DealCsvRow["status"];
  round: string | null;
  announcedOn: string;
  amountUsdLow: bigint | null;
  amountUsdHigh: bigint | null;
  amountQualifier: DealCsvRow["amount_qualifier"];
  originalCurrency: string;
  originalAmount: bigint | null;
  postMoneyValuationUsd: bigint | null;
  stakeBps: number | null;
  summary: string;
  participations: PlannedParticipation[];
  source: { url: string | null; publisher: string | null; publishedOn: string | null; unverified: boolean } | null;
  /**
   * The key of the deal's round within its recipient (the `round_key` column): the deal writer finds that round or
   * creates it. Null: in no round. Undefined (no round_key column): an update keeps the deal's round.
   */
  roundKey?: string | null;
};

export type DealImportPlan = { deals: PlannedDeal[]; errors: RowError[]; newOrganizations: string[] };

/**
 * With `createMissing`, names that match no organization become new organizations (listed in the plan, so a
 * preview can say which); without it they are row errors, as in the editor's form.
 */
export function planDealImport(
  parsed: ParsedDealCsv,
  directory: OrganizationDirectory,
  options: { createMissing?: boolean } = {},
): DealImportPlan {
  const errors: RowError[] = [...parsed.errors];
  const deals: PlannedDeal[] = [];
  const newOrganizations = new Map<string, string>();
  const planNew = (name: string) => {
    if (!newOrganizations.has(aliasKey(name))) newOrganizations.set(aliasKey(name), name);
  };
  for (const { row, data } of parsed.rows) {
    const rowErrors: RowError[] = [];
    const recipient = directory.resolve(data.recipient);
    const newRecipient = !recipient && options.createMissing ? data.recipient : undefined;
    if (!recipient && !newRecipient)
      rowErrors.push({ row, field: "recipient", message: `"${data.recipient}" is not a known organization or alias` });

    const participations: PlannedParticipation[] = [];
    const seen = new Set<number>();
    parseInvestorTokens(data.investors, directory.has).forEach((token, position) => {
      if (isUnnamedParty(token.name) && !directory.has(token.name)) {
        participations.push({ organizationId: null, partyLabel: token.name, role: token.role, note: token.note, position });
        return;
      }
      const org = directory.resolve(token.name);
      if (!org && options.createMissing) {
        if (newRecipient && aliasKey(newRecipient) === aliasKey(token.name)) {
          rowErrors.push({ row, field: "investors", message: `${token.name} cannot invest in itself` });
        } else {
          participations.push({
            organizationId: null,
            newOrganization: token.name,
            partyLabel: null,
            role: token.role,
            note: token.note,
            position,
          });
        }
      } else if (!org) {
        rowErrors.push({ row, field: "investors", message: `"${token.name}" is not a known organization or alias` });
      } else if (seen.has(org.id)) {
        rowErrors.push({ row, field: "investors", message: `"${token.raw}" names ${org.name} a second time` });
      } else if (recipient && org.id === recipient.id) {
        rowErrors.push({ row, field: "investors", message: `${org.name} cannot invest in itself` });
      } else {
        seen.add(org.id);
        participations.push({ organizationId: org.id, partyLabel: null, role: token.role, note: token.note, position });
      }
    });

    if (rowErrors.length > 0 || (!recipient && !newRecipient)) {
      errors.push(...rowErrors);
      continue;
    }
    if (newRecipient) planNew(newRecipient);
    for (const p of participations) if (p.newOrganization) planNew(p.newOrganization);
    const unverified = data.source_url === UNVERIFIED;
    const hasSource = data.source_url !== "" || data.source_publisher !== null;
    deals.push({
      row,
      id: data.id ?? null,
      recipientId: recipient?.id ?? 0,
      newRecipient,
      kind: data.kind,
      status: data.status,
      round: data.round,
      announcedOn: data.announced_on,
      amountUsdLow: data.amount_usd_low,
      amountUsdHigh: data.amount_usd_high,
      amountQualifier: data.amount_qualifier,
      originalCurrency: data.original_currency,
      originalAmount: data.original_amount,
      postMoneyValuationUsd: data.post_money_valuation_usd,
      stakeBps: data.stake_pct,
      summary: data.summary,
      // A copy of its exact length: the array grown by push reserves 17 slots, 15 MB over a 100,000-row file.
      participations: participations.slice(),
      roundKey: data.round_key,
      source: hasSource
        ? {
            url: unverified || data.source_url === "" ? null : data.source_url,
            publisher: unverified && data.source_publisher === UNVERIFIED ? null : data.source_publisher,
            publishedOn: data.source_date,
            unverified,
          }
        : null,
    });
  }
  return { deals, errors, newOrganizations: [...newOrganizations.values()] };
}
