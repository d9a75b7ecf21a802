"use client";

// The network's drawing (network-chart.tsx) from short props computed on the server: a client component's props
// travel once in React's payload beside its HTML, where a server component's elements travel as the HTML and again as
// elements (the network was 52 kB of HTML and as much payload at 100,000 deals). No script is needed to see it: the
// HTML is the same with JavaScript off.
import { NETWORK_HEIGHT, NETWORK_WIDTH } from "./network-size";

/** An edge in drawing order: its kind, its loop's name (circular flows only), arc, arrowhead, colour and width. */
export type PlotEdge = [
  kind: "capital" | "spending_back",
  loopKey: string | null,
  arc: string,
  arrow: string,
  color: string,
  width: number,
];
/** A node: centre, radius, whether it mostly invests, whether it is in a circular flow. */
export type PlotNode = [x: number, y: number, r: number, investor: 0 | 1, inLoop: 0 | 1];
/** A name placed by percentage beside its node, with the translate classes of its side; `phone`: shown on a phone too. */
export type PlotLabel = [name: string, placement: string, left: string, top: string, phone: 0 | 1];

export function NetworkPlot({ edges, nodes, labels }: { edges: PlotEdge[]; nodes: PlotNode[]; labels: PlotLabel[] }) {
  return (
    <div className="relative w-full" style={{ aspectRatio: `${NETWORK_WIDTH} / ${NETWORK_HEIGHT}` }}>
      <svg
        data-chart-plot=""
        aria-hidden="true"
        viewBox={`0 0 ${NETWORK_WIDTH} ${NETWORK_HEIGHT}`}
        preserveAspectRatio="none"
        className="absolute inset-0 h-full w-full overflow-visible"
      >
        <g fill="none" strokeLinecap="round">
          {edges.map(([kind, loopKey, arc, arrow, color, width], i) => (
            <g key={i} data-edge={kind} data-loop={loopKey ?? undefined}>
              <path
                d={arc}
                stroke={color}
                strokeWidth={width}
                strokeDasharray={kind === "spending_back" ? "9 6" : undefined}
                // Round caps would close the dashes' gaps on a wide edge.
                strokeLinecap={kind === "spending_back" ? "butt" : undefined}
                strokeOpacity={loopKey !== null ? 1 : 0.75}
                vectorEffect="non-scaling-stroke"
              />
              <path d={arrow} fill={color} stroke="none" />
            </g>
          ))}
        </g>
        <g>
          {nodes.map(([x, y, r, investor, inLoop], i) => (
            <circle
              key={i}
              cx={x}
              cy={y}
              r={r}
              fill={investor ? "var(--chart-investor)" : "var(--chart-recipient)"}
              stroke={inLoop ? "var(--chart-money-back)" : "var(--chart-tooltip-bg)"}
              strokeWidth={inLoop ? 3 : 1}
              vectorEffect="non-scaling-stroke"
            />
          ))}
        </g>
      </svg>
      <div aria-hidden="true">
        {labels.map(([name, placement, left, top, phone], i) => (
          <span key={i} data-chart-text="" className={`network-label ${phone ? "" : "hidden sm:block"} ${placement}`} style={{ left, top }}>
            {name}
          </span>
        ))}
      </div>
    </div>
  );
}
