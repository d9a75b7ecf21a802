import { CoInvestorRows } from "./organization-table-rows";
import { SortHeader } from "@/components/ui/sort-header";
import { nextTableSort, sortedAs, type TableSort } from "@/lib/filters/ranking-sort";
import { CO_INVESTORS_SORT, type CoInvestorsColumn } from "@/lib/filters/organization-table-sorts";
import { companyHref, dealHref, investorHref } from "@/lib/story/view-href";
import { SHARED_ROUNDS_SHOWN, type CoInvestor, type SharedRound } from "@/lib/measures/co-investors";
import { formatDate, formatNumber } from "@/lib/format";

/** Where a shared round is shown: a Round on its recipient's page, a deal that is a round of its own on its page. */
export function sharedRoundHref(round: SharedRound, asOf: string | null): string {
  return round.key === null ? dealHref(round.dealIds[0], asOf) : `${companyHref(round.recipient.key, asOf)}#round-${round.key}`;
}

function sharedRoundLabel(round: SharedRound): string {
  return `${round.recipient.name}, ${round.name ?? formatDate(round.date)}`;
}

/** Sorted by `sort`; each column's header links to `sortHref` of its order. */
export function CoInvestorTable({
  rows,
  investorName,
  asOf,
  sort,
  sortHref,
}: {
  rows: CoInvestor[];
  investorName: string;
  asOf: string | null;
  sort: TableSort<CoInvestorsColumn>;
  sortHref: (sort: TableSort<CoInvestorsColumn>) => string;
}) {
  return (
    <div className="overflow-x-auto">
      <table className="org-table min-w-full text-left text-sm sm:min-w-96">
        <caption className="sr-only">Organizations that invested alongside {investorName}, by rounds in common</caption>
        <thead>
          <tr className="border-b border-gray-200 dark:border-gray-800">
            <SortHeader href={sortHref(nextTableSort(CO_INVESTORS_SORT, sort, "name"))} sorted={sortedAs(sort, "name")}>
              Co-investor
            </SortHeader>
            <SortHeader
              href={sortHref(nextTableSort(CO_INVESTORS_SORT, sort, "rounds"))}
              sorted={sortedAs(sort, "rounds")}
              className="text-right"
            >
              Rounds together
            </SortHeader>
            {/* The count of all is the column before: each row lists only the newest. */}
            <th scope="col">Newest rounds in common</th>
          </tr>
        </thead>
        <CoInvestorRows
          rows={rows.map((row) => [
            investorHref(row.key, asOf),
            row.name,
            formatNumber(row.roundCount),
            row.rounds
              .slice(-SHARED_ROUNDS_SHOWN)
              .map((round) => [sharedRoundHref(round, asOf), sharedRoundLabel(round), round.name === null ? null : formatDate(round.date)]),
          ])}
        />
      </table>
    </div>
  );
}
