// Organization pages show the first ROWS_SHOWN rows of their ranked tables and say how many there are in all.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { CoInvestorTable } from "@/components/organizations/co-investor-table";
import { FirstRows, ROWS_SHOWN } from "@/components/organizations/more-rows-note";
import { formatNumber } from "@/lib/format";
import { SHARED_ROUNDS_SHOWN, type CoInvestor, type SharedRound } from "@/lib/measures/co-investors";
import { CO_INVESTORS_SORT } from "@/lib/filters/organization-table-sorts";

const coInvestors = (n: number): CoInvestor[] =>
  Array.from({ length: n }, (_, i) => ({ key: `org-${i}`, name: `Org ${i}`, roundCount: 0, rounds: [] }) as CoInvestor);
const render = (rows: CoInvestor[]) =>
  renderToStaticMarkup(
    createElement(FirstRows<CoInvestor>, {
      rows,
      table: (shown) =>
        createElement(CoInvestorTable, {
          rows: shown,
          investorName: "Microsoft",
          asOf: null,
          sort: CO_INVESTORS_SORT.defaultSort,
          sortHref: () => "/",
        }),
      what: "co-investors",
      href: "/deals?investor=microsoft",
      linkText: "Every deal",
    }),
  );
const bodyRows = (html: string) => (html.split("<tbody>")[1]?.match(/<tr/g) ?? []).length;

describe("ranked tables on organization pages", () => {
  it("show the first rows of a long list, the largest first, and say how many there are", () => {
    const html = render(coInvestors(ROWS_SHOWN + 1234));
    expect(bodyRows(html)).toBe(ROWS_SHOWN);
    expect(html).toContain("Org 0<");
    expect(html).not.toContain(`Org ${ROWS_SHOWN}<`);
    expect(html).toContain(`The first ${ROWS_SHOWN} of ${formatNumber(ROWS_SHOWN + 1234)} co-investors.`);
    expect(html).toContain('href="/deals?investor=microsoft"');
  });

  it("show a short list whole, with no note", () => {
    const html = render(coInvestors(ROWS_SHOWN));
    expect(bodyRows(html)).toBe(ROWS_SHOWN);
    expect(html).not.toContain("The first");
  });

  it("link each co-investor's newest shared rounds, not all of them, and count them all", () => {
    const rounds: SharedRound[] = Array.from({ length: 40 }, (_, i) => ({
      key: null,
      name: `Shared ${i}`,
      date: `2020-01-${String((i % 28) + 1).padStart(2, "0")}`,
      recipient: { key: "openai", name: "OpenAI" },
      dealIds: [1000 + i],
    }));
    // As the investor page's view carries them: the newest few, and the count of all.
    const html = render([{ key: "nvidia", name: "Nvidia", roundCount: rounds.length, rounds: rounds.slice(-SHARED_ROUNDS_SHOWN) }]);
    expect((html.match(/href="\/deals\/\d+"/g) ?? []).length).toBe(SHARED_ROUNDS_SHOWN);
    expect(html).toContain('href="/deals/1039"');
    expect(html).not.toContain('href="/deals/1000"');
    // The count of all is the row's "Rounds together", beside the newest.
    expect(html).toContain(">Newest rounds in common<");
    expect(html).toContain(">40<");
  });
});
