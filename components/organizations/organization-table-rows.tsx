"use client";

// The bodies of the organization pages' longest tables and lists, drawn from short text written on the server (the
// tables' files):
// a client component's props travel once in React's payload beside its HTML, where a server component's markup
// travels as the HTML and again as elements. Links and markup are the same with or without JavaScript.
import Link from "next/link";
import { StatusBadge } from "@/components/deals/status-badge";
import { ExternalLink } from "@/components/ui/external-link";
import type { DealStatus } from "@/lib/domain";

/**
 * A co-investor: its page and name, rounds in common, the newest shared rounds (page, label, and the date note, null where
 * the label is already the date).
 */
export type CoInvestorRow = [href: string, name: string, rounds: string, shared: [href: string, label: string, date: string | null][]];

export function CoInvestorRows({ rows }: { rows: CoInvestorRow[] }) {
  return (
    <tbody>
      {rows.map(([href, name, count, shared]) => (
        // align-top on the row: its cells inherit it (one class a row rather than one a cell).
        <tr key={href} className="row-rule align-top">
          <th scope="row">
            <Link href={href} className="link">
              {name}
            </Link>
          </th>
          <td className="text-right">{count}</td>
          <td>
            <ul className="space-y-0.5">
              {shared.map(([roundHref, label, date]) => (
                <li key={roundHref}>
                  <Link href={roundHref} className="link">
                    {label}
                  </Link>
                  {date === null ? null : <span className="muted">{` (${date})`}</span>}
                </li>
              ))}
            </ul>
          </td>
        </tr>
      ))}
    </tbody>
  );
}

/**
 * A deal of an investor's portfolio: its page, date (ISO and written), label and co-investor note, its recipient's page
 * and name, kind, status, amount as reported, and the part counted for the investor (short and exact; null when the
 * deal is not counted).
 */
export type PortfolioRow = [
  href: string,
  date: string,
  dateText: string,
  label: string,
  others: string | null,
  recipientHref: string,
  recipient: string,
  kind: string,
  status: DealStatus,
  amount: string,
  counted: [short: string, exact: string] | null,
];

export function PortfolioRows({ rows }: { rows: PortfolioRow[] }) {
  return (
    <tbody>
      {rows.map(([href, date, dateText, label, others, recipientHref, recipient, kind, status, amount, counted]) => (
        <tr key={href} className="row-rule align-top">
          <td className="whitespace-nowrap">
            <time dateTime={date}>{dateText}</time>
          </td>
          <th scope="row" className="min-w-48 font-normal">
            <Link href={href} className="link">
              {label}
            </Link>
            {others ? <span className="muted block text-xs">{others}</span> : null}
          </th>
          <td>
            <Link href={recipientHref} className="link">
              {recipient}
            </Link>
          </td>
          <td>{kind}</td>
          <td>
            <StatusBadge status={status} />
          </td>
          <td className="whitespace-nowrap text-right">{amount}</td>
          <td className="whitespace-nowrap text-right">
            {counted === null ? <span className="muted">Not counted</span> : <span title={counted[1]}>{counted[0]}</span>}
          </td>
        </tr>
      ))}
    </tbody>
  );
}

/** A figure cell: its text, or its short text with the exact figure as the cell's title. */
export type FigureCell = string | [short: string, exact: string];

/** A row of figures: the organization's page (null for an entry with no page, the unnamed investors), its name, its cells. */
export type FigureRow = [href: string | null, name: string, cells: FigureCell[]];

/** The recipients' and investors' share tables (class figure-table, which aligns the figures right): a linked name, then figures. */
export function FigureRows({ rows }: { rows: FigureRow[] }) {
  return (
    <tbody>
      {rows.map(([href, name, cells]) => (
        <tr key={href ?? `label-${name}`} className="row-rule">
          <th scope="row">
            {href === null ? (
              <span>{name}</span>
            ) : (
              <Link href={href} className="link">
                {name}
              </Link>
            )}
          </th>
          {/* Right-aligned by the table's class, figure-table. */}
          {cells.map((cell, i) =>
            typeof cell === "string" ? (
              <td key={i}>{cell}</td>
            ) : (
              <td key={i} title={cell[1]}>
                {cell[0]}
              </td>
            ),
          )}
        </tr>
      ))}
    </tbody>
  );
}

/** A valuation mark's source: its address (null when it has none or it is not an http(s) address), its text, its date note. */
export type MarkSource = [url: string | null, text: string, published: string];

/**
 * A valuation mark: its date, the valuation (short and exact), its deal's page and label, the note of its kind, the
 * division valued (page and name; null for the company itself), its sources (none: an empty list).
 */
export type ValuationMarkRow = [
  dateText: string,
  valuation: [short: string, exact: string],
  href: string,
  label: string,
  note: string,
  division: [href: string, name: string] | null,
  sources: MarkSource[],
];

