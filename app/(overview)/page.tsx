import { OverviewView, type Query } from "@/components/overview/overview-view";

// Per request: the overview for a query with parameters (?include=…, ?asOf=…). The bare "/" is rewritten by proxy.ts
// to the cached app/v/[version]/page.tsx.
export default async function OverviewPage({ searchParams }: { searchParams: Promise<Query> }) {
  return <OverviewView query={await searchParams} />;
}
