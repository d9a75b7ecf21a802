import Link from "next/link";
import { BACK_PER_DOLLAR_HREF, backToInSentence, formatBackToIn } from "@/components/analysis/circular-flow-list";
import { FirstRows } from "@/components/organizations/more-rows-note";
import { getLoopsOf } from "@/lib/data/analysis";
import type { CircularFlow } from "@/lib/measures/circular-flows";
import { formatUsd } from "@/lib/format";
import { LoopItems } from "./organization-table-rows";
import { dealListHref, PAGE_LINK_IDS } from "@/lib/story/deal-list-href";
import { withAsOf } from "@/lib/story/view-href";

const LINK = "text-link";

/** How many of its loops an organization's page lists, the largest money back first; the CSV has every loop. */
const LOOPS_SHOWN = 5;

/**
 * The circular flows an organization is in (as the investing company, a division through its parent, or as the
 * company spending back), each with its money in and back and links to the loop on /analysis/loops and to its deals on
 * /deals; nothing when it is in none.
 */
export async function OrganizationLoops({ slug, name, asOf }: { slug: string; name: string; asOf: string | null }) {
  const loops = await getLoopsOf(slug, asOf);
  if (loops.length === 0) return null;
  return (
    <section aria-labelledby="organization-loops" className="space-y-2">
      <h2 id="organization-loops" className="text-lg font-semibold">
        Circular flows
      </h2>
      <p className="max-w-3xl text-sm muted">
        Loops {name} is in: an investor put capital into a company that committed to buy compute, cloud capacity or chips back from it (or
        one of its divisions). Money in and back are the pair’s parts of the deals, shared rounds split.{" "}
        <Link href={BACK_PER_DOLLAR_HREF} className={LINK}>
          What back per dollar in means
        </Link>
      </p>
      <FirstRows
        rows={loops}
        // An organization of a large database is in dozens of loops, about 1.3 kB of page each (HTML and React's payload).
        shown={LOOPS_SHOWN}
        what="loops, by money back"
        href={withAsOf("/api/stats/circular-flows?format=csv", asOf)}
        linkText="Every loop as CSV"
        table={(shown) => <LoopList loops={shown} asOf={asOf} />}
      />
    </section>
  );
}

function LoopList({ loops, asOf }: { loops: CircularFlow[]; asOf: string | null }) {
  return (
    <LoopItems
      loops={loops.map((loop) => {
        const params = new URLSearchParams({ investor: loop.investor.key, recipient: loop.company.key });
        const deals = [...loop.moneyIn, ...loop.moneyBack].map((l) => l.dealId);
        const disclosed = (legs: typeof loop.moneyIn) => legs.some((l) => l.basis !== "undisclosed");
        return [
          withAsOf(`/analysis/loops?${params}#loop-${loop.investor.key}-${loop.company.key}`, asOf),
          `${loop.investor.name} → ${loop.company.name}`,
          `: ${disclosed(loop.moneyIn) ? formatUsd(loop.inTotal) : "undisclosed"} in, ${disclosed(loop.moneyBack) ? formatUsd(loop.backTotal) : "undisclosed"} back`,
          loop.backToIn === null ? null : [backToInSentence(loop), formatBackToIn(loop.backToIn)],
          dealListHref(deals, asOf, PAGE_LINK_IDS),
          `its ${new Set(deals).size} deals`,
        ];
      })}
    />
  );
}
