import Link from "next/link";
import { StatusBadge } from "@/components/deals/status-badge";
import { requirePageActor } from "@/lib/auth/page-actor";
import { listDealsForEditing } from "@/lib/data/admin";
import type { DealStatus } from "@/lib/domain";
import { formatDate } from "@/lib/format";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AdminDealsPage({ searchParams }: Props) {
  await requirePageActor("/admin");
  const params = await searchParams;
  const q = typeof params.q === "string" ? params.q.trim().slice(0, 200) : "";
  const showDeleted = params.deleted === "only";
  const { rows, total, shown } = await listDealsForEditing(q, showDeleted);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">{showDeleted ? "Deleted deals" : "Deals"}</h1>
      {typeof params.deleted === "string" && /^\d+$/.test(params.deleted) ? (
        <p role="status" className="text-green-800 dark:text-green-300">
          Deal {params.deleted} was deleted. It can be restored from{" "}
          <Link className="underline" href={`/deals/${params.deleted}/history`}>
            its history
          </Link>
          .
        </p>
      ) : null}
      <form method="get" className="flex flex-wrap items-end gap-2" role="search" aria-label="Find deals to edit">
        <div>
          <label htmlFor="admin-q" className="block text-sm font-medium">
            Search deals
          </label>
          <input
            id="admin-q"
            name="q"
            defaultValue={q}
            className="mt-1 rounded border border-gray-300 px-3 py-2 text-sm dark:border-gray-700 dark:bg-gray-900"
          />
        </div>
        {showDeleted ? <input type="hidden" name="deleted" value="only" /> : null}
        <button type="submit" className="rounded border border-gray-300 px-3 py-2 text-sm dark:border-gray-700">
          Search
        </button>
        <Link
          href={showDeleted ? "/admin" : "/admin?deleted=only"}
          className="px-2 py-2 text-sm text-blue-700 underline dark:text-blue-400"
        >
          {showDeleted ? "Show current deals" : "Show deleted deals"}
        </Link>
      </form>
      <p className="text-sm muted">{total === 0 ? "No deals match." : `Showing ${shown} of ${total}, most recently changed first.`}</p>
      <div className="overflow-x-auto">
        <table className="min-w-full text-left text-sm">
          <thead>
            <tr className="border-b border-gray-200 dark:border-gray-800">
              <th scope="col" className="py-2 pr-4">
                Deal
              </th>
              <th scope="col" className="py-2 pr-4">
                Reported
              </th>
              <th scope="col" className="py-2 pr-4">
                Status
              </th>
              <th scope="col" className="py-2 pr-4">
                Version
              </th>
              <th scope="col" className="py-2">
                Actions
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((d) => (
              <tr key={d.id} className="row-rule">
                <td className="py-2 pr-4">
                  #{d.id} {d.recipient.name}
                  {d.round ? `: ${d.round}` : ""}
                </td>
                <td className="py-2 pr-4">
                  <time dateTime={d.announcedOn}>{formatDate(d.announcedOn)}</time>
                </td>
                <td className="py-2 pr-4">
                  <StatusBadge status={d.status as DealStatus} />
                </td>
                <td className="py-2 pr-4">{d.version}</td>
                <td className="space-x-3 py-2">
                  {showDeleted ? null : (
                    <Link
                      className="text-blue-700 underline dark:text-blue-400"
                      href={`/admin/deals/${d.id}`}
                      aria-label={`Edit deal ${d.id}`}
                    >
                      Edit
                    </Link>
                  )}
                  <Link
                    className="text-blue-700 underline dark:text-blue-400"
                    href={`/deals/${d.id}/history`}
                    aria-label={`History of deal ${d.id}`}
                  >
                    History
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
