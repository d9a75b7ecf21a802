// An organization's bare investor address (/investors/microsoft, no query) as a cached page per data version: proxy.ts
// rewrites it here, and Next renders each organization once per version on its first request and serves it from its
// page cache after that (see app/v/[version]/page.tsx). It is the same for every visitor until the next write.
import type { Metadata } from "next";
import { InvestorView, investorMetadata } from "@/components/organizations/investor-view";
import { INVESTOR_CARD_ALT } from "@/lib/share/cards";
import { withShareImage } from "@/lib/share/share-card";

type Props = { params: Promise<{ version: string; slug: string }> };

export const dynamicParams = true;
export function generateStaticParams(): { version: string; slug: string }[] {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  // app/investors/[slug]/opengraph-image.tsx belongs to /investors/[slug]: under this route it is named explicitly.
  return withShareImage(await investorMetadata(slug), `/investors/${slug}/opengraph-image`, INVESTOR_CARD_ALT);
}

export default async function CachedInvestorPage({ params }: Props) {
  return <InvestorView slug={(await params).slug} search={{}} />;
}
