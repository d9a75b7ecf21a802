import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { CircularFlowList, formatBackToIn } from "@/components/analysis/circular-flow-list";
import { WorkedTable } from "@/components/methodology/worked-table";
import { AsOfBanner } from "@/components/story/as-of-banner";
import { DataFreshness } from "@/components/story/data-freshness";
import { getMethodology } from "@/lib/data/methodology";
import { parseDealFilters } from "@/lib/filters/deal-filters";
import { dealHref } from "@/lib/story/view-href";
import { KIND_LABELS, STATUS_LABELS } from "@/lib/domain";
import { formatAmount, formatDate, formatDecimal, formatNumber, formatShare, formatUsd, formatUsdExact } from "@/lib/format";
import { CAPITAL_KINDS, COUNTED_STATUSES, PIPELINE_STATUSES } from "@/lib/measures/capital";
import { SPEND_BACK_KINDS } from "@/lib/measures/circular-flows";
import { HHI_BANDS, hhiReadingLabel, type HhiTerm } from "@/lib/measures/concentration";

export const metadata: Metadata = { title: "How the numbers are counted" };

const LINK = "text-link";
const list = (items: readonly string[]) => items.join(", ").replace(/, ([^,]*)$/, " and $1");

/**
 * How many terms of the HHI example are written out, the largest first: at 100,000 deals a year has over 1,600
 * recipients, and a row each made the page more than a megabyte. The others are one row, their capital, shares and
 * points summed, so the rows still add up to the total and to the index.
 */
const HHI_TERMS_SHOWN = 25;

