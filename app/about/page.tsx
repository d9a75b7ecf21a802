import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "About" };

const LINK = "text-link";

// Static on purpose: it reads nothing, so Next prerenders it at build time. The benchmark (npm run bench) uses it as
// the ceiling that every other page's throughput is compared with.
export default function AboutPage() {
  return (
    <div className="max-w-3xl space-y-4">
      <h1 className="text-2xl font-semibold tracking-tight sm:text-3xl">About this tracker</h1>
      <p>
        The AI Deal Tracker records who invested how much in which AI company, when, on what terms and how sure the report is, with a source
        for every deal. It is open source and self-hostable: one Node.js process and one database file.
      </p>
      <p>
        Read{" "}
        <Link className={LINK} href="/methodology">
          how every number is counted
        </Link>
        , browse{" "}
        <Link className={LINK} href="/deals">
          the deals
        </Link>
        , or fetch the same data from{" "}
        <a className={LINK} href="/api/openapi.json">
          the API
        </a>
        .
      </p>
    </div>
  );
}
