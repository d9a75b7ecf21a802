// The URL parameters of the capital-by-period view, shared by the overview page and its CSV/JSON route.
// Lenient and silent: anything malformed falls back to the default instead of failing.
import type { Grain } from "../measures/capital";
import { dealFilterSchema } from "./deal-filters";
import { grainParam, oneOfParam, readParams, type ParamSource } from "./params";

export const capitalViewShape = {
  grain: grainParam,
  include: oneOfParam(["capital", "commitments"]),
  /** As reported on this date (see lib/story/as-of.ts); null is today. */
  asOf: dealFilterSchema.shape.asOf,
};
export type CapitalView = { grain: Grain; include: "capital" | "commitments"; asOf: string | null };

export function parseCapitalView(source: ParamSource): CapitalView {
  const { values } = readParams(source, capitalViewShape);
  return { grain: values.grain ?? "quarter", include: values.include ?? "capital", asOf: values.asOf };
}
