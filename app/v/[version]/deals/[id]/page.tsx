// A deal's bare address (/deals/42, no query) as a cached page per data version: proxy.ts rewrites it here, Next
// renders each deal once per version on its first request and serves it from its page cache after that (see
// app/v/[version]/page.tsx). A deal page is what most links lead to (lists, search, feeds, shares), and it is the
// same for every visitor until the next write.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DealView, dealMetadata } from "@/components/deals/deal-view";
import { parseDealId } from "@/lib/filters/deal-id";
import { DEAL_CARD_ALT } from "@/lib/share/cards";
import { withShareImage } from "@/lib/share/share-card";

type Props = { params: Promise<{ version: string; id: string }> };

export const dynamicParams = true;
export function generateStaticParams(): { version: string; id: string }[] {
  return [];
}

async function idOf(params: Props["params"]): Promise<number> {
  const id = parseDealId((await params).id);
  if (id === null) notFound();
  return id;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const id = await idOf(params);
  // app/deals/[id]/opengraph-image.tsx belongs to /deals/[id]: under this route it is named explicitly.
  return withShareImage(await dealMetadata(id, null), `/deals/${id}/opengraph-image`, DEAL_CARD_ALT);
}

export default async function CachedDealPage({ params }: Props) {
  return <DealView id={await idOf(params)} asOf={null} />;
}
