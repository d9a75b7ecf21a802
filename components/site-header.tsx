import Link from "next/link";
import { Suspense } from "react";
import { SiteSearch } from "./search/site-search";
import { AsOfControl, AsOfForm } from "./story/as-of-control";

// prefetch={false}: a link in view would otherwise download its page's JavaScript at once, so every page would load
// the chart library of /, /analysis and the organization pages (bench/browser.ts measures it; an e2e test guards it).
const NAV = [
  { href: "/", label: "Overview" },
  { href: "/deals", label: "Deals" },
  { href: "/investors", label: "Investors" },
  { href: "/companies", label: "Companies" },
  { href: "/analysis", label: "Analysis" },
  { href: "/changes", label: "Changes" },
  { href: "/methodology", label: "Methodology" },
];

export function SiteHeader() {
  return (
    <header className="border-b border-gray-200 dark:border-gray-800">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3 sm:px-6">
        <Link
          href="/"
          prefetch={false}
          className="text-lg font-semibold tracking-tight focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600"
        >
          AI Deal Tracker
        </Link>
        <nav aria-label="Main">
          <ul className="flex flex-wrap gap-1 text-sm">
            {NAV.map((item) => (
              <li key={item.href}>
                <Link
                  href={item.href}
                  prefetch={false}
                  className="rounded px-3 py-2 hover:bg-gray-100 focus-visible:outline-2 focus-visible:outline-blue-600 dark:hover:bg-gray-800"
                >
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <SiteSearch />
        <Suspense fallback={<AsOfForm asOf="" kept={[]} />}>
          <AsOfControl />
        </Suspense>
      </div>
    </header>
  );
}
