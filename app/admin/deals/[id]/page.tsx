import Link from "next/link";
import { notFound } from "next/navigation";
import { DealForm } from "@/components/admin/deal-form";
import { requirePageActor } from "@/lib/auth/page-actor";
import { getDealForEditing, listOrganizationNames, listRoundChoices } from "@/lib/data/admin";

export const metadata = { title: "Edit deal" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function EditDealPage({ params, searchParams }: Props) {
  const { id } = await params;
  await requirePageActor(`/admin/deals/${id}`);
  if (!/^\d{1,9}$/.test(id)) notFound();
  const [deal, organizations, query] = await Promise.all([getDealForEditing(Number(id)), listOrganizationNames(), searchParams]);
  if (!deal) notFound();
  const rounds = await listRoundChoices(deal.values.recipient);
  const round = rounds.find((r) => r.key === deal.values.round_key);
  return (
    <div className="max-w-4xl space-y-4">
      <h1 className="text-2xl font-semibold">Edit deal #{deal.id}</h1>
      {query.saved ? (
        <p role="status" className="text-green-800 dark:text-green-300">
          Saved (version {deal.version}).{" "}
          <Link href={`/deals/${deal.id}`} className="underline">
            See it on the public page
          </Link>
          .
        </p>
      ) : null}
      <p className="text-sm">
        <Link href={`/deals/${deal.id}/history`} className="text-blue-700 underline dark:text-blue-400">
          Revision history
        </Link>
      </p>
      <DealForm
        dealId={deal.id}
        version={deal.version}
        initial={deal.values}
        organizationNames={organizations.map((o) => o.name)}
        roundChoices={rounds}
        roundEditHref={round ? `/admin/rounds/${round.id}` : null}
      />
    </div>
  );
}
