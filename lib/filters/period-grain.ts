// The `grain` URL parameter of an investor's capital chart, shared by /investors/[slug] and its CSV/JSON route.
// Lenient: anything but "quarter" is the default, by year (an investor's deals are few; years read better).
import type { Grain } from "../measures/capital";
import { grainParam } from "./params";

export function parseGrain(value: string | string[] | null | undefined): Grain {
  const parsed = grainParam.safeParse(Array.isArray(value) ? value[0] : value);
  return parsed.success ? parsed.data : "year";
}
