// A deal's page rendered per request: with a query (?asOf=…), or whenever the proxy does not serve the bare address
// from its page cached per data version (app/v/[version]/deals/[id]/page.tsx).
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DealView, dealMetadata } from "@/components/deals/deal-view";
import { parseDealFilters } from "@/lib/filters/deal-filters";
import { parseDealId } from "@/lib/filters/deal-id";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

async function dealOf({ params, searchParams }: Props): Promise<{ id: number; asOf: string | null }> {
  const id = parseDealId((await params).id);
  if (id === null) notFound();
  return { id, asOf: parseDealFilters(await searchParams).filters.asOf };
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { id, asOf } = await dealOf(props);
  return dealMetadata(id, asOf);
}

export default async function DealPage(props: Props) {
  const { id, asOf } = await dealOf(props);
  return <DealView id={id} asOf={asOf} />;
}
