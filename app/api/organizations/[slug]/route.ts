import { mergedIntoSlug } from "@/lib/data/merged-organization";
import { getOrganizationDetail } from "@/lib/data/organizations";
import { isOrganizationSlug } from "@/lib/filters/organization-filters";
import { withErrorHandling } from "@/lib/request-id";

/** GET /api/organizations/[slug]: the organization, its aliases, parent and children, and its counted capital on each side. */
export const GET = withErrorHandling(async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const detail = isOrganizationSlug(slug) ? await getOrganizationDetail(slug) : null;
  if (!detail) {
    // A merged organization's address leads to the one it was merged into.
    const target = isOrganizationSlug(slug) ? await mergedIntoSlug(slug) : null;
    if (target !== null) return new Response(null, { status: 308, headers: { location: `/api/organizations/${target}` } });
    return Response.json({ error: "not found", slug }, { status: 404 });
  }
  const { profile, asInvestor, asRecipient } = detail;
  return Response.json({
    slug: profile.slug,
    name: profile.name,
    type: profile.type,
    country: profile.country,
    website: profile.website,
    aliases: profile.aliases,
    parent: profile.parent,
    children: profile.children,
    dealsAsInvestor: profile.dealsAsInvestor,
    dealsAsRecipient: profile.dealsAsRecipient,
    figures: {
      asInvestor: {
        capitalAttributedUsd: Number(asInvestor.total),
        countedDeals: asInvestor.countedDeals,
        undisclosedDeals: asInvestor.undisclosedDeals,
        upperBoundUsd: Number(asInvestor.upperBoundPart),
      },
      asRecipient: {
        capitalCountedUsd: Number(asRecipient.total),
        countedDeals: asRecipient.dealCount,
        undisclosedDeals: asRecipient.undisclosedCount,
        upperBoundUsd: Number(asRecipient.upperBoundTotal),
      },
    },
  });
});
