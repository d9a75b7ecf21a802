"use client";

import { startTransition, useEffect, useRef, useState } from "react";

export type ChartSize = { width: number; height: number };

/**
 * The size of the chart's figure, measured in the browser: null during the server render and hydration, then the
 * figure's box, updated when it resizes. Charts draw at that size, and every (re)measurement is a transition: React
 * renders a transition in slices of a few milliseconds and yields to the browser between them, whereas hydrating,
 * or drawing from Recharts' ResponsiveContainer (a plain state update), is one uninterrupted task; drawing the
 * charts of /analysis that way blocked the main thread for seconds (Lighthouse's Total Blocking Time). The figure
 * has a fixed height, so the page does not shift when the drawing appears.
 */
export function useChartSize<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const [size, setSize] = useState<ChartSize | null>(null);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new ResizeObserver(() => {
      const box = element.getBoundingClientRect();
      const next = { width: Math.floor(box.width), height: Math.floor(box.height) };
      if (next.width <= 0 || next.height <= 0) return;
      startTransition(() => setSize((prev) => (prev && prev.width === next.width && prev.height === next.height ? prev : next)));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return { ref, size };
}
