import Link from "next/link";
import { Suspense } from "react";
import { MainNav, MainNavLinks } from "./main-nav";
import { SiteSearch } from "./search/site-search";
import { AsOfControl } from "./story/as-of-control";

export function SiteHeader() {
  return (
    <header className="border-b border-gray-200 dark:border-gray-800">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3 sm:px-6">
        <Link
          href="/"
          // prefetch={false}, as in the main navigation (main-nav.tsx).
          prefetch={false}
          className="site-name"
        >
          AI Deal Tracker
        </Link>
        <Suspense fallback={<MainNavLinks asOf={null} />}>
          <MainNav />
        </Suspense>
        <SiteSearch />
        <AsOfControl />
      </div>
    </header>
  );
}
