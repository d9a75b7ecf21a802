import type { Metadata } from "next";
import Link from "next/link";
import { ParamIssues } from "@/components/ui/param-issues";
import { searchSite } from "@/lib/data/search";
import { ORGANIZATION_TYPE_LABELS, STATUS_LABELS, type OrganizationType } from "@/lib/domain";
import { parseSearchQuery } from "@/lib/filters/search-query";
import { formatAmount, formatDate } from "@/lib/format";

export const metadata: Metadata = { title: "Search" };

const RESULTS_PER_KIND = 20;
const LINK = "text-link";

/** /search?q= : what the header's search box opens on Enter, or submits to without JavaScript. */
export default async function SearchPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { query, issues } = parseSearchQuery({ ...(await searchParams), limit: undefined });
  const { organizations, deals } = query.q === "" ? { organizations: [], deals: [] } : await searchSite(query.q, RESULTS_PER_KIND);
  const best = organizations[0];
  const moreDeals = best
    ? {
        href: `/deals?${best.type === "ai_lab" || best.type === "corporate" ? "recipient" : "investor"}=${best.slug}`,
        label: `Every deal of ${best.name}`,
      }
    : { href: `/deals?q=${encodeURIComponent(query.q)}`, label: `Every deal mentioning “${query.q}”` };

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight sm:text-3xl">Search</h1>
        <form method="get" action="/search" role="search" aria-label="Search organizations and deals" className="mt-3 flex max-w-xl gap-2">
          <label htmlFor="search-page-q" className="sr-only">
            Search organizations and deals
          </label>
          <input
            id="search-page-q"
            name="q"
            type="search"
            defaultValue={query.q}
            className="min-w-0 flex-1 rounded border border-gray-300 bg-white px-2 py-1 focus-visible:outline-2 focus-visible:outline-blue-600 dark:border-gray-700 dark:bg-gray-900"
          />
          <button
            type="submit"
            className="rounded border border-gray-300 px-3 py-1 hover:bg-gray-100 focus-visible:outline-2 focus-visible:outline-blue-600 dark:border-gray-700 dark:hover:bg-gray-800"
          >
            Search
          </button>
        </form>
      </div>
      <ParamIssues issues={issues} />
      {query.q === "" ? (
        <p className="muted">Type an organization’s name or alias (typos are forgiven), or words of a deal.</p>
      ) : (
        <>
          <section aria-labelledby="search-organizations">
            <h2 id="search-organizations" className="text-lg font-semibold">
              Organizations
            </h2>
            {organizations.length === 0 ? (
              <p className="mt-2 muted">No organization’s name or alias is close to “{query.q}”.</p>
            ) : (
              <ul className="mt-2 space-y-1">
                {organizations.map((o) => (
                  <li key={o.slug} className="break-words">
                    <Link href={o.href} prefetch={false} className={LINK}>
                      {o.name}
                    </Link>{" "}
                    <span className="text-sm muted">
                      {ORGANIZATION_TYPE_LABELS[o.type as OrganizationType] ?? o.type}
                      {o.matched !== o.name ? ` · matched “${o.matched}”` : ""}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="search-deals">
            <h2 id="search-deals" className="text-lg font-semibold">
              Deals
            </h2>
            {deals.length === 0 ? (
              <p className="mt-2 muted">No deal matches.</p>
            ) : (
              <ul className="mt-2 space-y-1">
                {deals.map((d) => (
                  <li key={d.id} className="break-words">
                    <Link href={`/deals/${d.id}`} prefetch={false} className={LINK}>
                      {d.title}
                    </Link>{" "}
                    <span className="text-sm muted">
                      {formatDate(d.announcedOn)} · {STATUS_LABELS[d.status]} ·{" "}
                      {formatAmount(d.amountUsdLow, d.amountUsdHigh, d.amountQualifier)}
                    </span>
                  </li>
                ))}
              </ul>
            )}
            <p className="mt-3">
              <Link href={moreDeals.href} prefetch={false} className={LINK}>
                {moreDeals.label}
              </Link>
            </p>
          </section>
        </>
      )}
    </div>
  );
}
