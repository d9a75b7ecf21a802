import Link from "next/link";

export function SiteFooter() {
  return (
    <footer className="border-t border-gray-200 text-sm text-gray-600 dark:border-gray-800 dark:text-gray-400">
      <div className="mx-auto max-w-6xl space-y-1 px-4 py-4 sm:px-6">
        <p>
          Data: deals researched from public reporting (2019–2026), each with its cited source; ranges and &ldquo;up to&rdquo; figures are
          kept as reported, and unverified sources are flagged on the deal.
        </p>
        <p>
          Open data and open source. Amounts are in US dollars; figures are exact sums of the listed deals. The{" "}
          <a href="/api/openapi.json" className="underline">
            API
          </a>{" "}
          serves the same data as JSON and CSV.{" "}
          <Link href="/admin" prefetch={false} className="underline">
            Editors sign in here
          </Link>
          .
        </p>
      </div>
    </footer>
  );
}