export function ValuationMarkRows({ rows }: { rows: ValuationMarkRow[] }) {
  return (
    <tbody>
      {rows.map(([dateText, valuation, href, label, note, division, sources], index) => (
        <tr key={`${href}-${valuation[1]}-${index}`} className="row-rule">
          <th scope="row" className="py-1 pr-4 font-normal whitespace-nowrap">
            {dateText}
          </th>
          <td className="py-1 pr-4 text-right" title={valuation[1]}>
            {valuation[0]}
          </td>
          <td className="py-1 pr-4">
            <Link href={href} className="link">
              {label}
            </Link>{" "}
            <span className="muted">{note}</span>
            {division ? (
              <>
                {" "}
                of{" "}
                <Link href={division[0]} className="link">
                  {division[1]}
                </Link>
              </>
            ) : null}
          </td>
          <td className="py-1 pr-4">
            {sources.length === 0
              ? "None recorded"
              : sources.map(([url, text, published], i) => (
                  <span key={`${url}-${i}`}>
                    {i > 0 ? "; " : ""}
                    {url ? (
                      <ExternalLink href={url} className="link">
                        {text}
                      </ExternalLink>
                    ) : (
                      text
                    )}
                    {published}
                  </span>
                ))}
          </td>
        </tr>
      ))}
    </tbody>
  );
}

/**
 * A round's block on its company's page: its anchor, heading, editor's page (signed-in editors; else null), total as
 * reported, capital counted, valuation, its participants (page or null, name, the note of its role, amount; null when
 * no participant's amount is reported, said once under the list), and its deals (page, label) after their lead-in.
 */
export type RoundBlock = [
  id: string,
  heading: string,
  editHref: string | null,
  total: string,
  counted: string,
  valuation: string,
  participants: [href: string | null, name: string, role: string, amount: string | null][],
  dealsLead: string,
  deals: [href: string, label: string][],
];

/**
 * The participants are a list of "name (role): amount" rather than a table: a round's two columns need no header, and
 * a table's header and caption, repeated in every block, made most of the section's markup. Its looks are short classes
 * of app/globals.css (round-block, round-terms), as every block repeats them.
 */
const hasAmount = (participant: RoundBlock[6][number]) => participant[3] !== null;

export function RoundBlocks({ rounds }: { rounds: RoundBlock[] }) {
  return (
    <ol className="space-y-4">
      {rounds.map(([id, heading, editHref, total, counted, valuation, participants, dealsLead, deals]) => (
        <li key={id} id={id} className="round-block">
          <h3 className="text-base font-semibold">{heading}</h3>
          {editHref ? (
            <p>
              <Link href={editHref} className="link">
                Edit this round
              </Link>
            </p>
          ) : null}
          <dl className="round-terms">
            <div>
              <dt>Total as reported</dt>
              <dd>{total}</dd>
            </div>
            <div>
              <dt>Capital counted</dt>
              <dd>{counted}</dd>
            </div>
            <div>
              <dt>Post-money valuation</dt>
              <dd>{valuation}</dd>
            </div>
          </dl>
          <ul aria-label={participants.some(hasAmount) ? "Participants and their amounts" : "Participants"} className="mt-2">
            {participants.map(([href, name, role, amount]) => (
              <li key={href ?? `label-${name}`}>
                {href ? (
                  <Link href={href} className="link">
                    {name}
                  </Link>
                ) : (
                  name
                )}
                {amount === null ? role : `${role}: ${amount}`}
              </li>
            ))}
          </ul>
          {participants.length > 0 && !participants.some(hasAmount) ? <p className="muted">No participant’s amount reported.</p> : null}
          <p className="mt-2">
            {dealsLead}
            {deals.map(([href, label], i) => (
              <span key={href}>
                {i > 0 ? "; " : ""}
                <Link href={href} className="link">
                  {label}
                </Link>
              </span>
            ))}
          </p>
        </li>
      ))}
    </ol>
  );
}

/**
 * A loop an organization is in: its page on /analysis/loops and its name, money in and back, back per dollar in (the
 * sentence that explains it, the figure; null when nothing went in), and its deals on /deals (null: too many for a
 * link) with the link's text.
 */
export type LoopItem = [
  href: string,
  name: string,
  amounts: string,
  backToIn: [sentence: string, figure: string] | null,
  dealsHref: string | null,
  dealsText: string,
];

export function LoopItems({ loops }: { loops: LoopItem[] }) {
  return (
    <ul className="list-disc space-y-1 pl-5 text-sm">
      {loops.map(([href, name, amounts, backToIn, dealsHref, dealsText]) => (
        <li key={href}>
          <Link href={href} className="text-link">
            {name}
          </Link>
          {amounts}
          {backToIn === null ? null : (
            <>
              {" ("}
              <abbr title={backToIn[0]}>{backToIn[1]}</abbr>
              {" back per dollar in)"}
            </>
          )}
          {dealsHref ? (
            <>
              {" · "}
              <Link href={dealsHref} className="text-link">
                {dealsText}
              </Link>
            </>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
