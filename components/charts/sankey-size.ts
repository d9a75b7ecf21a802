// The Sankey diagram's height, shared by the diagram (Recharts, loaded late) and its placeholder (drawn at once), so
// the page does not move when the diagram arrives.
export type SankeyChartNode = { name: string; side: "investor" | "recipient" };
export type SankeyChartLink = { source: number; target: number; value: number };

export function sankeyHeight(nodes: SankeyChartNode[]): number {
  const perSide = Math.max(nodes.filter((n) => n.side === "investor").length, nodes.filter((n) => n.side === "recipient").length);
  return Math.max(320, perSide * 30);
}
