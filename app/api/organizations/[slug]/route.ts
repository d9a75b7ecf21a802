import { parseApiDateWindow } from "@/lib/api/parse-api-date-window";
import { mergedIntoSlug } from "@/lib/data/merged-organization";
import { getOrganizationDetail } from "@/lib/data/organizations";
import { isOrganizationSlug } from "@/lib/filters/organization-filters";
import { withErrorHandling } from "@/lib/request-id";

/**
 * GET /api/organizations/[slug][?from=&to=&asOf=]: the organization, its aliases, parent and children, and its counted
 * capital on each side over the deals announced from `from` to `to`: as an investor both its attributed part and the
 * total of the rounds it joined.
 */
export const GET = withErrorHandling(async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { window, asOf, error } = parseApiDateWindow(request);
  if (error) return error;
  const detail = isOrganizationSlug(slug) ? await getOrganizationDetail(slug, asOf, window) : null;
  if (!detail) {
    // A merged organization's address leads to the one it was merged into.
    const target = isOrganizationSlug(slug) ? await mergedIntoSlug(slug) : null;
    if (target !== null) {
      const query = new URL(request.url).search;
      return new Response(null, { status: 308, headers: { location: `/api/organizations/${target}${query}` } });
    }
    return Response.json({ error: "not found", slug }, { status: 404 });
  }
  const { profile, asInvestor, roundsJoined, asRecipient } = detail;
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
    from: window.from,
    to: window.to,
    asOf,
    figures: {
      asInvestor: {
        capitalAttributedUsd: Number(asInvestor.total),
        countedDeals: asInvestor.countedDeals,
        undisclosedDeals: asInvestor.undisclosedDeals,
        upperBoundUsd: Number(asInvestor.upperBoundPart),
        roundsJoinedTotalUsd: Number(roundsJoined.total),
        roundsJoinedUpperBoundUsd: Number(roundsJoined.upperBoundTotal),
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
