"use client";
// Recharts is loaded only where this chart renders (next/dynamic), not with every page that links to a chart page:
// <Link> prefetches pull in the client modules a page's payload names, and Recharts is ~130 kB gzipped. The server
// still renders the chart into the HTML; the browser hydrates it once the chunk has loaded.
import dynamic from "next/dynamic";

export const StackedBarChart = dynamic(() => import("./recharts/stacked-bar-chart").then((m) => m.StackedBarChart));
