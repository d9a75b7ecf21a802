"use client";

import { useState } from "react";
import { formatDate, formatInstant } from "@/lib/format";

// Saves the chart as drawn, as a file that stands alone: its <svg> with the title, what is counted and a legend on
// top, its HTML axis labels written in as <text>, and below it the date of the data and a source line naming the
// dashboard and the chart's address; as SVG or as PNG. It reads the drawing from the page, so it carries no chart data of its own. CSS variables (the
// chart colours, light or dark) do not survive outside the page, so every element gets its computed colours and
// fonts written inline first; the PNG is that SVG painted on a canvas at twice the size.

// Inherited properties are written only where they change from the parent, so the file stays small.
const INHERITED = [
  "fill",
  "fill-opacity",
  "stroke",
  "stroke-width",
  "stroke-opacity",
  "stroke-dasharray",
  "font-family",
  "font-size",
  "font-weight",
  "text-anchor",
  "visibility",
];
const COLOR_PROPERTIES = new Set(["fill", "stroke"]);
const HEADER_LINE = 20;
const PADDING = 8;

type LegendEntry = { label: string; color: string };
/** What the file says around the drawing. */
type Caption = { title: string; counted: string; legend: LegendEntry[]; footer: string[] };

/** Words wrapped into lines of about `width` px at 12 px (about 7 px per character). */
function wrap(text: string, width: number): string[] {
  const perLine = Math.max(20, Math.floor(width / 7));
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > perLine) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * The lines under the drawing: when the data last changed (and the date shown, for a view as of a date) and the
 * source, this dashboard and the chart's address in this view.
 */
export function exportFooter(changedAt: string | null, href: string, id: string): string[] {
  const url = new URL(href);
  url.hash = id;
  const asOf = url.searchParams.get("asOf");
  const dates = [
    asOf && /^\d{4}-\d{2}-\d{2}$/.test(asOf) ? `As reported on ${formatDate(asOf)}.` : "",
    changedAt ? `Data last changed ${formatInstant(changedAt)}.` : "",
  ].filter(Boolean);
  return [...(dates.length > 0 ? [dates.join(" ")] : []), `Source: AI Deal Tracker, ${url.href}`];
}

/**
 * Any CSS colour as plain rgb()/rgba(): Tailwind's lab() and oklch() colours, which other SVG readers do not know,
 * are painted on a 1-pixel canvas and read back.
 */
function toRgb(color: string, cache: Map<string, string>): string {
  if (color === "none" || color.startsWith("url(") || color.startsWith("rgb")) return color;
  const known = cache.get(color);
  if (known) return known;
  const context = document.createElement("canvas").getContext("2d", { willReadFrequently: true });
  if (!context) return color;
  context.fillStyle = color;
  context.fillRect(0, 0, 1, 1);
  const [r, g, b, a] = context.getImageData(0, 0, 1, 1).data;
  const rgb = a === 255 ? `rgb(${r}, ${g}, ${b})` : `rgba(${r}, ${g}, ${b}, ${(a / 255).toFixed(3)})`;
  cache.set(color, rgb);
  return rgb;
}

/**
 * The chart's drawing: the server-drawn plot (data-chart-plot) or else the largest <svg> inside the chart body (the
 * Sankey diagram, not a legend icon).
 */
function findChartSvg(bodyId: string): SVGSVGElement | null {
  const body = document.getElementById(bodyId);
  if (!body) return null;
  const plot = body.querySelector<SVGSVGElement>("svg[data-chart-plot]");
  if (plot) return plot;
  let best: SVGSVGElement | null = null;
  let bestArea = 0;
  for (const svg of body.querySelectorAll("svg")) {
    const { width, height } = svg.getBoundingClientRect();
    if (width * height > bestArea) {
      best = svg;
      bestArea = width * height;
    }
  }
  return best;
}

/** The HTML text drawn around a plot (axis ticks, band labels) that the file must carry, where it is visible. */
function chartTexts(bodyId: string): HTMLElement[] {
  const body = document.getElementById(bodyId);
  if (!body) return [];
  return [...body.querySelectorAll<HTMLElement>("[data-chart-text]")].filter((e) => e.getClientRects().length > 0 && e.textContent);
}

