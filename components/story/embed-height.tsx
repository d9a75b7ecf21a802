"use client";

import { useEffect } from "react";

/** The message an embed page posts to the page that frames it (documented in docs/using.md). */
export const EMBED_HEIGHT_MESSAGE = "ai-deal-tracker:embed-height";

/**
 * Posts the embed's height to the host page whenever it changes (a narrower frame wraps the text and the legend), so a
 * host that listens can size its iframe to the content. Hosts that do not listen keep the snippet's height, which
 * already fits the chart at the snippet's width. The height is the figure's, plus the page's bottom padding: the
 * document's own height is never less than the frame's, so it could grow a frame but never shrink it.
 */
export function EmbedHeight({ targetId }: { targetId: string }) {
  useEffect(() => {
    if (window.parent === window) return;
    const target = document.getElementById(targetId);
    if (!target) return;
    let last = 0;
    const post = () => {
      const container = target.parentElement;
      const padding = container ? parseFloat(getComputedStyle(container).paddingBottom) || 0 : 0;
      const height = Math.ceil(target.getBoundingClientRect().bottom + window.scrollY + padding);
      if (height === last) return;
      last = height;
      window.parent.postMessage({ type: EMBED_HEIGHT_MESSAGE, height, href: window.location.href }, "*");
    };
    const observer = new ResizeObserver(post);
    observer.observe(target);
    post();
    return () => observer.disconnect();
  }, [targetId]);
  return null;
}
