// The `grain` URL parameter of an investor's capital chart, shared by /investors/[slug] and its CSV/JSON route.
// Lenient: anything but "quarter" is the default, by year (an investor's deals are few; years read better).
import { z } from "zod";
import type { Grain } from "../measures/capital";

const grainSchema = z.enum(["year", "quarter"]).catch("year");

export function parseGrain(value: string | string[] | null | undefined): Grain {
  return grainSchema.parse(Array.isArray(value) ? value[0] : (value ?? undefined));
}
