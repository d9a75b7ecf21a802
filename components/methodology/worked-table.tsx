import type { ReactNode } from "react";

/** The small tables of the worked examples: a caption, a header row, body rows and an optional total row. */
export function WorkedTable({ caption, head, rows, foot }: { caption: string; head: string[]; rows: ReactNode[][]; foot?: ReactNode[] }) {
  const cell = (i: number) => `py-1 pr-4 ${i === 0 ? "text-left" : "text-right"}`;
  return (
    <div className="mt-3 overflow-x-auto">
      <table className="min-w-full text-sm">
        <caption className="py-1 text-left font-medium">{caption}</caption>
        <thead>
          <tr className="border-b border-gray-200 dark:border-gray-800">
            {head.map((h, i) => (
              <th key={h} scope="col" className={`${cell(i)} font-medium`}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, r) => (
            <tr key={r} className="row-rule">
              {row.map((value, i) =>
                i === 0 ? (
                  <th key={i} scope="row" className={`${cell(i)} font-normal`}>
                    {value}
                  </th>
                ) : (
                  <td key={i} className={cell(i)}>
                    {value}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
        {foot ? (
          <tfoot>
            <tr className="font-semibold">
              {foot.map((value, i) =>
                i === 0 ? (
                  <th key={i} scope="row" className={cell(i)}>
                    {value}
                  </th>
                ) : (
                  <td key={i} className={cell(i)}>
                    {value}
                  </td>
                ),
              )}
            </tr>
          </tfoot>
        ) : null}
      </table>
    </div>
  );
}