function inlineComputedStyles(source: SVGSVGElement, clone: SVGSVGElement, colors: Map<string, string>) {
  const from = [source, ...source.querySelectorAll("*")];
  const to = [clone, ...clone.querySelectorAll("*")];
  from.forEach((element, i) => {
    const target = to[i];
    // Attributes naming CSS variables mean nothing outside the page: the computed values below replace them.
    for (const attribute of [...target.attributes]) if (attribute.value.includes("var(")) target.removeAttribute(attribute.name);
    const computed = getComputedStyle(element);
    const parent = element === source ? null : getComputedStyle(element.parentElement as Element);
    const declarations = INHERITED.filter((p) => parent === null || computed.getPropertyValue(p) !== parent.getPropertyValue(p)).map(
      (p) => {
        const value = computed.getPropertyValue(p);
        return `${p}:${COLOR_PROPERTIES.has(p) ? toRgb(value, colors) : value}`;
      },
    );
    // Not inherited: written wherever they are not the default.
    if (computed.opacity !== "1") declarations.push(`opacity:${computed.opacity}`);
    const baseline = computed.getPropertyValue("dominant-baseline");
    if (baseline && baseline !== "auto") declarations.push(`dominant-baseline:${baseline}`);
    target.setAttribute("style", declarations.join(";"));
  });
}

/** A CSS colour (a variable included) as the page resolves it here, in light or dark mode. */
function resolveColor(color: string, context: Element, colors: Map<string, string>): string {
  const probe = document.createElement("span");
  probe.style.color = color;
  context.appendChild(probe);
  const resolved = getComputedStyle(probe).color;
  probe.remove();
  return toRgb(resolved, colors);
}

function svgElement<K extends keyof SVGElementTagNameMap>(name: K, attributes: Record<string, string | number>): SVGElementTagNameMap[K] {
  const element = document.createElementNS("http://www.w3.org/2000/svg", name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, String(value));
  return element;
}

/** The standalone SVG document: background, title, legend, then the chart with its HTML labels written as <text>. */
function serializeChart(
  source: SVGSVGElement,
  texts: HTMLElement[],
  { title, counted, legend, footer }: Caption,
): { markup: string; width: number; height: number } {
  const plot = source.getBoundingClientRect();
  // The drawing's box: the plot and every label around it.
  const boxes = texts.map((t) => t.getBoundingClientRect());
  const left = Math.min(plot.left, ...boxes.map((b) => b.left));
  const top = Math.min(plot.top, ...boxes.map((b) => b.top));
  const width = Math.max(plot.right, ...boxes.map((b) => b.right)) - left;
  const height = Math.max(plot.bottom, ...boxes.map((b) => b.bottom)) - top;
  const colors = new Map<string, string>();
  const page = getComputedStyle(document.body);
  const font = page.fontFamily;
  const [background, foreground] = [toRgb(page.backgroundColor, colors), toRgb(page.color, colors)];
  // Lay the legend out in lines that fit the chart's width (about 7 px per character at 12 px).
  const placed: { entry: LegendEntry; x: number; line: number }[] = [];
  let x = PADDING;
  let line = 0;
  for (const entry of legend) {
    const w = 18 + entry.label.length * 7 + 12;
    if (x + w > width && x > PADDING) {
      line++;
      x = PADDING;
    }
    placed.push({ entry, x, line });
    x += w;
  }
  const countedLines = wrap(counted, width);
  const legendTop = PADDING + HEADER_LINE * (1 + countedLines.length);
  const header = legendTop + (legend.length > 0 ? HEADER_LINE * (line + 1) : 0) + PADDING;
  const footerLines = footer.flatMap((f) => wrap(f, width));
  const totalWidth = Math.ceil(width + 2 * PADDING);
  const totalHeight = Math.ceil(height + header + PADDING + HEADER_LINE * footerLines.length + PADDING);

  const root = svgElement("svg", {
    xmlns: "http://www.w3.org/2000/svg",
    width: totalWidth,
    height: totalHeight,
    viewBox: `0 0 ${totalWidth} ${totalHeight}`,
  });
  root.appendChild(svgElement("rect", { width: "100%", height: "100%", fill: background }));
  const heading = svgElement("text", {
    x: PADDING,
    y: PADDING + 14,
    fill: foreground,
    "font-family": font,
    "font-size": 14,
    "font-weight": 600,
  });
  heading.textContent = title;
  root.appendChild(heading);
  const small = (text: string, y: number, kind: string) => {
    const element = svgElement("text", { x: PADDING, y, fill: foreground, "font-family": font, "font-size": 12, "data-export": kind });
    element.textContent = text;
    root.appendChild(element);
  };
  countedLines.forEach((text, i) => small(text, PADDING + HEADER_LINE * (i + 1) + 14, "counted"));
  for (const { entry, x: at, line: row } of placed) {
    const y = legendTop + HEADER_LINE * row;
    root.appendChild(svgElement("rect", { x: at, y: y + 4, width: 12, height: 12, fill: resolveColor(entry.color, source, colors) }));
    const label = svgElement("text", {
      x: at + 18,
      y: y + 14,
      fill: foreground,
      "font-family": font,
      "font-size": 12,
      "data-export": "legend",
    });
    label.textContent = entry.label;
    root.appendChild(label);
  }
  const chart = source.cloneNode(true) as SVGSVGElement;
  inlineComputedStyles(source, chart, colors);
  for (const tooltip of chart.querySelectorAll("title")) tooltip.remove();
  chart.setAttribute("x", String(PADDING + plot.left - left));
  chart.setAttribute("y", String(header + plot.top - top));
  chart.setAttribute("width", String(plot.width));
  chart.setAttribute("height", String(plot.height));
  root.appendChild(chart);
  texts.forEach((element, i) => {
    const style = getComputedStyle(element);
    const box = boxes[i];
    const text = svgElement("text", {
      x: PADDING + box.left - left,
      // The baseline of one line of text, about four fifths down its box.
      y: header + box.top - top + box.height * 0.8,
      fill: toRgb(style.color, colors),
      "font-family": style.fontFamily,
      "font-size": parseFloat(style.fontSize),
    });
    text.textContent = element.textContent;
    root.appendChild(text);
  });
  footerLines.forEach((text, i) =>
    small(text, header + height + PADDING + HEADER_LINE * i + 14, i === footerLines.length - 1 ? "source" : "footer"),
  );
  return { markup: new XMLSerializer().serializeToString(root), width: totalWidth, height: totalHeight };
}

