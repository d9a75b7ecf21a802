"use client";

import { usePathname } from "next/navigation";
import type { ReactNode } from "react";

/** The site's header, footer and skip link, left out of /embed pages, which other sites frame and show just a chart. */
export function SiteChrome({ children }: { children: ReactNode }) {
  const pathname = usePathname();
  return pathname.startsWith("/embed/") ? null : children;
}
