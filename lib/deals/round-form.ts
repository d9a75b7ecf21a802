// The editor's round form (/admin/rounds/[id]): a Round's own fields, named as the CSV names a deal's (so an error
// names the field the same way): its name, its date, its total as reported with the qualifier, its post-money valuation.
import { z } from "zod";
import { reportedAmountIssues, wholeDollars } from "../csv/deal-csv-format";
import { AMOUNT_QUALIFIERS } from "../domain";
import { isoDateSchema } from "../validation";

export const roundFormSchema = z
  .object({
    name: z.string().trim().min(1, { error: "name is required" }).max(300, { error: "name is longer than 300 characters" }),
    announced_on: isoDateSchema("announced_on"),
    amount_usd_low: wholeDollars("amount_usd_low"),
    amount_usd_high: wholeDollars("amount_usd_high"),
    amount_qualifier: z.enum(AMOUNT_QUALIFIERS, { error: `amount_qualifier must be one of ${AMOUNT_QUALIFIERS.join(", ")}` }),
    post_money_valuation_usd: wholeDollars("post_money_valuation_usd"),
  })
  .superRefine((row, ctx) => reportedAmountIssues(row, (message, path) => ctx.addIssue({ code: "custom", message, path: [path] })));

export type RoundFormInput = z.output<typeof roundFormSchema>;

/** A Round as the form shows it: every field a string, as typed. */
export function roundFormValues(round: {
  name: string;
  announcedOn: string;
  amountUsdLow: bigint | null;
  amountUsdHigh: bigint | null;
  amountQualifier: string;
  postMoneyValuationUsd: bigint | null;
}): Record<string, string> {
  return {
    name: round.name,
    announced_on: round.announcedOn,
    amount_usd_low: round.amountUsdLow?.toString() ?? "",
    amount_usd_high: round.amountUsdHigh?.toString() ?? "",
    amount_qualifier: round.amountQualifier,
    post_money_valuation_usd: round.postMoneyValuationUsd?.toString() ?? "",
  };
}
