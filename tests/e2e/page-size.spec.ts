// No page over 100 kB of HTML (issue 21). These page kinds hold a bounded number of rows, links and chart marks
// whatever the data (at 100,000 deals: the rankings 85-86 kB, /changes 82 kB, /methodology 74 kB, the overview 83 kB,
// a deal page 37-40 kB, the largest investor page of the benchmark 93 kB and company page 92 kB); on the seed they
// must be within it, so that a row made heavier shows here first. /analysis draws the HHI and links to each other
// section's page of its own (the top shares, flows, circular flows per loop and leg by leg, the network, the amounts by
// kind), each with the same view: at 100,000 deals /analysis is 67 kB, 90 kB per quarter.
import { expect, test } from "@playwright/test";

const PAGE_BUDGET_BYTES = 100 * 1024;

test.describe("page sizes", () => {
  test("the bounded page kinds are at most 100 kB of HTML on the seed", async ({ request }) => {
    const deals = await (await request.get("/deals")).text();
    const dealPath = /href="(\/deals\/\d+)"/.exec(deals)?.[1];
    expect(dealPath).toBeDefined();
    for (const path of [
      "/",
      dealPath as string,
      "/investors",
      "/companies",
      "/changes",
      "/methodology",
      "/analysis",
      "/analysis?grain=quarter",
      "/analysis/top-shares?grain=quarter",
      "/analysis/flows",
      "/analysis/circular-flows",
      "/analysis/loops",
      "/analysis/network",
      "/analysis/kinds?grain=quarter&count=all",
      "/investors/nvidia",
      "/companies/openai",
      "/companies/anthropic",
    ]) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(200);
      const bytes = (await response.body()).length;
      expect(bytes, `${path} is ${bytes} bytes`).toBeLessThanOrEqual(PAGE_BUDGET_BYTES);
    }
  });
});
