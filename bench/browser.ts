// The browser side of the benchmark: first-load JavaScript per page (Playwright in the local Chromium) and
// Lighthouse desktop scores (lighthouse 12.2.3's CLI on the same Chromium).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { chromium } from "@playwright/test";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const CHROME_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

export type FirstLoadJs = { page: string; charts: boolean; budgetKb: number; scripts: number; gzipBytes: number; rawBytes: number };
export type FirstLoadPage = { path: string; charts: boolean };

/**
 * Issue 19's budget for chart pages and issue 6's for the others, gzipped: every chart but the Sankey (a lazy island)
 * is drawn on the server, so a chart page loads what another page does plus its export and share islands.
 */
export const FIRST_LOAD_BUDGET_KB = { charts: 150, noCharts: 150 };

/** The pages measured: every page kind, split by whether it draws charts. */
export function firstLoadPages(investorPath: string, dealPath: string, companyPath = "/companies/openai"): FirstLoadPage[] {
  return [
    ...["/", "/analysis", investorPath, companyPath].map((path) => ({ path, charts: true })),
    ...["/deals", dealPath, "/investors", "/companies", "/methodology", "/changes", "/about"].map((path) => ({ path, charts: false })),
  ];
}

/** Every script Chromium downloads to render the page until the network is idle, each gzipped on its own. */
export async function measureFirstLoadJs(base: string, pages: FirstLoadPage[]): Promise<FirstLoadJs[]> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROME_FLAGS.filter((f) => f !== "--headless") });
  const results: FirstLoadJs[] = [];
  try {
    for (const { path: page, charts } of pages) {
      const context = await browser.newContext();
      const tab = await context.newPage();
      const bodies: Promise<Buffer | null>[] = [];
      tab.on("response", (response) => {
        if (response.request().resourceType() === "script") bodies.push(response.body().catch(() => null));
      });
      await tab.goto(base + page, { waitUntil: "networkidle", timeout: 120_000 });
      const all = (await Promise.all(bodies)).filter((b): b is Buffer => b !== null);
      results.push({
        page,
        charts,
        budgetKb: charts ? FIRST_LOAD_BUDGET_KB.charts : FIRST_LOAD_BUDGET_KB.noCharts,
        scripts: all.length,
        gzipBytes: all.reduce((s, b) => s + gzipSync(b).length, 0),
        rawBytes: all.reduce((s, b) => s + b.length, 0),
      });
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return results;
}

export type LighthouseScores = {
  page: string;
  performance: number | null;
  accessibility: number | null;
  bestPractices: number | null;
  error?: string;
};

export function runLighthouse(base: string, page: string): LighthouseScores {
  const dir = mkdtempSync(path.join(os.tmpdir(), "bench-lh-"));
  const out = path.join(dir, "report.json");
  try {
    const result = spawnSync(
      path.join(process.cwd(), "node_modules", ".bin", "lighthouse"),
      [
        base + page,
        "--preset=desktop",
        "--only-categories=performance,accessibility,best-practices",
        "--output=json",
        `--output-path=${out}`,
        `--chrome-flags=${CHROME_FLAGS.join(" ")}`,
        "--quiet",
      ],
      { env: { ...process.env, CHROME_PATH: CHROMIUM_PATH }, encoding: "utf8", timeout: 180_000 },
    );
    if (result.status !== 0)
      return {
        page,
        performance: null,
        accessibility: null,
        bestPractices: null,
        error: (result.stderr || String(result.error)).slice(-300),
      };
    const report = JSON.parse(readFileSync(out, "utf8")) as { categories: Record<string, { score: number | null }> };
    const score = (id: string) => (report.categories[id]?.score == null ? null : Math.round((report.categories[id].score as number) * 100));
    return { page, performance: score("performance"), accessibility: score("accessibility"), bestPractices: score("best-practices") };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
