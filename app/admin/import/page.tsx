import { ImportForm } from "@/components/admin/import-form";
import { requirePageActor } from "@/lib/auth/page-actor";

export const metadata = { title: "Import deals" };

export default async function ImportPage() {
  await requirePageActor("/admin/import");
  return (
    <div className="max-w-4xl space-y-4">
      <h1 className="text-2xl font-semibold">Import deals from CSV</h1>
      <p className="text-gray-700 dark:text-gray-300">
        Rows without an id create deals; rows with an <code>id</code> column update that deal. Names are matched to organizations through
        their aliases; names that match none become new organizations, listed in the preview. All rows land, or none.
      </p>
      <ImportForm />
    </div>
  );
}
