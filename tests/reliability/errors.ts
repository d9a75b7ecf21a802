// Errors and user text on the production server: a summary holding HTML is shown as text; with the database broken
// under a running server (a table renamed away), a page shows only a reference and an API call answers 500 with a
// request id, neither with a stack trace or SQL, and the server log holds the stack under that request id.
import { chromium } from "@playwright/test";
import Database from "better-sqlite3";
import { BASE_PORT, createEditors, freshDatabase, LOAD_TEST_LIMITS, log, startServer, type SuiteResult } from "./support";

const INTERNALS = /\bat\s+\S+\s+\(|no such table|Deal_gone|SQLITE|SELECT\s|prisma|node_modules/i;

export async function runErrors(options: { port?: number } = {}): Promise<SuiteResult> {
  const { file, url } = freshDatabase("errors");
  const [editor] = await createEditors(url, 1, "errors-editor");
  const cases: { name: string; ok: boolean; detail: string }[] = [];
  const server = await startServer(url, options.port ?? BASE_PORT + 4, LOAD_TEST_LIMITS);
  try {
    const markup = '<img src=x onerror="alert(1)"><script>alert(2)</script>';
    const version = (new Database(file, { readonly: true }).prepare("SELECT version FROM Deal WHERE id = 1").get() as { version: number })
      .version;
    const edit = await fetch(`${server.origin}/api/deals/1`, {
      method: "PATCH",
      headers: { authorization: `Bearer ${editor.token}`, "content-type": "application/json" },
      body: JSON.stringify({ version, summary: markup }),
    });
    const page = await (await fetch(`${server.origin}/deals/1`)).text();
    cases.push({
      name: "a summary holding HTML is shown as text on the deal page",
      ok: edit.status === 200 && !page.includes("<img src=x") && !page.includes("<script>alert(2)") && page.includes("&lt;img src=x"),
      detail: `edit ${edit.status}`,
    });

    const broken = new Database(file);
    broken.pragma("busy_timeout = 10000");
    broken.exec('ALTER TABLE "Deal" RENAME TO "Deal_gone"');
    broken.close();

    const api = await fetch(`${server.origin}/api/deals?investor=amazon`);
    const apiText = await api.text();
    const apiId = api.headers.get("x-request-id") ?? "";
    let apiBody: { requestId?: string } = {};
    try {
      apiBody = JSON.parse(apiText);
    } catch {
      // checked below
    }
    cases.push({
      name: "API 500 answers with a request id and no internals",
      ok: api.status === 500 && apiBody.requestId === apiId && apiId !== "" && !INTERNALS.test(apiText),
      detail: `${api.status} ${apiText.slice(0, 200)}`,
    });

    // The page's HTML (with its payload) must hold no internals; the error page is drawn in the browser, so read
    // what a visitor sees there.
    const html = await (await fetch(`${server.origin}/deals`)).text();
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    });
    let seen = "";
    try {
      const page = await browser.newPage();
      await page.goto(`${server.origin}/deals`);
      await page.getByRole("heading", { name: "Something went wrong" }).waitFor({ timeout: 20_000 });
      seen = await page.locator("body").innerText();
    } catch (error) {
      seen = `no error page: ${(error as Error).message}`;
    } finally {
      await browser.close();
    }
    const reference = /\(reference (\w+)\)/.exec(seen)?.[1] ?? "";
    cases.push({
      name: "a failing page shows a reference and no stack or SQL",
      ok: reference !== "" && !INTERNALS.test(seen) && !INTERNALS.test(html),
      detail: reference ? `reference ${reference}` : seen.slice(0, 300),
    });

    await new Promise((r) => setTimeout(r, 300));
    const output = server.output();
    cases.push({
      name: "the server log has the API error's stack under its request id",
      ok: new RegExp(`\\[request ${apiId}\\][^\\n]*failed`).test(output),
      detail: apiId,
    });
    cases.push({
      name: "the server log ties the page's reference to a request id",
      ok: reference !== "" && new RegExp(`\\[request [0-9a-f-]{36}\\][^\\n]*reference ${reference}`).test(output),
      detail: reference,
    });
    if (cases.some((c) => !c.ok)) log(`errors: server log tail:\n${output.slice(-3000)}`);
  } finally {
    await server.stop();
  }
  for (const c of cases) log(`errors: ${c.ok ? "ok  " : "FAIL"} ${c.name} (${c.detail})`);
  const passed = cases.filter((c) => c.ok).length;
  return {
    suite: "errors",
    tried: cases.length,
    passed,
    lost: 0,
    figures: `${cases.length} checks on the production server`,
    ok: passed === cases.length,
  };
}
