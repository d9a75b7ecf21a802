"use client";

// A chart's data table drawn from its cells' text (see chart-data-table.tsx): a client component's props travel once
// in React's payload beside its HTML, where a server component's markup travels as the HTML and again as elements.

/**
 * The table: `head` the row header's and the columns' labels, `text[i]` whether column i (after the row header) is
 * text rather than a figure, `rows` each row's header and cells, already written.
 */
export function DataTableRows({ caption, head, text, rows }: { caption: string; head: string[]; text: boolean[]; rows: string[][] }) {
  return (
    <table className="data-table min-w-full text-left">
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr className="border-b border-gray-200 dark:border-gray-800">
          {head.map((label, i) => (
            <th key={i} scope="col" className={i === 0 || text[i - 1] ? undefined : "text-right"}>
              {label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map(([label, ...cells], index) => (
          <tr key={`${label}-${index}`} className="row-rule">
            <th scope="row">{label}</th>
            {cells.map((cell, i) => (
              <td key={i} className={text[i] ? "text-left whitespace-normal" : undefined}>
                {cell}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
