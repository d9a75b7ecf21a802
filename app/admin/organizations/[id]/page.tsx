import { notFound } from "next/navigation";
import { OrganizationForm } from "@/components/admin/organization-form";
import { requirePageActor } from "@/lib/auth/page-actor";
import { getOrganizationForEditing, listOrganizationNames } from "@/lib/data/admin";

export const metadata = { title: "Edit organization" };

export default async function EditOrganizationPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requirePageActor(`/admin/organizations/${id}`);
  if (!/^\d{1,9}$/.test(id)) notFound();
  const [org, parents] = await Promise.all([getOrganizationForEditing(Number(id)), listOrganizationNames()]);
  if (!org) notFound();
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Edit {org.values.name}</h1>
      <OrganizationForm id={org.id} initial={org.values} parents={parents} />
    </div>
  );
}
