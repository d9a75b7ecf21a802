import { usd } from "@/lib/api/deal-json";
import { getCompanyRounds, type ReportedAmount } from "@/lib/data/rounds";
import { isOrganizationSlug } from "@/lib/filters/organization-filters";
import { parseApiDateWindow } from "@/lib/api/parse-api-date-window";
import { withErrorHandling } from "@/lib/request-id";

const amount = (a: ReportedAmount | null) => (a === null ? null : { lowUsd: usd(a.low), highUsd: usd(a.high), qualifier: a.qualifier });

/**
 * GET /api/organizations/[slug]/rounds[?from=&to=&asOf=]: the company's equity and convertible rounds, oldest first: a Round's
 * parts and tranches together, every other deal a round of its own.
 */
export const GET = withErrorHandling(async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { window, asOf, error } = parseApiDateWindow(request);
  if (error) return error;
  const found = isOrganizationSlug(slug) ? await getCompanyRounds(slug, asOf, window) : null;
  if (!found) return Response.json({ error: "not found", slug }, { status: 404 });
  return Response.json({
    slug,
    data: found.rounds.map((r) => ({
      key: r.key,
      name: r.name,
      date: r.date,
      total: amount(r.total),
      counted: r.counted,
      countedUsd: usd(r.countedUsd),
      postMoneyValuationUsd: usd(r.postMoneyValuationUsd),
      leads: r.leads,
      participants: r.participants.map((p) => ({ slug: p.slug, name: p.name, role: p.role, amountUsd: usd(p.amountUsd) })),
      deals: r.deals.map((d) => ({
        id: d.id,
        round: d.round,
        announcedOn: d.announcedOn,
        kind: d.kind,
        status: d.status,
        amount: amount(d.amount),
        countedUsd: usd(d.countedUsd),
        investors: d.investors,
      })),
    })),
  });
});
