import type { RoundView } from "@/lib/data/rounds";
import { formatAmount, formatDate, formatUsd } from "@/lib/format";
import { dealHref, investorHref } from "@/lib/story/view-href";
import { RoundBlocks } from "./organization-table-rows";

/** The anchor of a round on its company's page: co-investor tables and deal pages link to it. */
export function roundAnchor(round: { key: string | null; deals: { id: number }[] }): string {
  return round.key === null ? `round-deal-${round.deals[0].id}` : `round-${round.key}`;
}

/** A company's rounds, one block each: date, name, total as reported, valuation, every participant with its amount. */
export function RoundList({
  rounds,
  asOf,
  editable = false,
}: {
  rounds: RoundView[];
  asOf: string | null;
  /** For a signed-in editor: each Round links its editor's page. */
  editable?: boolean;
}) {
  return (
    <RoundBlocks
      rounds={rounds.map((round) => {
        // Said once under the list when no participant's amount is reported: most rounds report none.
        const reported = round.participants.some((p) => p.amountUsd !== null);
        return [
          roundAnchor(round),
          `${formatDate(round.date)}: ${round.name ?? "Unnamed round"}`,
          editable && round.id !== null ? `/admin/rounds/${round.id}` : null,
          round.total ? formatAmount(round.total.low, round.total.high, round.total.qualifier) : "Not reported",
          round.counted ? formatUsd(round.countedUsd) : "Not counted (pipeline or terminated)",
          round.postMoneyValuationUsd === null ? "Not reported" : formatUsd(round.postMoneyValuationUsd),
          round.participants.map((p) => [
            p.slug ? investorHref(p.slug, asOf) : null,
            p.name,
            p.role === "lead" ? " (lead)" : p.role === "co_lead" ? " (co-lead)" : "",
            reported ? (p.amountUsd === null ? "Not reported" : formatUsd(p.amountUsd)) : null,
          ]),
          round.deals.length === 1 ? "Deal: " : `Its ${round.deals.length} deals: `,
          round.deals.map((d) => [dealHref(d.id, asOf), d.round ?? `deal ${d.id}`]),
        ];
      })}
    />
  );
}
