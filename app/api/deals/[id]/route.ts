import { toDealDetailJson } from "@/lib/api/deal-json";
import { notFoundJson } from "@/lib/api/responses";
import { getDeal } from "@/lib/data/deal";
import { parseDealId } from "@/lib/filters/deal-id";

/** GET /api/deals/{id}: one deal with its investors, sources and lifecycle events. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id: raw } = await params;
  const id = parseDealId(raw);
  const deal = id === null ? null : await getDeal(id);
  if (!deal) return notFoundJson(`no deal with id ${raw}`);
  return Response.json(toDealDetailJson(deal));
}
