import { getCoInvestors } from "@/lib/data/investor";
import { isOrganizationSlug } from "@/lib/filters/organization-filters";
import { parseApiDateWindow } from "@/lib/api/parse-api-date-window";
import { withErrorHandling } from "@/lib/request-id";

/**
 * GET /api/organizations/[slug]/co-investors[?from=&to=&asOf=]: the other named investors of the rounds this investor is in (a
 * Round's parts and tranches are one round), most rounds first, each with the rounds in common.
 */
export const GET = withErrorHandling(async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  // Every round in common, where the investor page links the newest few.
  const { window, asOf, error } = parseApiDateWindow(request);
  if (error) return error;
  const coInvestors = isOrganizationSlug(slug) ? await getCoInvestors(slug, asOf, window) : null;
  if (!coInvestors) return Response.json({ error: "not found", slug }, { status: 404 });
  return Response.json({
    slug,
    data: coInvestors.map((c) => ({
      slug: c.key,
      name: c.name,
      rounds: c.rounds.map((r) => ({
        recipient: { slug: r.recipient.key, name: r.recipient.name },
        key: r.key,
        name: r.name,
        date: r.date,
        dealIds: r.dealIds,
      })),
    })),
  });
});