function saveBlob(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function rasterize(markup: string, width: number, height: number): Promise<Blob> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    const url = URL.createObjectURL(new Blob([markup], { type: "image/svg+xml;charset=utf-8" }));
    image.onload = () => {
      const scale = 2;
      const canvas = document.createElement("canvas");
      canvas.width = width * scale;
      canvas.height = height * scale;
      const context = canvas.getContext("2d");
      if (!context) return reject(new Error("no canvas"));
      context.scale(scale, scale);
      context.drawImage(image, 0, 0, width, height);
      URL.revokeObjectURL(url);
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("empty image"))), "image/png");
    };
    image.onerror = () => {
      URL.revokeObjectURL(url);
      reject(new Error("the chart could not be drawn as an image"));
    };
    image.src = url;
  });
}

const BUTTON = "button";

export function ChartExport({
  bodyId,
  chartId,
  title,
  countedId,
  fileName,
  legend,
  changedAt,
  disabled,
}: {
  bodyId: string;
  /** The chart's anchor on its page, for the source line. */
  chartId: string;
  title: string;
  /** The element whose text says what the chart counts (the frame's description). */
  countedId: string;
  fileName: string;
  legend: LegendEntry[];
  /** When the data last changed (ISO 8601). */
  changedAt: string | null;
  disabled: boolean;
}) {
  const [status, setStatus] = useState("");

  async function download(format: "svg" | "png") {
    const svg = findChartSvg(bodyId);
    if (!svg) {
      setStatus("There is no drawing to download yet.");
      return;
    }
    try {
      const counted = document.getElementById(countedId)?.textContent?.replace(/\s+/g, " ").trim() ?? "";
      const footer = exportFooter(changedAt, window.location.href, chartId);
      const { markup, width, height } = serializeChart(svg, chartTexts(bodyId), { title, counted, legend, footer });
      const blob = format === "svg" ? new Blob([markup], { type: "image/svg+xml;charset=utf-8" }) : await rasterize(markup, width, height);
      saveBlob(blob, `${fileName}.${format}`);
      setStatus(`Saved ${fileName}.${format}`);
    } catch (error) {
      setStatus(`Download failed: ${(error as Error).message}`);
    }
  }

  return (
    <>
      {(["png", "svg"] as const).map((format) => (
        <button key={format} type="button" className={BUTTON} disabled={disabled} onClick={() => download(format)}>
          Download {format.toUpperCase()}
          <span className="sr-only"> of {title}</span>
        </button>
      ))}
      <span role="status" className="sr-only">
        {status}
      </span>
    </>
  );
}
