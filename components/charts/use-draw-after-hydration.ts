"use client";

import { startTransition, useEffect, useState } from "react";

/**
 * False during the server render and hydration, true once the page is interactive: charts draw their Recharts tree
 * then, in a transition. React renders a transition in slices of a few milliseconds and yields to the browser
 * between them, whereas hydrating or drawing directly is one uninterrupted task; drawing the eight charts of
 * /analysis that way blocked the main thread for seconds (Lighthouse's Total Blocking Time). The chart's figure has
 * a fixed height, so the page does not shift when the drawing appears.
 */
export function useDrawAfterHydration(): boolean {
  const [draw, setDraw] = useState(false);
  useEffect(() => {
    startTransition(() => setDraw(true));
  }, []);
  return draw;
}
