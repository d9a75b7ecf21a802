import Link from "next/link";
import { notFound } from "next/navigation";
import { RestoreButton } from "@/components/admin/restore-button";
import { requirePageActor } from "@/lib/auth/page-actor";
import { getDealHistory } from "@/lib/data/admin";
import { diffRevision } from "@/lib/revisions-diff";

export const metadata = { title: "Deal history", robots: { index: false } };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Editors only: every revision of a deal with what it changed, and a way back to any of them. */
export default async function DealHistoryPage({ params, searchParams }: Props) {
  const { id } = await params;
  const viewer = await requirePageActor(`/deals/${id}/history`);
  if (!/^\d{1,9}$/.test(id)) notFound();
  const [history, query] = await Promise.all([getDealHistory(Number(id), viewer), searchParams]);
  if (!history) notFound();
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">History of deal #{history.deal.id}</h1>
        <p className="text-gray-700 dark:text-gray-300">{history.deal.title}</p>
        {history.deal.deleted ? (
          <p className="mt-2 font-medium text-red-800 dark:text-red-300">
            This deal is deleted: restore a version from before the deletion to bring it back.
          </p>
        ) : (
          <p className="mt-2 text-sm">
            <Link href={`/deals/${history.deal.id}`} className="text-blue-700 underline dark:text-blue-400">
              Public page
            </Link>{" "}
            ·{" "}
            <Link href={`/admin/deals/${history.deal.id}`} className="text-blue-700 underline dark:text-blue-400">
              Edit
            </Link>
          </p>
        )}
        {query.restored ? (
          <p role="status" className="mt-2 text-green-800 dark:text-green-300">
            Restored the version of revision {String(query.restored)}.
          </p>
        ) : null}
      </div>
      <ol className="space-y-4">
        {history.revisions.map((r, index) => {
          const changes = diffRevision(r.before, r.after);
          return (
            <li key={r.id} className="rounded border border-gray-200 p-4 dark:border-gray-800">
              <h2 className="font-medium">
                Revision {r.id}: {r.action} by {r.actor},{" "}
                <time dateTime={r.createdAt}>{r.createdAt.slice(0, 19).replace("T", " ")} UTC</time>
              </h2>
              {changes.length > 0 ? (
                <div className="mt-2 overflow-x-auto">
                  <table className="min-w-full text-left text-sm">
                    <caption className="sr-only">Changes in revision {r.id}</caption>
                    <thead>
                      <tr>
                        <th scope="col" className="pr-4">
                          Field
                        </th>
                        <th scope="col" className="pr-4">
                          Before
                        </th>
                        <th scope="col">After</th>
                      </tr>
                    </thead>
                    <tbody>
                      {changes.map((c) => (
                        <tr key={c.field} className="align-top">
                          <th scope="row" className="pr-4 font-normal">
                            {c.field}
                          </th>
                          <td className="pr-4">
                            <del className="text-red-800 dark:text-red-300">{c.before}</del>
                          </td>
                          <td>
                            <ins className="text-green-800 no-underline dark:text-green-300">{c.after}</ins>
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              ) : (
                <p className="mt-2 text-sm muted">No field changed.</p>
              )}
              {index > 0 ? (
                <div className="mt-3">
                  <RestoreButton revisionId={r.id} />
                </div>
              ) : null}
            </li>
          );
        })}
      </ol>
    </div>
  );
}
