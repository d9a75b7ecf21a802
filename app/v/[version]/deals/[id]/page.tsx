// A deal's bare address (/deals/42, no query) as a cached page per data version: proxy.ts rewrites it here, Next
// renders each deal once per version on its first request and serves it from its page cache after that (see
// app/v/[version]/page.tsx). A deal page is what most links lead to (lists, search, feeds, shares), and it is the
// same for every visitor until the next write.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DealView, dealMetadata } from "@/components/deals/deal-view";
import { parseDealId } from "@/lib/filters/deal-id";
import { DEAL_CARD_ALT } from "@/lib/share/cards";
import { SHARE_CARD_SIZE, SHARE_CARD_TYPE } from "@/lib/share/share-card";

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
  const metadata = await dealMetadata(id, null);
  // app/deals/[id]/opengraph-image.tsx belongs to /deals/[id]: under this route it is named explicitly.
  const image = {
    url: `/deals/${id}/opengraph-image`,
    width: SHARE_CARD_SIZE.width,
    height: SHARE_CARD_SIZE.height,
    type: SHARE_CARD_TYPE,
    alt: DEAL_CARD_ALT,
  };
  return metadata.openGraph
    ? { ...metadata, openGraph: { ...metadata.openGraph, images: [image] }, twitter: { ...metadata.twitter, images: [image] } }
    : metadata;
}

export default async function CachedDealPage({ params }: Props) {
  return <DealView id={await idOf(params)} asOf={null} />;
}
