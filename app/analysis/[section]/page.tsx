// A section of /analysis on a page of its own (/analysis/flows, /analysis/network, …), for the view its query asks
// for, rendered per request. Its bare address is served from app/v/[version]/analysis/[section] (proxy.ts).
import type { Metadata } from "next";
import { analysisSectionPage } from "@/components/analysis/analysis-section-pages";

type Props = {
  params: Promise<{ section: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: analysisSectionPage((await params).section).title };
}

export default async function AnalysisSectionRoute({ params, searchParams }: Props) {
  return analysisSectionPage((await params).section).render(await searchParams);
}