function hhiRows(terms: HhiTerm[]): ReactNode[][] {
  const row = (name: string, t: Pick<HhiTerm, "amount" | "share" | "points">) => [
    name,
    formatUsdExact(t.amount),
    formatShare(t.share),
    formatDecimal(t.points, 1),
  ];
  const shown = terms.slice(0, HHI_TERMS_SHOWN).map((t) => row(t.name, t));
  const rest = terms.slice(HHI_TERMS_SHOWN);
  if (rest.length === 0) return shown;
  const summed = rest.reduce((s, t) => ({ amount: s.amount + t.amount, share: s.share + t.share, points: s.points + t.points }), {
    amount: 0n,
    share: 0,
    points: 0,
  });
  return [...shown, row(`The other ${formatNumber(rest.length)} recipients`, summed)];
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="space-y-2">
      <h2 id={id} className="text-xl font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

function DealLink({ id, label, on, asOf }: { id: number; label: string; on: string; asOf: string | null }) {
  return (
    <Link href={dealHref(id, asOf)} className={LINK}>
      {label}, {formatDate(on)}
    </Link>
  );
}

export default async function MethodologyPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  // The worked examples come from the data, which editors change: render on each request, never once at build time.
  await connection();
  // As of a date the worked examples are drawn from the deals as reported then, so every figure quoted is of that date.
  const asOf = parseDealFilters(await searchParams).filters.asOf;
  const m = await getMethodology(asOf);
  const hhi = m.hhiExample;
  const split = m.attributionExample;

  return (
    <article className="max-w-4xl space-y-10 text-gray-800 dark:text-gray-200">
      <AsOfBanner asOf={asOf} todayHref="/methodology" />
      <DataFreshness />
      <header>
        <h1 className="text-2xl font-semibold tracking-tight text-gray-900 sm:text-3xl dark:text-gray-100">How every number is counted</h1>
        <p className="mt-2">
          Every figure on this site comes from one set of measures, computed from the deals in the database and exact to the dollar. The
          worked examples below are computed from the current data by those same measures, so they change when the data does.
        </p>
      </header>

      <Section id="which-deals" title="Which deals count">
        <p>
          <strong>Capital counted</strong> is money invested into companies: deals of kind{" "}
          {list(CAPITAL_KINDS.map((k) => KIND_LABELS[k].toLowerCase()))} with status{" "}
          {list(COUNTED_STATUSES.map((s) => STATUS_LABELS[s].toLowerCase()))}. Today that is{" "}
          <strong title={formatUsdExact(m.summary.total)}>{formatUsd(m.summary.total)}</strong> across {formatNumber(m.summary.dealCount)}{" "}
          deals.
        </p>
        <ul className="list-disc space-y-1 pl-5">
          <li>
            Deals with status {list(PIPELINE_STATUSES.map((s) => STATUS_LABELS[s].toLowerCase()))} are the <em>pipeline</em>: left out
            unless the pipeline switch adds them. Terminated deals never count.
          </li>
          <li>
            Compute and cloud commitments, chip supply, licensing, acquisitions, joint ventures and other transactions are never added to
            capital silently (a $300B compute contract would drown every funding round). The analysis can count all kinds, each as its own
            series, or one kind alone; the page always says what it counts.
          </li>
          <li>A deal is dated by its announcement or first report; quarters and years are calendar ones.</li>
        </ul>
      </Section>

      <Section id="which-amount" title="Which amount counts">
        <ul className="list-disc space-y-1 pl-5">
          <li>A range counts at its low end; “about” and “at least” figures count as reported.</li>
          <li>
            Where only an “up to” figure is known, that figure counts, and the pages say how much of a total comes from such upper bounds.
            Where a lower amount is known as well (“$500M now, up to $2B”), the lower one counts.
          </li>
          <li>An undisclosed amount counts as nothing, and the deal is reported as undisclosed rather than dropped.</li>
        </ul>
        <WorkedTable
          caption="Worked example: the latest counted deal reported each way"
          head={["Deal", "Reported as", "Counted"]}
          rows={m.amountExamples.map((e) => [
            <DealLink key="deal" id={e.id} label={e.label} on={e.announcedOn} asOf={asOf} />,
            formatAmount(e.amountUsdLow, e.amountUsdHigh, e.amountQualifier),
            e.counted.basis === "undisclosed"
              ? "Nothing (undisclosed)"
              : `${formatUsdExact(e.counted.amount)}${e.counted.basis === "upper_bound" ? " (upper bound)" : ""}`,
          ])}
        />
      </Section>

      <Section id="hhi" title="Shares of the largest and the Herfindahl-Hirschman index">
        <p>
          For each period, the counted capital of each recipient (or investor) is divided by the period’s total. The top 1, 3 and 5 shares
          add up the largest of these shares. The <strong>Herfindahl-Hirschman index</strong> (HHI) is the sum of the squared percentage
          shares: 10,000 when one organization takes everything, 5,000 for two equal halves, close to 0 when capital is spread thin. It is
          rounded to a whole number; a period with no counted capital has no index.
        </p>
        <ul className="list-disc space-y-1 pl-5">
          {HHI_BANDS.map((b) => (
            <li key={b.reading}>
              {b.label}: {b.reading === "unconcentrated" ? "below 1,500" : b.reading === "moderate" ? "1,500 to 2,500" : "above 2,500"}.
            </li>
          ))}
        </ul>
        <p>
          These are the readings of the 2010 US Horizontal Merger Guidelines, the usual ones; the 2023 guidelines moved the “highly
          concentrated” mark to 1,800. On the investor side, the part of rounds whose investors were not named is in the total but is
          nobody’s share, so the index treats it as spread thin: a lower bound.
        </p>
        {hhi ? (
          <WorkedTable
            caption={`Worked example: the recipient HHI of ${hhi.year}`}
            head={["Recipient", "Capital counted", "Share", "Share² (points)"]}
            rows={hhiRows(hhi.terms)}
            foot={[
              "Total",
              formatUsdExact(hhi.total),
              formatShare(1),
              `HHI ${formatNumber(hhi.hhi)} (${hhiReadingLabel(hhi.hhi).toLowerCase()})`,
            ]}
          />
        ) : (
          <p>There is no counted capital yet to work an example on.</p>
        )}
      </Section>

      <Section id="attribution" title="Investors’ parts of shared rounds">
        <p>
          A round has one amount and often several investors. Where an investor’s own commitment is reported, it gets that; the rest is
          split in equal parts among the others, the odd dollars going to the first listed (the lead), so that the parts always add up to
          the round. Unnamed parties share as “undisclosed”. Investor rankings, investor-side concentration and capital flows all use these
          parts.
        </p>
        <p>
          So wherever deals are chosen by investor (/deals filtered by an investor, an investor’s page, its API figures), two amounts are
          shown, each labelled: <strong>attributed to</strong> the investor, the sum of its parts, and the{" "}
          <strong>total of the rounds joined</strong>, the whole amounts of the same deals with every investor’s part. An investor’s
          attributed capital over a year is that year’s bar of its chart.
        </p>
        {split ? (
          <WorkedTable
            caption={`Worked example: ${split.deal.label}, ${formatDate(split.deal.announcedOn)}, ${formatUsdExact(split.deal.amount)}`}
            head={["Investor", "Part"]}
            rows={split.parts.map((p) => [p.name, formatUsdExact(p.amount)])}
            foot={[
              <Link key="deal" href={dealHref(split.deal.id, asOf)} className={LINK}>
                The round
              </Link>,
              formatUsdExact(split.deal.amount),
            ]}
          />
        ) : null}
      </Section>

      <Section id="exclusion" title="Excluding an organization">
        <p>
          “Without OpenAI” leaves out what OpenAI received and OpenAI’s own part of the rounds it joined; its co-investors keep their parts.
          Excluding a company excludes its divisions too (Amazon takes AWS with it). Every figure is then computed on the rest of the market
          in the same way.
        </p>
      </Section>

      <Section id="flows" title="Capital flows">
        <p>
          A flow is the counted capital from one investor to one recipient, summed over their deals, with shared rounds split as above. The
          Sankey diagram draws the largest flows and says what the smaller ones add up to; an organization that both invests and receives
          appears on each side.
        </p>
      </Section>

      <Section id="circular-flows" title="Circular flows">
        <p>
          A circular flow is an investor that put {list(CAPITAL_KINDS.map((k) => KIND_LABELS[k].toLowerCase()))} capital into a company,
          where that company in turn committed to spend with the investor: a{" "}
          {list(SPEND_BACK_KINDS.map((k) => KIND_LABELS[k].toLowerCase()))} deal. In the data “investors pay, the recipient receives”, so
          the spending leg is a deal whose investors include the company and whose recipient is the investor or one of its divisions. Both
          legs count when announced or closed (rumored and in talks too under the pipeline switch), a shared round or commitment counts only
          the pair’s part (attributed as above: committed amounts where known, the rest split equally). Each loop lists, per deal, the
          deal’s total and the pair’s part of it; money in is the sum of the investor’s parts and money back the sum of the company’s parts,
          so a $10B round shared with others may add less than $10B.
        </p>
        <p id="back-per-dollar">
          <strong>Money back per dollar in</strong> is money back divided by money in, written as a multiple: 18.3× means the company
          committed $18.30 back to the investor (or its divisions) for each dollar the investor put in. It is shown only when both sides
          have a disclosed amount (a ratio of unknowns is not 0), and it compares commitments over their whole terms with capital already
          invested: it says how much of the investor’s money comes back as its own revenue, not a return on the investment.
        </p>
        <p>Divisions are matched through each organization’s documented parent, never by similar names. The parents recorded today:</p>
        <ul className="list-disc pl-5">
          {m.divisions.map((d) => (
            <li key={d.name}>
              {d.name} belongs to {d.parentName}
            </li>
          ))}
        </ul>
        {m.circularExample ? (
          <>
            <p>
              {formatNumber(m.circularCount)} loops are found in the counted data. The largest, worked out leg by leg (money back per dollar
              in: {formatBackToIn(m.circularExample.backToIn)}):
            </p>
            <CircularFlowList loops={[m.circularExample]} asOf={asOf} open />
          </>
        ) : (
          <p>No circular flow is found in the data yet.</p>
        )}
      </Section>
    </article>
  );
}
