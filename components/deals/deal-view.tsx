// The deal page's body and title, shared by its per-request route (app/deals/[id]/page.tsx: with a query, such as
// ?asOf=) and its cached route (app/v/[version]/deals/[id]/page.tsx: the bare address, rendered once per data version,
// see proxy.ts).
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DealList } from "@/components/deals/deal-list";
import { StatusBadge } from "@/components/deals/status-badge";
import { AsOfBanner } from "@/components/story/as-of-banner";
import { DataFreshness } from "@/components/story/data-freshness";
import { getDeal, getDealAsOf } from "@/lib/data/deal";
import { getRelatedDeals } from "@/lib/data/related-deals";
import { dealCard } from "@/lib/share/cards";
import { shareMetadata } from "@/lib/share/share-card";
import { companyHref, dealHref, withAsOf } from "@/lib/story/view-href";
import { KIND_LABELS } from "@/lib/domain";
import { dealTitle } from "@/lib/deals/deal-title";
import { formatAmount, formatDate, formatNumber, formatStake, formatUsd } from "@/lib/format";
import { ExternalLink, hostOf } from "@/components/ui/external-link";

async function loadDeal(id: number) {
  // Answers 404: the page has no loading.tsx, so nothing is sent before this lookup.
  const deal = await getDeal(id);
  if (!deal) notFound();
  return deal;
}

/** The page's title and share card: the round as reported on `asOf` (a round named later must not show in the tab either). */
export async function dealMetadata(id: number, asOf: string | null): Promise<Metadata> {
  const current = await loadDeal(id);
  const deal = (asOf ? await getDealAsOf(current.id, asOf) : null) ?? current;
  const card = await dealCard(deal.id);
  return {
    title: dealTitle({ recipientName: deal.recipient.name, round: deal.round, kind: deal.kind }),
    ...(card && !asOf ? shareMetadata(card) : {}),
  };
}

const MORE_LINK =
  "mt-2 inline-block rounded text-sm text-blue-700 underline focus-visible:outline-2 focus-visible:outline-blue-600 dark:text-blue-400";

const ROLE_LABELS = { lead: "Lead", co_lead: "Co-lead", participant: "Participant" } as const;

