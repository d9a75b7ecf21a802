// The figures the README and docs state about the shipped data are the data's: a count typed by hand goes stale the
// day the seed grows, so each stated count is checked against the seed CSV.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { attributedInSeed, capitalOf, recipientHhiByYear, rowsWithInvestor, seedRows } from "../support/seed-csv";

const root = process.cwd();
const docs = [
  "README.md",
  ...readdirSync(path.join(root, "docs"))
    .filter((f) => f.endsWith(".md"))
    .map((f) => path.join("docs", f)),
];

describe("the README's account of the shipped data", () => {
  it("states the number of researched deals the seed holds", () => {
    const stated = docs.flatMap((file) =>
      [...readFileSync(path.join(root, file), "utf8").matchAll(/(\d[\d,]*) researched deals/g)].map((m) => [file, m[1]]),
    );
    expect(stated.length).toBeGreaterThan(0);
    for (const [file, count] of stated) expect(Number(count.replace(/,/g, "")), file).toBe(seedRows.length);
  });

  it("states the years the seed covers", () => {
    const readme = readFileSync(path.join(root, "README.md"), "utf8");
    const dates = seedRows.map((r) => r.announced_on).sort();
    const [, from, to] = /researched deals from (\d{4}) to mid-(\d{4})/.exec(readme) ?? [];
    expect([from, to]).toEqual([dates[0].slice(0, 4), dates.at(-1)!.slice(0, 4)]);
    expect(dates.at(-1)! <= `${to}-07-31`).toBe(true);
  });

  it("states capital counted and Amazon's attributed capital as the CSV sums them", () => {
    const using = readFileSync(path.join(root, "docs", "using.md"), "utf8");
    const dollars = (text: string) => BigInt(text.replace(/[$,]/g, ""));
    const [, capital, counted] = /capital counted is (\$[\d,]+) across (\d+) deals/.exec(using) ?? [];
    expect({ total: dollars(capital ?? "0"), deals: Number(counted) }).toEqual(capitalOf(seedRows));
    const [, amazonDeals, amazonCapital] = /Amazon has (\d+) deals and (\$[\d,]+) of counted capital/.exec(using) ?? [];
    expect([Number(amazonDeals), dollars(amazonCapital ?? "0")]).toEqual([rowsWithInvestor("Amazon").length, attributedInSeed("Amazon")]);
  });

  it("states each year's recipient HHI and leader as the CSV gives them", () => {
    const using = readFileSync(path.join(root, "docs", "using.md"), "utf8").replace(/\s+/g, " ");
    const stated = [...using.matchAll(/([\d,]+) \((\d{4}), ([^,]+?) ([\d.]+)%\)/g)].map((m) => [
      m[2],
      { hhi: Number(m[1].replace(/,/g, "")), leader: m[3], share: m[4] },
    ]);
    expect(stated.length).toBeGreaterThanOrEqual(4);
    const computed = recipientHhiByYear();
    for (const [year, figures] of stated) expect(figures, String(year)).toEqual(computed.get(String(year)));
  });
});
