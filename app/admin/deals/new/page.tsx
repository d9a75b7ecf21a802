import { DealForm } from "@/components/admin/deal-form";
import { requirePageActor } from "@/lib/auth/page-actor";
import { listOrganizationNames, listRoundChoices } from "@/lib/data/admin";

export const metadata = { title: "New deal" };

export default async function NewDealPage() {
  await requirePageActor("/admin/deals/new");
  const [organizations, rounds] = await Promise.all([listOrganizationNames(), listRoundChoices()]);
  return (
    <div className="max-w-4xl space-y-4">
      <h1 className="text-2xl font-semibold">New deal</h1>
      <DealForm dealId={null} version={null} initial={{}} organizationNames={organizations.map((o) => o.name)} roundChoices={rounds} />
    </div>
  );
}
