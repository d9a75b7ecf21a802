// Where the network's nodes and labels sit, computed on the server with d3-force: the same data always gives the same
// drawing (d3-force starts nodes on a fixed spiral in the order given and jiggles them with its own seeded generator,
// and the simulation runs a fixed number of ticks, never on a timer). Positions are in a NETWORK_WIDTH x
// NETWORK_HEIGHT viewBox whose box keeps that aspect ratio, so circles stay round.
import { forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY, type SimulationNodeDatum } from "d3-force";

import { NETWORK_HEIGHT, NETWORK_WIDTH } from "./network-size";

export { NETWORK_HEIGHT, NETWORK_WIDTH };
const MARGIN = 40;
const TICKS = 300;
/** About 7 px per character of a 12 px label, in viewBox units at the width the chart usually has (about 900 px). */
const CHAR_WIDTH = 7.5;
const LABEL_HEIGHT = 16;

export type LayoutInput = { weight: number; label: string }[];
export type LayoutEdge = { source: number; target: number; weight: number };
export type PlacedNode = { x: number; y: number; r: number };
/** A label's anchor point and side (text starts at x to the right, ends there to the left, or is centred below/above). */
export type PlacedLabel = { x: number; y: number; side: "right" | "left" | "below" | "above" } | null;

type SimNode = SimulationNodeDatum & { r: number };

const round = (v: number) => Math.round(v * 10) / 10;

/** Node radii by the square root of their weight (area reads as amount), 6 to 28 units. */
function radii(weights: number[]): number[] {
  const max = Math.max(...weights, 1);
  return weights.map((w) => 6 + 22 * Math.sqrt(Math.max(w, 0) / max));
}

/**
 * Layouts already computed, by their input: 300 ticks take 15-50 ms of CPU, and the same network is drawn again for
 * every per-request /analysis with parameters and its embed. Least recently used first out.
 */
const computed = new Map<string, PlacedNode[]>();
const MAX_COMPUTED = 50;

export function layoutNetwork(nodes: LayoutInput, edges: LayoutEdge[]): PlacedNode[] {
  const key = JSON.stringify([nodes.map((n) => n.weight), edges.map((e) => [e.source, e.target, e.weight])]);
  const known = computed.get(key);
  computed.delete(key);
  const placed = known ?? simulateLayout(nodes, edges);
  computed.set(key, placed);
  if (computed.size > MAX_COMPUTED) computed.delete(computed.keys().next().value as string);
  return placed;
}

/** The layout itself, uncached: d3-force from its fixed start for a fixed number of ticks. */
export function simulateLayout(nodes: LayoutInput, edges: LayoutEdge[]): PlacedNode[] {
  if (nodes.length === 0) return [];
  const r = radii(nodes.map((n) => n.weight));
  const sim: SimNode[] = nodes.map((_, i) => ({ index: i, r: r[i] }));
  const maxEdge = Math.max(...edges.map((e) => e.weight), 1);
  const simulation = forceSimulation(sim)
    .force(
      "link",
      forceLink<SimNode, { source: number; target: number; weight: number }>(edges.map((e) => ({ ...e })))
        .distance((l) => 90 + (l.source as unknown as SimNode).r + (l.target as unknown as SimNode).r)
        .strength((l) => 0.2 + 0.5 * Math.sqrt(l.weight / maxEdge)),
    )
    .force("charge", forceManyBody<SimNode>().strength(-260))
    // A node keeps room for its label beside it.
    .force(
      "collide",
      forceCollide<SimNode>((d) => d.r + 18),
    )
    .force("x", forceX<SimNode>(0).strength(0.04))
    .force("y", forceY<SimNode>(0).strength(0.07))
    .stop();
  simulation.tick(TICKS);

  // Fit the layout into the viewBox, keeping its proportions.
  const xs = sim.map((n) => n.x ?? 0);
  const ys = sim.map((n) => n.y ?? 0);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const spanX = Math.max(maxX - minX, 1);
  const spanY = Math.max(maxY - minY, 1);
  const scale = Math.min((NETWORK_WIDTH - 2 * MARGIN - 160) / spanX, (NETWORK_HEIGHT - 2 * MARGIN) / spanY, 3);
  const offsetX = (NETWORK_WIDTH - spanX * scale) / 2;
  const offsetY = (NETWORK_HEIGHT - spanY * scale) / 2;
  return sim.map((n, i) => ({
    x: round(offsetX + ((n.x ?? 0) - minX) * scale),
    y: round(offsetY + ((n.y ?? 0) - minY) * scale),
    r: round(r[i]),
  }));
}

type Box = { left: number; top: number; right: number; bottom: number };
const overlaps = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/**
 * A label for each node, largest first, on the first side where it overlaps no node and no label already placed and
 * stays inside the drawing; null where none is free (the data table names every organization).
 */
export function placeLabels(nodes: LayoutInput, placed: PlacedNode[]): PlacedLabel[] {
  const taken: Box[] = placed.map((p) => ({ left: p.x - p.r, top: p.y - p.r, right: p.x + p.r, bottom: p.y + p.r }));
  const order = nodes.map((_, i) => i).sort((a, b) => nodes[b].weight - nodes[a].weight || a - b);
  const labels: PlacedLabel[] = nodes.map(() => null);
  for (const i of order) {
    const { x, y, r } = placed[i];
    const w = nodes[i].label.length * CHAR_WIDTH;
    const candidates: { label: NonNullable<PlacedLabel>; box: Box }[] = [
      {
        label: { x: x + r + 4, y, side: "right" },
        box: { left: x + r + 2, top: y - LABEL_HEIGHT / 2, right: x + r + 6 + w, bottom: y + LABEL_HEIGHT / 2 },
      },
      {
        label: { x: x - r - 4, y, side: "left" },
        box: { left: x - r - 6 - w, top: y - LABEL_HEIGHT / 2, right: x - r - 2, bottom: y + LABEL_HEIGHT / 2 },
      },
      {
        label: { x, y: y + r + 2, side: "below" },
        box: { left: x - w / 2, top: y + r + 1, right: x + w / 2, bottom: y + r + 2 + LABEL_HEIGHT },
      },
      {
        label: { x, y: y - r - 2, side: "above" },
        box: { left: x - w / 2, top: y - r - 2 - LABEL_HEIGHT, right: x + w / 2, bottom: y - r - 1 },
      },
    ];
    const free = candidates.find(
      (c) =>
        c.box.left >= 0 &&
        c.box.right <= NETWORK_WIDTH &&
        c.box.top >= 0 &&
        c.box.bottom <= NETWORK_HEIGHT &&
        !taken.some((t, j) => j !== i && overlaps(t, c.box)),
    );
    if (free) {
      labels[i] = free.label;
      taken.push(free.box);
    }
  }
  return labels;
}
