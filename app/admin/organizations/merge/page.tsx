import { MergeOrganizationsForm, RestoreMergeButton } from "@/components/admin/merge-organizations-form";
import { requirePageActor } from "@/lib/auth/page-actor";
import { listRecentMerges } from "@/lib/data/admin";

export const metadata = { title: "Merge organizations" };

export default async function MergeOrganizationsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requirePageActor("/admin/organizations/merge");
  const params = await searchParams;
  const merges = await listRecentMerges();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Merge two organizations</h1>
      <p className="max-w-3xl text-sm text-gray-700 dark:text-gray-300">
        For one entity tracked twice. The organization merged becomes an alias of the one kept: its deals, its parties in deals, its units
        and its aliases move to the one kept, and its pages redirect there. The merge is recorded and can be undone below.
      </p>
      {typeof params.merged === "string" && typeof params.into === "string" ? (
        <p role="status" className="text-green-800 dark:text-green-300">
          Merged {params.merged} into {params.into}.
        </p>
      ) : null}
      {typeof params.restored === "string" ? (
        <p role="status" className="text-green-800 dark:text-green-300">
          Restored {params.restored}.
        </p>
      ) : null}
      <MergeOrganizationsForm />
      <section aria-labelledby="merges-heading" className="space-y-2">
        <h2 id="merges-heading" className="text-lg font-semibold">
          Merges
        </h2>
        {merges.length === 0 ? (
          <p className="text-sm muted">No organization is merged.</p>
        ) : (
          <ul className="space-y-2 text-sm">
            {merges.map((m) => (
              <li key={m.revisionId} className="flex flex-wrap items-center gap-3">
                <span>
                  {m.merged.name} into {m.kept.name}
                  {m.mergedAt ? `, ${m.mergedAt.toISOString().slice(0, 10)}` : ""}
                </span>
                <RestoreMergeButton revisionId={m.revisionId} label={`Undo the merge of ${m.merged.name} into ${m.kept.name}`} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
