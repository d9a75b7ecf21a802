import Link from "next/link";
import { requirePageActor } from "@/lib/auth/page-actor";
import { listOrganizationsForEditing } from "@/lib/data/admin";
import { ORGANIZATION_TYPE_LABELS, type OrganizationType } from "@/lib/domain";

export const metadata = { title: "Organizations" };

export default async function AdminOrganizationsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requirePageActor("/admin/organizations");
  const params = await searchParams;
  const q = typeof params.q === "string" ? params.q.trim().slice(0, 200) : "";
  const rows = await listOrganizationsForEditing(q);
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-semibold">Organizations</h1>
        <div className="flex flex-wrap gap-2">
          <Link href="/admin/organizations/merge" className="rounded border border-gray-300 px-4 py-2 text-sm dark:border-gray-700">
            Merge two organizations
          </Link>
          <Link href="/admin/organizations/new" className="rounded bg-blue-700 px-4 py-2 text-sm text-white">
            New organization
          </Link>
        </div>
      </div>
      {typeof params.saved === "string" ? (
        <p role="status" className="text-green-800 dark:text-green-300">
          Saved {params.saved}.
        </p>
      ) : null}
      <form method="get" role="search" aria-label="Find organizations to edit" className="flex items-end gap-2">
        <div>
          <label htmlFor="org-q" className="block text-sm font-medium">
            Search organizations
          </label>
          <input
            id="org-q"
            name="q"
            defaultValue={q}
            className="mt-1 rounded border border-gray-300 px-3 py-2 text-sm dark:border-gray-700 dark:bg-gray-900"
          />
        </div>
        <button type="submit" className="rounded border border-gray-300 px-3 py-2 text-sm dark:border-gray-700">
          Search
        </button>
      </form>
      <div className="overflow-x-auto">
        <table className="min-w-full text-left text-sm">
          <thead>
            <tr className="border-b border-gray-200 dark:border-gray-800">
              <th scope="col" className="py-2 pr-4">
                Name
              </th>
              <th scope="col" className="py-2 pr-4">
                Slug
              </th>
              <th scope="col" className="py-2 pr-4">
                Type
              </th>
              <th scope="col" className="py-2 pr-4">
                Parent
              </th>
              <th scope="col" className="py-2">
                Aliases
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((o) => (
              <tr key={o.id} className="row-rule">
                <td className="py-2 pr-4">
                  <Link className="text-blue-700 underline dark:text-blue-400" href={`/admin/organizations/${o.id}`}>
                    {o.name}
                  </Link>
                </td>
                <td className="py-2 pr-4">{o.slug}</td>
                <td className="py-2 pr-4">{ORGANIZATION_TYPE_LABELS[o.type as OrganizationType] ?? o.type}</td>
                <td className="py-2 pr-4">{o.parent?.name ?? "—"}</td>
                <td className="py-2">{o._count.aliases}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
