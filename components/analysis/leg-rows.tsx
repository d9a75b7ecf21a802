"use client";

// A circular flow's entry, its summary, diagram, ratio in words and leg tables (circular-flow-list.tsx), drawn from
// short text written on the server: a client component's props travel once in React's payload beside its HTML, where
// a server component's markup travels as the HTML and again as elements. Links and markup are the same with or without
// JavaScript.
import Link from "next/link";
import { StatusBadge } from "@/components/deals/status-badge";
import type { DealStatus } from "@/lib/domain";
import { CircularFlowDiagram } from "./circular-flow-diagram";

/** A figure as shown and its exact value for the title (null: undisclosed, no title). */
export type LegAmount = [shown: string, exact: string | null];

/** A leg: its deal's page and label, date (ISO and written), kind, status, the deal's total, the payer's part (its exact dollars). */
export type LegRow = [
  href: string,
  label: string,
  date: string,
  dateText: string,
  kind: string,
  status: DealStatus,
  total: LegAmount,
  part: LegAmount,
  partValue: string,
];

function Amount({ amount: [shown, exact] }: { amount: LegAmount }) {
  return exact === null ? <>{shown}</> : <span title={exact}>{shown}</span>;
}

export function LegRows({ rows }: { rows: LegRow[] }) {
  return rows.map(([href, label, date, dateText, kind, status, total, part, partValue], i) => (
    <tr key={`${href}-${i}`} className="row-rule">
      <th scope="row">
        <Link href={href} className="text-link">
          {label}
        </Link>
      </th>
      <td className="text-left">
        <time dateTime={date}>{dateText}</time>
      </td>
      <td className="text-left whitespace-normal">{kind}</td>
      <td className="text-left">
        <StatusBadge status={status} />
      </td>
      <td>
        <Amount amount={total} />
      </td>
      <td data-part={partValue}>
        <Amount amount={part} />
      </td>
    </tr>
  ));
}

/**
 * One side of a loop: its caption, the payer's part's label ("Microsoft's part"), its first legs, the legs not listed
 * (the link listing them all on /deals, null when too many for a link; the row's text; the deals' total; their parts;
 * the parts' exact sum), null when every leg is listed, then the total's label, its exact sum and its figure (null:
 * undisclosed).
 */
export type LegSide = [
  caption: string,
  partLabel: string,
  rows: LegRow[],
  rest: [href: string | null, text: string, total: string, part: LegAmount, partValue: string] | null,
  totalLabel: string,
  totalValue: string,
  total: LegAmount | null,
];

/**
 * A loop: its anchor, whether it starts open, the investor, company and suppliers, money in and back as labels, the
 * ratio (its sentence, its figure, whether there is one), the link to every deal of the loop on /deals (null when too
 * many for a link) and its two sides.
 */
export type LoopEntryProps = {
  id: string;
  open: boolean;
  investor: string;
  company: string;
  suppliers: string[];
  inLabel: string;
  backLabel: string;
  ratio: [sentence: string, figure: string, given: boolean];
  methodologyHref: string;
  dealsHref: string | null;
  sides: [LegSide, LegSide];
};

export function LoopEntry({
  id,
  open,
  investor,
  company,
  suppliers,
  inLabel,
  backLabel,
  ratio,
  methodologyHref,
  dealsHref,
  sides,
}: LoopEntryProps) {
  const [sentence, figure, given] = ratio;
  return (
    <li id={id}>
      <details open={open} className="rounded-lg border border-gray-200 dark:border-gray-800">
        <summary className="cursor-pointer rounded-lg p-3 focus-visible:outline-2 focus-visible:outline-blue-600">
          <span className="font-medium">{`${investor} → ${company} → ${suppliers.join(", ")}`}</span>
          <span className="muted">
            {`: ${inLabel} in, ${backLabel} back (`}
            <abbr title={sentence}>{figure}</abbr>
            {given ? " back per dollar in)" : ")"}
          </span>
        </summary>
        <div className="space-y-4 border-t border-gray-200 p-3 dark:border-gray-800">
          <CircularFlowDiagram
            id={id}
            investor={investor}
            company={company}
            suppliers={suppliers}
            inLabel={inLabel}
            backLabel={backLabel}
          />
          <p className="text-sm">
            {`Money in is the sum of ${investor}’s parts of the deals below, money back the sum of ${company}’s parts: a shared round or commitment counts only the part attributed to the pair (committed amounts where known, the rest split equally). ${sentence} `}
            <Link href={methodologyHref} className="text-link">
              How the ratio is worked out
            </Link>
            {dealsHref ? (
              <>
                {" · "}
                <Link href={dealsHref} className="text-link">
                  Every deal of this loop on /deals
                </Link>
              </>
            ) : null}
          </p>
          {sides.map((side) => (
            <LegTable key={side[0]} side={side} />
          ))}
        </div>
      </details>
    </li>
  );
}

function LegTable({ side: [caption, partLabel, rows, rest, totalLabel, totalValue, total] }: { side: LegSide }) {
  return (
    <div className="overflow-x-auto">
      <table className="data-table min-w-full text-left text-sm">
        <caption className="py-1 text-left font-medium">{caption}</caption>
        <thead>
          <tr className="border-b border-gray-200 dark:border-gray-800">
            <th scope="col">Deal</th>
            <th scope="col">Date</th>
            <th scope="col">Kind</th>
            <th scope="col">Status</th>
            <th scope="col" className="text-right">
              Deal total
            </th>
            <th scope="col" className="text-right">
              {partLabel}
            </th>
          </tr>
        </thead>
        <tbody>
          <LegRows rows={rows} />
          {rest ? (
            <tr className="row-rule">
              <th scope="row" colSpan={4}>
                {rest[0] ? (
                  <Link href={rest[0]} className="text-link">
                    {rest[1]}
                  </Link>
                ) : (
                  rest[1]
                )}
              </th>
              <td>{rest[2]}</td>
              <td data-part={rest[4]}>
                <Amount amount={rest[3]} />
              </td>
            </tr>
          ) : null}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={5} className="text-right">
              {`${totalLabel}, the sum of the parts`}
            </th>
            <td className="font-medium" data-total={totalValue}>
              {total ? <Amount amount={total} /> : "undisclosed"}
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
