// The URL parameters of the capital-by-period view, shared by the overview page and its CSV/JSON route.
// Lenient: anything malformed falls back to the default instead of failing.
import { z } from "zod";
import { isIsoDate } from "../validation";

export const capitalViewSchema = z.object({
  grain: z.enum(["quarter", "year"]).catch("quarter"),
  include: z.enum(["capital", "commitments"]).catch("capital"),
  /** As reported on this date (see lib/story/as-of.ts); null is today. */
  asOf: z.string().refine(isIsoDate).nullable().catch(null),
});
export type CapitalView = z.output<typeof capitalViewSchema>;

export function parseCapitalView(params: Record<string, string | string[] | undefined>): CapitalView {
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  return capitalViewSchema.parse({ grain: first(params.grain), include: first(params.include), asOf: first(params.asOf) ?? null });
}
