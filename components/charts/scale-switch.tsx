import { withChartScale, type ChartScale } from "@/lib/filters/chart-scale";

const BUTTON = "button";

/** The switch between a linear and a log value scale: a link to the same view with the other scale, no script needed. */
export function ScaleSwitch({ scale, href }: { scale: ChartScale; href: string }) {
  return scale === "log" ? (
    <a href={withChartScale(href, "linear")} className={BUTTON}>
      Linear scale<span className="sr-only"> (the chart now shows log scales)</span>
    </a>
  ) : (
    <a href={withChartScale(href, "log")} className={BUTTON}>
      Log scale<span className="sr-only"> (the chart now shows linear scales)</span>
    </a>
  );
}
