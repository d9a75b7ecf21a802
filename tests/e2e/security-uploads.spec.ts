// Finding 6 (issue 22) on the production server: a chunked upload over 10 MB (no Content-Length) was cut at 10 MB by
// the framework and the rows before the cut imported. It must be refused whole with 413. And a file over the limit
// chosen on /admin/import (a 500 "Failed to parse body as FormData" before) is refused with a message naming the limit.
import http from "node:http";
import { expect, test } from "@playwright/test";
import Database from "better-sqlite3";
import { generateSecret, hashSecret } from "@/lib/auth/secret-token";
import { DEAL_CSV_COLUMNS } from "@/lib/csv/deal-csv-format";
import { MAX_IMPORT_BYTES } from "@/lib/import/import-limits";
import { E2E_DATABASE_URL, E2E_EDITOR, E2E_PORT } from "./settings";
import { signIn } from "./sign-in";

const ROW =
  "2026-02-01,Nvidia,OpenAI,equity,announced,Series Z,1000000,1000000,exact,USD,,,,A chunked upload,https://example.com/a,Example News,2026-02-01\n";

/**
 * An API token for the suite's editor, stored as the token command stores one (its SHA-256). Written through the
 * driver: Playwright cannot load the generated Prisma client.
 */
function editorToken(): string {
  const db = new Database(E2E_DATABASE_URL.replace(/^file:/, ""));
  try {
    const user = db.prepare('SELECT "id" FROM "User" WHERE "email" = ?').get(E2E_EDITOR.email) as { id: number };
    const token = generateSecret("dt");
    db.prepare('INSERT INTO "ApiToken" ("userId", "name", "tokenHash", "prefix", "createdAt") VALUES (?, ?, ?, ?, ?)').run(
      user.id,
      `uploads-${Date.now()}`,
      hashSecret(token),
      token.slice(0, 10),
      Date.now(),
    );
    return token;
  } finally {
    db.close();
  }
}

/** POSTs `total` bytes of whole rows in chunks, without a Content-Length. */
function postChunked(pathname: string, token: string, total: number): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: "127.0.0.1",
        port: E2E_PORT,
        path: pathname,
        method: "POST",
        headers: {
          authorization: `Bearer ${token}`,
          "content-type": "text/csv",
          "transfer-encoding": "chunked",
          "x-forwarded-for": "198.51.100.77",
        },
      },
      (response) => {
        let body = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (body += chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
      },
    );
    // The server may answer and close before the whole body is sent: that is the refusal, not an error of the test.
    request.on("error", (error) =>
      ["EPIPE", "ECONNRESET"].includes((error as NodeJS.ErrnoException).code ?? "") ? undefined : reject(error),
    );
    request.write(`${DEAL_CSV_COLUMNS.join(",")}\n`);
    const block = ROW.repeat(500);
    let sent = 0;
    const pump = () => {
      while (sent < total) {
        sent += block.length;
        if (!request.write(block)) return void request.once("drain", pump);
      }
      request.end();
    };
    pump();
  });
}

test("a chunked import over 10 MB is refused whole with 413", async () => {
  const token = editorToken();
  const answer = await postChunked("/api/import?dryRun=1", token, 12 * 1024 * 1024);
  expect(answer.status, answer.body.slice(0, 300)).toBe(413);
  expect(JSON.parse(answer.body).error).toMatch(/10 MB/);
  // Under the limit, the same rows sent the same way are read whole.
  const small = await postChunked("/api/import?dryRun=1", token, 64 * 1024);
  expect(small.status, small.body.slice(0, 300)).toBe(200);
});

/** Rows in the tables an import writes, read through the driver (Playwright cannot load the generated Prisma client). */
function importedRows(): { deals: number; organizations: number; events: number } {
  const db = new Database(E2E_DATABASE_URL.replace(/^file:/, ""), { readonly: true });
  try {
    const count = (table: string) => (db.prepare(`SELECT COUNT(*) AS n FROM "${table}"`).get() as { n: number }).n;
    return { deals: count("Deal"), organizations: count("Organization"), events: count("DealEvent") };
  } finally {
    db.close();
  }
}

test("an editor who chooses a file over 10 MB on /admin/import is told the limit, and nothing is written", async ({ page }) => {
  // Valid rows naming an investor the seed does not have: accepted, they would create deals and an organization.
  const header = `${DEAL_CSV_COLUMNS.join(",")}\n`;
  const row = ROW.replace("Nvidia", "Oversize Upload Capital");
  const size = Math.round(10.5 * 1024 * 1024);
  const csv = header + row.repeat(Math.ceil((size - header.length) / row.length));
  expect(csv.length).toBeGreaterThan(MAX_IMPORT_BYTES);
  const before = importedRows();

  await signIn(page, "/admin/import");
  await page.getByLabel("CSV file").setInputFiles({ name: "oversize.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByRole("button", { name: "Preview import" }).click();
  // The message under the file input, which the input names as its description.
  await expect(page.getByLabel("CSV file")).toHaveAccessibleDescription(/the file is over 10 MB.*at most 10 MB can be imported at once/);
  await expect(page.getByText("Problems to fix")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Apply the import" })).toHaveCount(0);
  expect(importedRows()).toEqual(before);
});
