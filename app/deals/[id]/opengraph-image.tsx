import { notFound } from "next/navigation";
import { parseDealId } from "@/lib/filters/deal-id";
import { DEAL_CARD_ALT, dealCard } from "@/lib/share/cards";
import { SHARE_CARD_SIZE, SHARE_CARD_TYPE, shareCardImage } from "@/lib/share/share-card";

export const size = SHARE_CARD_SIZE;
export const contentType = SHARE_CARD_TYPE;
export const alt = DEAL_CARD_ALT;

export default async function Image({ params }: { params: Promise<{ id: string }> }) {
  const id = parseDealId((await params).id);
  const card = id === null ? null : await dealCard(id);
  if (!card) notFound();
  return shareCardImage(card);
}
