// An organization's bare company address (/companies/openai, no query) as a cached page per data version, for visitors
// who are not signed in: proxy.ts rewrites it here, and Next renders each organization once per version on its first
// request and serves it from its page cache after that (see app/v/[version]/page.tsx).
import type { Metadata } from "next";
import { CompanyView, companyMetadata } from "@/components/organizations/company-view";
import { COMPANY_CARD_ALT } from "@/lib/share/cards";
import { withShareImage } from "@/lib/share/share-card";

type Props = { params: Promise<{ version: string; slug: string }> };

export const dynamicParams = true;
export function generateStaticParams(): { version: string; slug: string }[] {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  // app/companies/[slug]/opengraph-image.tsx belongs to /companies/[slug]: under this route it is named explicitly.
  return withShareImage(await companyMetadata(slug), `/companies/${slug}/opengraph-image`, COMPANY_CARD_ALT);
}

export default async function CachedCompanyPage({ params }: Props) {
  return <CompanyView slug={(await params).slug} search={{}} editable={false} />;
}
