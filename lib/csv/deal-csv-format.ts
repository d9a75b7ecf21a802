// The CSV interchange format (docs/domain.md, "CSV interchange"): one header, shared by export and import so that export -> import is a round trip.
import { z } from "zod";
import { AMOUNT_QUALIFIERS, DEAL_KINDS, DEAL_STATUSES, type ParticipationRole } from "../domain";
import { isoDateSchema } from "../validation";
import { isHttpUrl } from "../http-url";

export const DEAL_CSV_COLUMNS = [
  "announced_on",
  "investors",
  "recipient",
  "kind",
  "status",
  "round",
  "amount_usd_low",
  "amount_usd_high",
  "amount_qualifier",
  "original_currency",
  "original_amount",
  "post_money_valuation_usd",
  "stake_pct",
  "summary",
  "source_url",
  "source_publisher",
  "source_date",
] as const;

/**
 * The columns an import may leave out, after the required ones: `round_key` names the deal's round within its
 * recipient (docs/domain.md, "Rounds"). A file without it imports as before (an update keeps the deal's round).
 */
export const DEAL_CSV_OPTIONAL_COLUMNS = ["round_key"] as const;

/** Every column, as the export writes them and the form and PATCH take them. */
export const DEAL_CSV_ALL_COLUMNS = [...DEAL_CSV_COLUMNS, ...DEAL_CSV_OPTIONAL_COLUMNS] as const;
export type DealCsvColumn = (typeof DEAL_CSV_ALL_COLUMNS)[number];

/** The value that marks a source as not verified (no page was found for it). */
export const UNVERIFIED = "unverified";

export const wholeDollars = (field: string) =>
  z
    .string()
    .trim()
    .transform((value, ctx) => {
      if (value === "") return null;
      if (!/^\d+$/.test(value)) {
        ctx.addIssue({
          code: "custom",
          message: `${field} must be whole US dollars (digits only, no commas, signs or symbols); got "${value}"`,
        });
        return z.NEVER;
      }
      // 15 digits stay below 2^53, so the amount reads back exactly wherever it becomes a JavaScript number (JSON, charts).
      if (value.replace(/^0+(?=\d)/, "").length > 15) {
        ctx.addIssue({ code: "custom", message: `${field} is implausibly large (${value.slice(0, 40)}); the limit is 15 digits` });
        return z.NEVER;
      }
      return BigInt(value);
    });

const tooLong = (field: string, max: number) => ({ error: `${field} is longer than ${max.toLocaleString("en-US")} characters` });

const optionalText = (field: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, tooLong(field, max))
    .transform((v) => (v === "" ? null : v));

const stakePct = z
  .string()
  .trim()
  .transform((value, ctx) => {
    if (value === "") return null;
    if (!/^\d{1,3}(\.\d{1,2})?$/.test(value) || Number(value) > 100) {
      ctx.addIssue({ code: "custom", message: `stake_pct must be a percentage from 0 to 100 with at most two decimals; got "${value}"` });
      return z.NEVER;
    }
    const [whole, frac = ""] = value.split(".");
    return Number(whole) * 100 + Number(frac.padEnd(2, "0"));
  });

const sourceUrl = z
  .string()
  .trim()
  .refine((v) => v === "" || v === UNVERIFIED || isHttpUrl(v), { message: "source_url must be an http(s) URL or 'unverified'" });

export const dealCsvRowSchema = z
  .object({
    id: z
      .string()
      .trim()
      .optional()
      .transform((v, ctx) => {
        if (v === undefined || v === "") return null;
        if (!/^\d+$/.test(v)) {
          ctx.addIssue({ code: "custom", message: `id must be a whole number; got "${v}"` });
          return z.NEVER;
        }
        return Number(v);
      }),
    announced_on: isoDateSchema("announced_on"),
    investors: z.string().trim().max(2000, tooLong("investors", 2000)),
    recipient: z.string().trim().min(1, { error: "recipient is required" }).max(200, tooLong("recipient", 200)),
    kind: z.enum(DEAL_KINDS, { error: `kind must be one of ${DEAL_KINDS.join(", ")}` }),
    status: z.enum(DEAL_STATUSES, { error: `status must be one of ${DEAL_STATUSES.join(", ")}` }),
    round: optionalText("round", 300),
    amount_usd_low: wholeDollars("amount_usd_low"),
    amount_usd_high: wholeDollars("amount_usd_high"),
    amount_qualifier: z.enum(AMOUNT_QUALIFIERS, { error: `amount_qualifier must be one of ${AMOUNT_QUALIFIERS.join(", ")}` }),
    original_currency: z
      .string()
      .trim()
      .transform((v) => (v === "" ? "USD" : v.toUpperCase()))
      .refine((v) => /^[A-Z]{3}$/.test(v), { message: "original_currency must be a three-letter ISO 4217 code such as USD or EUR" }),
    original_amount: wholeDollars("original_amount"),
    post_money_valuation_usd: wholeDollars("post_money_valuation_usd"),
    stake_pct: stakePct,
    summary: z.string().trim().max(4000, tooLong("summary", 4000)),
    source_url: sourceUrl,
    source_publisher: optionalText("source_publisher", 300),
    source_date: z
      .string()
      .trim()
      .transform((v) => (v === "" ? null : v))
      .pipe(isoDateSchema("source_date").nullable()),
    // Absent (undefined) when the file has no round_key column; empty: the deal is in no round.
    round_key: z
      .string()
      .trim()
      .max(100, tooLong("round_key", 100))
      .refine((v) => !/[\u0000-\u001f]/.test(v), { message: "round_key must not hold control characters" })
      .transform((v) => (v === "" ? null : v))
      .optional(),
  })
  .superRefine((row, ctx) => reportedAmountIssues(row, (message, path) => ctx.addIssue({ code: "custom", message, path: [path] })));

