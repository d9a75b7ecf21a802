import Link from "next/link";
import type { RoundView } from "@/lib/data/rounds";
import { formatAmount, formatDate, formatUsd } from "@/lib/format";
import { dealHref, investorHref } from "@/lib/story/view-href";

/** The anchor of a round on its company's page: co-investor tables and deal pages link to it. */
export function roundAnchor(round: { key: string | null; deals: { id: number }[] }): string {
  return round.key === null ? `round-deal-${round.deals[0].id}` : `round-${round.key}`;
}

/** A company's rounds, one block each: date, name, total as reported, valuation, every participant with its amount. */
export function RoundList({
  rounds,
  companyName,
  asOf,
  editable = false,
}: {
  rounds: RoundView[];
  companyName: string;
  asOf: string | null;
  /** For a signed-in editor: each Round links its editor's page. */
  editable?: boolean;
}) {
  return (
    <ol className="space-y-4">
      {rounds.map((round) => {
        const id = roundAnchor(round);
        return (
          <li key={id} id={id} className="rounded border border-gray-200 p-3 dark:border-gray-800">
            <h3 className="font-semibold">
              {formatDate(round.date)}: {round.name ?? "Unnamed round"}
            </h3>
            {editable && round.id !== null ? (
              <p className="text-sm">
                <Link href={`/admin/rounds/${round.id}`} className="link">
                  Edit this round
                </Link>
              </p>
            ) : null}
            <dl className="mt-1 grid grid-cols-1 gap-x-6 gap-y-1 text-sm sm:grid-cols-3">
              <div>
                <dt className="text-gray-600 dark:text-gray-400">Total as reported</dt>
                <dd>{round.total ? formatAmount(round.total.low, round.total.high, round.total.qualifier) : "Not reported"}</dd>
              </div>
              <div>
                <dt className="text-gray-600 dark:text-gray-400">Capital counted</dt>
                <dd>{round.counted ? formatUsd(round.countedUsd) : "Not counted (pipeline or terminated)"}</dd>
              </div>
              <div>
                <dt className="text-gray-600 dark:text-gray-400">Post-money valuation</dt>
                <dd>{round.postMoneyValuationUsd === null ? "Not reported" : formatUsd(round.postMoneyValuationUsd)}</dd>
              </div>
            </dl>
            <table className="data-table mt-2 min-w-full text-left text-sm sm:min-w-96">
              <caption className="sr-only">
                Participants in {companyName}&rsquo;s round of {formatDate(round.date)}, with their amounts where reported
              </caption>
              <thead>
                <tr className="border-b border-gray-200 dark:border-gray-800">
                  <th scope="col">Participant</th>
                  <th scope="col" className="text-right">
                    Amount
                  </th>
                </tr>
              </thead>
              <tbody>
                {round.participants.map((p) => (
                  <tr key={p.slug ?? `label-${p.name}`} className="row-rule">
                    <th scope="row">
                      {p.slug ? (
                        <Link href={investorHref(p.slug, asOf)} className="link">
                          {p.name}
                        </Link>
                      ) : (
                        p.name
                      )}
                      {p.role === "lead" ? " (lead)" : p.role === "co_lead" ? " (co-lead)" : ""}
                    </th>
                    <td>{p.amountUsd === null ? "Not reported" : formatUsd(p.amountUsd)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p className="mt-2 text-sm">
              {round.deals.length === 1 ? "Deal: " : `Its ${round.deals.length} deals: `}
              {round.deals.map((d, i) => (
                <span key={d.id}>
                  {i > 0 ? "; " : ""}
                  <Link href={dealHref(d.id, asOf)} className="link">
                    {d.round ?? `deal ${d.id}`}
                  </Link>
                </span>
              ))}
            </p>
          </li>
        );
      })}
    </ol>
  );
}
