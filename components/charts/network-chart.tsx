import { NETWORK_HEIGHT, NETWORK_WIDTH, layoutNetwork, placeLabels } from "./network-layout";
import { NetworkPlot, type PlotEdge, type PlotLabel, type PlotNode } from "./network-plot";

// The network laid out on the server and drawn as SVG, like the bar and line charts: no layout code reaches the browser;
// the drawing is a client component given the computed paths, circles and labels (network-plot.tsx), so that it
// travels once beside its HTML.
// The box keeps the viewBox's aspect ratio, so circles stay round; edges keep their pixel width at any size through
// vector-effect. Names are HTML placed by percentage (marked data-chart-text, so the PNG/SVG export writes them in),
// and only where they overlap nothing (network-layout.ts); the drawing is aria-hidden: the data table beside it is
// the accessible text, every edge a row.

export type NetworkChartNode = { name: string; weight: number; side: "investor" | "recipient"; inLoop: boolean };
export type NetworkChartEdge = {
  source: number;
  target: number;
  weight: number;
  kind: "capital" | "spending_back";
  loop: boolean;
  loopKey?: string;
};

export const NETWORK_LEGEND = [
  { key: "investor", label: "Mostly invests", color: "var(--chart-investor)" },
  { key: "recipient", label: "Mostly receives", color: "var(--chart-recipient)" },
  { key: "capital", label: "Capital (width: amount)", color: "var(--chart-flow)" },
  { key: "loop", label: "Capital in a circular flow", color: "var(--chart-money-in)" },
  { key: "back", label: "Spending back (dashed)", color: "var(--chart-money-back)" },
];

/** On a phone only the largest names show (the plot is a third as wide, its labels as tall). */
const PHONE_LABELS = 6;

const pct = (v: number, of: number) => `${Math.round((v / of) * 10000) / 100}%`;
const r1 = (v: number) => Math.round(v * 10) / 10;

/** A name's translate classes by the side of its node it is placed on. */
const PLACEMENT = {
  right: "-translate-y-1/2",
  left: "-translate-x-full -translate-y-1/2",
  below: "-translate-x-1/2",
  above: "-translate-x-1/2 -translate-y-full",
} as const;

function edgeColor(edge: NetworkChartEdge): string {
  return edge.kind === "spending_back" ? "var(--chart-money-back)" : edge.loop ? "var(--chart-money-in)" : "var(--chart-flow)";
}

export function NetworkChart({ nodes, edges, ariaLabel }: { nodes: NetworkChartNode[]; edges: NetworkChartEdge[]; ariaLabel: string }) {
  const placed = layoutNetwork(
    nodes.map((n) => ({ weight: n.weight, label: n.name })),
    edges,
  );
  const labels = placeLabels(
    nodes.map((n) => ({ weight: n.weight, label: n.name })),
    placed,
  );
  const byWeight = nodes.map((_, i) => i).sort((a, b) => nodes[b].weight - nodes[a].weight || a - b);
  const rank = new Map(byWeight.map((node, i) => [node, i]));
  const maxEdge = Math.max(...edges.map((e) => e.weight), 1);
  // Smaller edges first, and the circular flows last, so that they are drawn on top.
  const drawOrder = edges
    .map((_, i) => i)
    .sort((a, b) => Number(edges[a].loop) - Number(edges[b].loop) || edges[a].weight - edges[b].weight);
  const plotEdges: PlotEdge[] = drawOrder.map((i) => {
    const edge = edges[i];
    const [s, t] = [placed[edge.source], placed[edge.target]];
    const [dx, dy] = [t.x - s.x, t.y - s.y];
    const length = Math.hypot(dx, dy) || 1;
    // Bent to the right of its direction, so that A -> B and B -> A are two arcs.
    const [cx, cy] = [(s.x + t.x) / 2 - (dy / length) * length * 0.15, (s.y + t.y) / 2 + (dx / length) * length * 0.15];
    // The arc ends at the target's rim, where its arrowhead points in.
    const [tx, ty] = [t.x - cx, t.y - cy];
    const tl = Math.hypot(tx, ty) || 1;
    const [ex, ey] = [t.x - (tx / tl) * (t.r + 2), t.y - (ty / tl) * (t.r + 2)];
    const head = 9;
    const [ux, uy] = [tx / tl, ty / tl];
    const arrow = `M${r1(ex)} ${r1(ey)}L${r1(ex - ux * head - uy * head * 0.55)} ${r1(ey - uy * head + ux * head * 0.55)}L${r1(ex - ux * head + uy * head * 0.55)} ${r1(ey - uy * head - ux * head * 0.55)}Z`;
    const arc = `M${r1(s.x)} ${r1(s.y)}Q${r1(cx)} ${r1(cy)} ${r1(ex - ux * head * 0.6)} ${r1(ey - uy * head * 0.6)}`;
    return [edge.kind, edge.loop ? (edge.loopKey ?? "") : null, arc, arrow, edgeColor(edge), r1(1 + 7 * Math.sqrt(edge.weight / maxEdge))];
  });
  const plotNodes: PlotNode[] = placed.map((p, i) => [p.x, p.y, p.r, nodes[i].side === "investor" ? 1 : 0, nodes[i].inLoop ? 1 : 0]);
  const plotLabels: PlotLabel[] = labels.flatMap((label, i) =>
    label
      ? [
          [
            nodes[i].name,
            PLACEMENT[label.side],
            pct(label.x, NETWORK_WIDTH),
            pct(label.y, NETWORK_HEIGHT),
            (rank.get(i) ?? 0) < PHONE_LABELS ? 1 : 0,
          ] satisfies PlotLabel,
        ]
      : [],
  );
  return (
    <figure aria-label={ariaLabel} className="w-full">
      <NetworkPlot edges={plotEdges} nodes={plotNodes} labels={plotLabels} />
      <ul className="mt-3 flex flex-wrap justify-center gap-x-4 gap-y-1 text-xs">
        {NETWORK_LEGEND.map((item, i) => (
          <li key={item.label} className="flex items-center gap-1.5">
            <span
              aria-hidden="true"
              className={i < 2 ? "inline-block h-2.5 w-2.5 rounded-full" : "inline-block h-0.5 w-3.5"}
              style={{ background: item.color }}
            />
            {item.label}
          </li>
        ))}
      </ul>
    </figure>
  );
}
