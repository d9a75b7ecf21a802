import { OrganizationForm } from "@/components/admin/organization-form";
import { requirePageActor } from "@/lib/auth/page-actor";
import { listOrganizationNames } from "@/lib/data/admin";

export const metadata = { title: "New organization" };

export default async function NewOrganizationPage() {
  await requirePageActor("/admin/organizations/new");
  const parents = await listOrganizationNames();
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">New organization</h1>
      <OrganizationForm id={null} initial={{}} parents={parents} />
    </div>
  );
}
