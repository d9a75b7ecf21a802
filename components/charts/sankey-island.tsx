"use client";

import { lazy, Suspense, useEffect, useRef, useState } from "react";
import { sankeyHeight, type SankeyChartLink, type SankeyChartNode } from "./sankey-size";

// Recharts (about 130 kB gzipped) is loaded only for this diagram, and only when it comes within a screen of the
// viewport: pages whose Sankey is below the fold do not download it to load. Until then a placeholder of the same
// size stands in; the flows are in the data table under it, without JavaScript too.
const SankeyChart = lazy(() => import("./sankey-chart").then((m) => ({ default: m.SankeyChart })));

export function SankeyIsland({ nodes, links, ariaLabel }: { nodes: SankeyChartNode[]; links: SankeyChartLink[]; ariaLabel: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const [near, setNear] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          setNear(true);
          observer.disconnect();
        }
      },
      { rootMargin: "50% 0px" },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  const placeholder = (
    <figure
      aria-label={ariaLabel}
      className="flex w-full items-center justify-center rounded bg-gray-50 text-sm text-gray-600 dark:bg-gray-900 dark:text-gray-400"
      style={{ height: sankeyHeight(nodes) }}
    >
      The diagram draws when it scrolls into view.
    </figure>
  );
  return (
    <div ref={ref}>
      {near ? (
        <Suspense fallback={placeholder}>
          <SankeyChart nodes={nodes} links={links} ariaLabel={ariaLabel} />
        </Suspense>
      ) : (
        placeholder
      )}
    </div>
  );
}