/**
 * What a reported amount must satisfy given its qualifier, each issue naming its field: the rule of a deal's amount
 * (the CSV, the form, PATCH) and of a round's reported total (the round form).
 */
export function reportedAmountIssues(
  row: { amount_usd_low: bigint | null; amount_usd_high: bigint | null; amount_qualifier: (typeof AMOUNT_QUALIFIERS)[number] },
  issue: (message: string, path: "amount_usd_low" | "amount_usd_high" | "amount_qualifier") => void,
): void {
  const { amount_usd_low: low, amount_usd_high: high, amount_qualifier: q } = row;
  if (low !== null && high !== null && low > high) issue("amount_usd_low is greater than amount_usd_high", "amount_usd_low");
  if (q === "undisclosed" && (low !== null || high !== null))
    issue("an undisclosed amount must leave amount_usd_low and amount_usd_high empty", "amount_qualifier");
  if (q === "up_to" && high === null) issue("amount_qualifier up_to needs amount_usd_high (the 'as much as' figure)", "amount_usd_high");
  if (q === "range" && (low === null || high === null))
    issue("amount_qualifier range needs both amount_usd_low and amount_usd_high", "amount_usd_low");
  if ((q === "exact" || q === "at_least") && low === null) issue(`amount_qualifier ${q} needs amount_usd_low`, "amount_usd_low");
  if (q === "exact" && high !== null && low !== high)
    issue("an exact amount must have amount_usd_low equal to amount_usd_high", "amount_usd_high");
  if (q === "about" && low === null && high === null) issue("amount_qualifier about needs an amount", "amount_usd_low");
}

export type DealCsvRow = z.output<typeof dealCsvRowSchema>;

/** One name in the `investors` column: "SoftBank (co-lead)" -> name SoftBank, role co_lead. */
export type InvestorToken = { raw: string; name: string; role: ParticipationRole; note: string | null };

/**
 * Splits the investors column. Whether a trailing "(...)" is part of the name ("Amazon (AWS)") or an annotation
 * ("Nvidia (co-lead)", "JPMorgan Chase (considering)") is decided by `isKnownName`, which asks the alias table.
 */
export function parseInvestorTokens(column: string, isKnownName: (name: string) => boolean): InvestorToken[] {
  return column
    .split(";")
    .map((t) => t.trim())
    .filter((t) => t.length > 0)
    .map((raw) => {
      if (isKnownName(raw)) return { raw, name: raw, role: "participant", note: null };
      const match = /^(.*?)\s*\(([^()]*)\)$/.exec(raw);
      if (!match) return { raw, name: raw, role: "participant", note: null };
      const [, name, annotation] = match;
      const label = annotation.trim().toLowerCase();
      if (label === "lead") return { raw, name, role: "lead", note: null };
      if (label === "co-lead") return { raw, name, role: "co_lead", note: null };
      return { raw, name, role: "participant", note: annotation.trim() };
    });
}

// A description rather than a name: it starts in lower case ("individual investors via banks"), with a word that hides
// or counts the parties ("Undisclosed buyers", "Two Asian telecom operators", "Several sovereign funds", the "Public
// investors" who buy a listing's shares), or ends in a
// plural that only a description uses ("Asian telecom operators"). A known organization is matched before this is
// asked, so a real name that happens to fit stays that organization.
const UNNAMED_START =
  /^(undisclosed|public investors|unnamed|unidentified|unspecified|anonymous|other|several|various|multiple|some|many|a few|a group|a consortium|a number|two|three|four|five|six|seven|eight|nine|ten|dozens?|\d+)\b/i;
const UNNAMED_END = /\b(investors|operators|lenders|buyers|backers|shareholders|banks)$/i;

/** Parties named only by description are not organizations: the seed, the import and the editor's form keep them as labels. */
export function isUnnamedParty(name: string): boolean {
  return /^[a-z]/.test(name) || UNNAMED_START.test(name) || UNNAMED_END.test(name);
}

/** Writes one participation back in the investors column's notation. */
export function formatInvestorToken(name: string, role: ParticipationRole, note: string | null): string {
  if (role === "lead") return `${name} (lead)`;
  if (role === "co_lead") return `${name} (co-lead)`;
  return note ? `${name} (${note})` : name;
}
