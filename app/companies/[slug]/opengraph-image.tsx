import { notFound } from "next/navigation";
import { isOrganizationSlug } from "@/lib/filters/organization-filters";
import { COMPANY_CARD_ALT, companyCard } from "@/lib/share/cards";
import { SHARE_CARD_SIZE, SHARE_CARD_TYPE, shareCardImage } from "@/lib/share/share-card";

export const size = SHARE_CARD_SIZE;
export const contentType = SHARE_CARD_TYPE;
export const alt = COMPANY_CARD_ALT;

export default async function Image({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const card = isOrganizationSlug(slug) ? await companyCard(slug) : null;
  if (!card) notFound();
  return shareCardImage(card);
}
