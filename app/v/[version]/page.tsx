// The bare "/" as a cached page: proxy.ts rewrites "/" (no query) to /v/<data version>, and Next renders each version
// once, on its first request, and serves it from its cache after that (incremental static regeneration with no
// time limit). A write makes a new data version, so the next request of any app process asks for a page that was
// never rendered: nothing stale is ever served, and nothing is recomputed between writes.
import { OverviewView } from "@/components/overview/overview-view";

// No version is known at build time: each is rendered on its first request and then kept (see lib/page-cache-handler).
export const dynamicParams = true;
export function generateStaticParams(): { version: string }[] {
  return [];
}

export default function CachedOverviewPage() {
  return <OverviewView query={{}} />;
}
