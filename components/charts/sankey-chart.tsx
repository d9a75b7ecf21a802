"use client";

import { Layer, Rectangle, Sankey, Tooltip, type SankeyNodeProps } from "recharts";
import { useChartSize } from "./use-chart-size";
import { formatUsd, formatUsdExact } from "@/lib/format";
import { sankeyHeight, type SankeyChartLink, type SankeyChartNode } from "./sankey-size";

const LABEL_CHARS = 22;

function shorten(name: string): string {
  return name.length > LABEL_CHARS ? `${name.slice(0, LABEL_CHARS - 1)}…` : name;
}

/**
 * Labels sit inside the drawing, next to their node (investors' to the right, recipients' to the left), on a halo of
 * the background colour, so that no margin is wasted and the diagram still reads on a phone.
 */
function FlowNode({ x, y, width, height, payload }: SankeyNodeProps) {
  const node = payload as unknown as SankeyChartNode & { value: number };
  const investor = node.side === "investor";
  return (
    <Layer>
      <Rectangle
        x={x}
        y={y}
        width={width}
        height={height}
        fill={investor ? "var(--chart-investor)" : "var(--chart-recipient)"}
        fillOpacity={1}
      />
      <text
        x={investor ? x + width + 4 : x - 4}
        y={y + height / 2}
        textAnchor={investor ? "start" : "end"}
        dominantBaseline="middle"
        fontSize={11}
        fill="var(--chart-label)"
        stroke="var(--chart-tooltip-bg)"
        strokeWidth={3}
        paintOrder="stroke"
      >
        <title>{`${node.name}: ${formatUsdExact(node.value)}`}</title>
        {`${shorten(node.name)} ${formatUsd(node.value)}`}
      </text>
    </Layer>
  );
}

/**
 * A Sankey diagram of dollar flows from investors to recipients. Draws what it is given, sums nothing. The only chart
 * still drawn by Recharts in the browser: sankey-island.tsx loads it when it comes near the viewport.
 */
export function SankeyChart({ nodes, links, ariaLabel }: { nodes: SankeyChartNode[]; links: SankeyChartLink[]; ariaLabel: string }) {
  const height = sankeyHeight(nodes);
  const { ref, size } = useChartSize<HTMLElement>();
  return (
    <figure ref={ref} className="relative w-full" style={{ height }} aria-label={ariaLabel}>
      {size ? (
        // Out of the flow: the figure's size never depends on the drawing, so measuring it cannot feed back.
        <div className="absolute inset-0">
          <Sankey
            width={size.width}
            height={size.height}
            data={{ nodes, links }}
            node={FlowNode}
            link={{ stroke: "var(--chart-flow)", strokeOpacity: 0.45 }}
            nodePadding={12}
            nodeWidth={8}
            margin={{ top: 8, bottom: 8, left: 4, right: 4 }}
            iterations={64}
            accessibilityLayer
          >
            <Tooltip
              formatter={(value) => formatUsdExact(Number(value))}
              contentStyle={{ background: "var(--chart-tooltip-bg)", borderColor: "var(--chart-grid)" }}
            />
          </Sankey>
        </div>
      ) : null}
    </figure>
  );
}
