"use client";

import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { withAsOf } from "@/lib/story/view-href";

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

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The main navigation of a view "as of" a date keeps the date, like every other link inside it. The pages are cached
 * whole and the layout never sees the query, so the date is read in the browser; without JavaScript the links lead to
 * today's pages (MainNavLinks without a date, the Suspense fallback).
 */
export function MainNav() {
  const asOf = useSearchParams().get("asOf");
  return <MainNavLinks asOf={asOf !== null && DATE.test(asOf) ? asOf : null} />;
}

export function MainNavLinks({ asOf }: { asOf: string | null }) {
  return (
    <nav aria-label="Main">
      <ul className="flex flex-wrap gap-1 text-sm">
        {NAV.map((item) => (
          <li key={item.href}>
            <Link href={withAsOf(item.href, asOf)} prefetch={false} className="nav-link">
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
