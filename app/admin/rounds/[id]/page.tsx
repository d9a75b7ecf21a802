import Link from "next/link";
import { notFound } from "next/navigation";
import { RoundForm } from "@/components/admin/round-form";
import { requirePageActor } from "@/lib/auth/page-actor";
import { getRoundForEditing } from "@/lib/data/admin";
import { formatDate } from "@/lib/format";

export const metadata = { title: "Edit round" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** A Round's own fields for an editor: name, date, total as reported, post-money valuation. */
export default async function EditRoundPage({ params, searchParams }: Props) {
  const { id } = await params;
  await requirePageActor(`/admin/rounds/${id}`);
  if (!/^\d{1,9}$/.test(id)) notFound();
  const [round, query] = await Promise.all([getRoundForEditing(Number(id)), searchParams]);
  if (!round) notFound();
  const publicHref = `/companies/${round.recipient.slug}#round-${round.key}`;
  return (
    <div className="max-w-4xl space-y-4">
      <h1 className="text-2xl font-semibold">
        Edit round: {round.recipient.name}, {round.values.name}
      </h1>
      {query.saved ? (
        <p role="status" className="text-green-800 dark:text-green-300">
          Saved.{" "}
          <Link href={publicHref} className="underline">
            See it on the company page
          </Link>
          .
        </p>
      ) : null}
      <p className="text-sm muted">
        Key <code>{round.key}</code>. Its deals (set in each deal&rsquo;s form by this key):
      </p>
      <ul className="list-disc pl-6 text-sm">
        {round.deals.map((d) => (
          <li key={d.id}>
            <Link href={`/admin/deals/${d.id}`} className="text-blue-700 underline dark:text-blue-400">
              {formatDate(d.announcedOn)}: {d.round ?? `Deal #${d.id}`}
            </Link>
          </li>
        ))}
      </ul>
      <RoundForm id={round.id} initial={round.values} />
    </div>
  );
}
