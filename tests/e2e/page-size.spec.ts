// Every page kind stays within 100 kB of HTML (issue 21). The pages hold a bounded number of rows, links and chart
// marks whatever the data (their caps are checked at 100,000 deals by the bench's largest answers); on the seed they
// must already be well within it, so that a row made heavier shows here first.
import { expect, test } from "@playwright/test";

const PAGE_BUDGET_BYTES = 100 * 1024;

test.describe("page sizes", () => {
  test("each page kind is at most 100 kB of HTML on the seed", async ({ request }) => {
    const deals = await (await request.get("/deals")).text();
    const dealPath = /href="(\/deals\/\d+)"/.exec(deals)?.[1];
    expect(dealPath).toBeDefined();
    for (const path of [
      "/",
      "/analysis",
      "/investors/nvidia",
      "/companies/openai",
      dealPath as string,
      "/investors",
      "/companies",
      "/changes",
      "/methodology",
    ]) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(200);
      const bytes = (await response.body()).length;
      expect(bytes, `${path} is ${bytes} bytes`).toBeLessThanOrEqual(PAGE_BUDGET_BYTES);
    }
  });
});