/** The deal today, or as reported on `asOf`. */
export async function DealView({ id, asOf }: { id: number; asOf: string | null }) {
  const current = await loadDeal(id);
  // As of a date the page shows what was reported by then and nothing later (lib/data/deal-state.ts): the status,
  // amounts and terms (round, valuation, stake, summary) of the latest step on or before the date, the steps and the sources
  // published by then (undated sources stay: nothing says they are later), and no related deals of today (links to
  // the lists as of the date instead). A deal not yet reported then is shown as today, and says so.
  const reported = asOf ? await getDealAsOf(current.id, asOf) : current;
  const asOfView = asOf !== null && reported !== null ? asOf : null;
  const deal = reported ?? current;
  const { events, sources } = deal;
  const laterReports = current.events.length - events.length + current.sources.length - sources.length;
  const investorSlugs = deal.participations.flatMap((p) => (p.organization ? [p.organization.slug] : []));
  const related = asOfView ? null : await getRelatedDeals({ id: deal.id, recipientSlug: deal.recipient.slug, investorSlugs });
  const recipientDealsHref = withAsOf(`/deals?recipient=${deal.recipient.slug}`, asOf);
  const investorDealsHref = withAsOf(`/deals?${investorSlugs.map((slug) => `investor=${slug}`).join("&")}`, asOf);
  const terms: [string, string][] = [
    ["Amount", formatAmount(deal.amountUsdLow, deal.amountUsdHigh, deal.amountQualifier)],
    ["Kind", KIND_LABELS[deal.kind]],
    ["Announced or first reported", formatDate(deal.announcedOn)],
  ];
  if (deal.originalCurrency !== "USD" && deal.originalAmount !== null)
    terms.push(["Original amount", `${formatNumber(deal.originalAmount)} ${deal.originalCurrency}`]);
  if (deal.postMoneyValuationUsd !== null) terms.push(["Post-money valuation", formatUsd(deal.postMoneyValuationUsd)]);
  if (deal.stakeBps !== null) terms.push(["Stake", formatStake(deal.stakeBps)]);

  return (
    <article className="space-y-8">
      <AsOfBanner asOf={asOf} todayHref={`/deals/${deal.id}`} />
      <DataFreshness edited={{ label: "This deal was", at: deal.revisions[0]?.createdAt ?? null }} />
      {asOf && !reported ? (
        <p role="note" className="rounded border border-gray-300 p-3 dark:border-gray-700">
          This deal had not been reported by {formatDate(asOf)}. What follows is what is known today.
        </p>
      ) : null}
      {asOfView && laterReports > 0 ? (
        <p role="note" className="rounded border border-gray-300 p-3 dark:border-gray-700">
          Reports published after {formatDate(asOfView)} are left out (
          {laterReports === 1 ? "one step or source" : `${laterReports} steps and sources`}):{" "}
          <Link href={`/deals/${deal.id}`} className="underline">
            see the deal today
          </Link>
          .
        </p>
      ) : null}
      <header>
        <p className="text-sm muted">Deal #{deal.id}</p>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight">
          {deal.participations
            .map((p) => p.organization?.name ?? p.partyLabel)
            .slice(0, 4)
            .join(", ")}
          {deal.participations.length > 4 ? ` and ${deal.participations.length - 4} more` : ""} → {deal.recipient.name}
        </h1>
        <div className="mt-2 flex flex-wrap items-center gap-2">
          <StatusBadge status={deal.status} />
          {deal.round ? <span className="text-gray-700 dark:text-gray-300">{deal.round}</span> : null}
          {deal.unverified ? (
            <span className="rounded-full bg-orange-100 px-2 py-0.5 text-xs font-medium text-orange-900 ring-1 ring-orange-300 dark:bg-orange-950 dark:text-orange-200">
              Unverified: no source page was found for some details
            </span>
          ) : null}
        </div>
        {deal.summary ? <p className="mt-3 max-w-3xl text-gray-700 dark:text-gray-300">{deal.summary}</p> : null}
      </header>

      <section aria-labelledby="terms">
        <h2 id="terms" className="text-lg font-semibold">
          Terms
        </h2>
        <dl className="mt-2 grid grid-cols-1 gap-x-6 gap-y-2 sm:grid-cols-2">
          {terms.map(([label, value]) => (
            <div key={label} className="flex justify-between gap-4 border-b border-gray-100 py-1 dark:border-gray-900">
              <dt className="muted">{label}</dt>
              <dd className="text-right font-medium">{value}</dd>
            </div>
          ))}
        </dl>
      </section>

      {deal.roundRef ? (
        <section aria-labelledby="part-of-round">
          <h2 id="part-of-round" className="text-lg font-semibold">
            Part of a round
          </h2>
          <p className="mt-2 text-sm">
            <Link href={`${companyHref(deal.recipient.slug, asOfView)}#round-${deal.roundRef.key}`} className="link">
              {deal.roundRef.name}
            </Link>{" "}
            of {formatDate(deal.roundRef.announcedOn)}, with every participant and its amount on {deal.recipient.name}&rsquo;s page.
          </p>
          {/* Its other deals; as of a date, those reported by then. */}
          {(() => {
            const siblings = deal.roundRef.deals.filter((d) => d.id !== deal.id && (asOfView === null || d.announcedOn <= asOfView));
            return siblings.length > 0 ? (
              <ul className="mt-2 space-y-1 text-sm">
                {siblings.map((d) => (
                  <li key={d.id}>
                    <Link href={dealHref(d.id, asOfView)} className="link">
                      {d.round ?? `Deal ${d.id}`}
                    </Link>{" "}
                    <span className="muted">({formatDate(d.announcedOn)})</span>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="mt-2 text-sm muted">No other deal of this round is recorded.</p>
            );
          })()}
        </section>
      ) : null}

      <section aria-labelledby="participants">
        <h2 id="participants" className="text-lg font-semibold">
          Investors
        </h2>
        {deal.participations.length === 0 ? (
          <p className="mt-2 text-sm muted">No investors named.</p>
        ) : (
          <ul className="mt-2 space-y-1">
            {deal.participations.map((p) => (
              <li key={p.id}>
                <span className="font-medium">{p.organization?.name ?? p.partyLabel}</span>
                <span className="muted">
                  {" "}
                  · {ROLE_LABELS[p.role]}
                  {p.note ? ` (${p.note})` : ""}
                </span>
                {p.committedUsd !== null ? <span> · {formatUsd(p.committedUsd)}</span> : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="lifecycle">
        <h2 id="lifecycle" className="text-lg font-semibold">
          Lifecycle
        </h2>
        <ol className="mt-3 space-y-4 border-l-2 border-gray-200 pl-4 dark:border-gray-800">
          {events.map((event, index) => (
            <li key={event.id} className="relative">
              <span aria-hidden="true" className="absolute -left-[1.4rem] top-1.5 h-3 w-3 rounded-full bg-gray-400 dark:bg-gray-500" />
              <div className="flex flex-wrap items-center gap-2">
                <time dateTime={event.occurredOn} className="font-medium">
                  {formatDate(event.occurredOn)}
                </time>
                <StatusBadge status={event.status} />
                <span>{formatAmount(event.amountUsdLow, event.amountUsdHigh, event.amountQualifier)}</span>
              </div>
              <p className="text-sm text-gray-700 dark:text-gray-300">
                {event.note || (index === 0 ? "First report" : "As reported in the cited source")}
              </p>
              {event.source?.url ? (
                <ExternalLink href={event.source.url} className="text-sm text-blue-700 underline dark:text-blue-400">
                  {event.source.publisher ?? hostOf(event.source.url)}
                </ExternalLink>
              ) : null}
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="sources">
        <h2 id="sources" className="text-lg font-semibold">
          Sources
        </h2>
        <ul className="mt-2 space-y-1">
          {sources.map((s) => (
            <li key={s.id}>
              {s.url ? (
                <ExternalLink href={s.url} className="text-blue-700 underline dark:text-blue-400">
                  {s.title ?? s.publisher ?? s.url}
                </ExternalLink>
              ) : (
                <span>{s.publisher ?? "Source"}</span>
              )}
              {s.publishedOn ? <span className="muted"> · {formatDate(s.publishedOn)}</span> : null}
              {s.unverified ? <span className="ml-2 text-sm font-medium text-orange-800 dark:text-orange-300">unverified</span> : null}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="related">
        <h2 id="related" className="text-lg font-semibold">
          Related deals
        </h2>
        {related === null ? (
          <ul className="mt-2 space-y-1">
            <li>
              <Link href={recipientDealsHref} className={MORE_LINK}>
                All deals of {deal.recipient.name} as of {formatDate(asOfView ?? "")}
              </Link>
            </li>
            {investorSlugs.length > 0 ? (
              <li>
                <Link href={investorDealsHref} className={MORE_LINK}>
                  Every deal of {investorSlugs.length === 1 ? "this investor" : "these investors"} as of {formatDate(asOfView ?? "")}
                </Link>
              </li>
            ) : null}
          </ul>
        ) : (
          <div className="mt-2 grid gap-8 lg:grid-cols-2">
            <section aria-labelledby="related-recipient">
              <h3 id="related-recipient" className="font-semibold">
                Other deals of {deal.recipient.name}
              </h3>
              <DealList deals={related.sameRecipient.deals} empty={`No other deals of ${deal.recipient.name}.`} asOf={null} />
              {related.sameRecipient.total > 0 ? (
                <Link href={recipientDealsHref} className={MORE_LINK}>
                  All deals of {deal.recipient.name}
                </Link>
              ) : null}
            </section>
            <section aria-labelledby="related-investors">
              <h3 id="related-investors" className="font-semibold">
                Deals sharing an investor
              </h3>
              <DealList
                deals={related.sharedInvestors.deals}
                empty={
                  investorSlugs.length > 0
                    ? "No other recipient shares an investor with this deal."
                    : "This deal names no investor to compare."
                }
                asOf={null}
              />
              {related.sharedInvestors.total > related.sharedInvestors.deals.length ? (
                <p className="mt-1 text-sm muted">
                  The {related.sharedInvestors.deals.length} latest of {related.sharedInvestors.total}.
                </p>
              ) : null}
              {investorSlugs.length > 0 ? (
                <Link href={investorDealsHref} className={MORE_LINK}>
                  Every deal of {investorSlugs.length === 1 ? "this investor" : "these investors"}
                </Link>
              ) : null}
            </section>
          </div>
        )}
      </section>

      <section aria-labelledby="history">
        <h2 id="history" className="text-lg font-semibold">
          Revision history
        </h2>
        <ul className="mt-2 space-y-1 text-sm text-gray-700 dark:text-gray-300">
          {deal.revisions.map((r) => (
            <li key={r.id}>
              <time dateTime={r.createdAt}>{r.createdAt.slice(0, 16).replace("T", " ")} UTC</time> · {r.action} by {r.actor}
            </li>
          ))}
        </ul>
      </section>
    </article>
  );
}
