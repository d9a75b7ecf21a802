// The value scale of a chart whose values span orders of magnitude (round sizes, valuations): `scale=log` in the
// page's address, so that the switch is a plain link and works without JavaScript. Anything else is the linear scale.
export type ChartScale = "linear" | "log";

export function parseChartScale(params: Record<string, string | string[] | undefined>): ChartScale {
  const value = params.scale;
  return (Array.isArray(value) ? value[0] : value) === "log" ? "log" : "linear";
}

/** A page address with the scale set (the linear default leaves the parameter out). */
export function withChartScale(href: string, scale: ChartScale): string {
  const [path, hash] = href.split("#");
  const url = new URL(path, "http://x");
  if (scale === "log") url.searchParams.set("scale", "log");
  else url.searchParams.delete("scale");
  return `${url.pathname}${url.search}${hash ? `#${hash}` : ""}`;
}
