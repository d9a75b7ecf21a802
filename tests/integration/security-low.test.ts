// Low findings of issue 22: amounts that cannot round-trip exactly are refused (11); the OpenAPI document is not
// cacheable for a year (17); the session cookie is Secure whenever the site is served over HTTPS (17).
import { describe, expect, it } from "vitest";
import * as openApiRoute from "@/app/api/openapi.json/route";
import { DEAL_CSV_COLUMNS } from "@/lib/csv/deal-csv-format";
import { isHttpsRequest, parseTrustProxy, SOCKET_ADDRESS_HEADER, SOCKET_ORIGIN_HEADER } from "@/lib/client-address";
import { parseDealCsv } from "@/lib/import/parse-deal-csv";
import { toCsv } from "@/lib/csv/write-csv";

const HEADER = DEAL_CSV_COLUMNS.join(",");
const row = (amount: string) =>
  `2026-02-01,Nvidia,OpenAI,equity,announced,Series Z,${amount},${amount},exact,USD,,,,Amount test,https://example.com/a,Example News,2026-02-01`;

describe("finding 11: amounts", () => {
  it("refuses an amount above 2^53 instead of rounding it, naming the field", async () => {
    const parsed = await parseDealCsv(`${HEADER}\n${row("9007199254740993")}\n`);
    expect(parsed.rows).toHaveLength(0);
    expect(parsed.errors.map((e) => e.field)).toContain("amount_usd_low");
    expect(parsed.errors[0].message).toMatch(/15 digits/);
  });

  it("accepts 15 digits, which read back exactly as a number", async () => {
    const parsed = await parseDealCsv(`${HEADER}\n${row("999999999999999")}\n`);
    expect(parsed.errors).toEqual([]);
    const amount = parsed.rows[0].data.amount_usd_low as bigint;
    expect(BigInt(Number(amount))).toBe(amount);
  });
});

describe("the streamed import parse", () => {
  it("reads the last row without a newline, and reports a quote left open at the end", async () => {
    expect((await parseDealCsv(`${HEADER}\n${row("5")}`)).rows).toHaveLength(1);
    const open = await parseDealCsv(`${HEADER}\n${row("5")}\n2026-06-01,"Amazon,Anthropic`);
    expect(open.rows).toEqual([]);
    expect(open.errors[0].message).toMatch(/not valid CSV/);
  });
});

describe("finding 13: formula-neutralised cells round-trip", () => {
  it("imports an exported '=Name as =Name, and a name that starts with a quote as itself", async () => {
    const cells = row("5").split(",");
    const investors = DEAL_CSV_COLUMNS.indexOf("investors");
    const recipient = DEAL_CSV_COLUMNS.indexOf("recipient");
    const summary = DEAL_CSV_COLUMNS.indexOf("summary");
    const values: (string | null)[] = [...cells];
    values[investors] = "=Name Capital";
    values[recipient] = "'=Quoted Co";
    values[summary] = "-5% in a week";
    const exported = toCsv(DEAL_CSV_COLUMNS, [values]);
    expect(exported).toContain("'=Name Capital");
    const parsed = await parseDealCsv(exported);
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows[0].data.recipient).toBe("'=Quoted Co");
    expect(parsed.rows[0].data.summary).toBe("-5% in a week");
    expect(JSON.stringify(parsed.rows[0].data.investors, (_k, v) => (typeof v === "bigint" ? String(v) : v))).toContain('"=Name Capital"');
  });
});

describe("finding 17", () => {
  it("serves the OpenAPI document per request with a short cache life", () => {
    expect((openApiRoute as { dynamic?: string }).dynamic).not.toBe("force-static");
    expect(openApiRoute.GET().headers.get("cache-control")).toBe("public, max-age=300, must-revalidate");
  });

  it("marks cookies Secure over HTTPS, directly or through a trusted proxy, and never on a client's word", () => {
    const direct = (origin: string, extra: Record<string, string> = {}) =>
      new Headers({ [SOCKET_ADDRESS_HEADER]: "10.0.0.9", [SOCKET_ORIGIN_HEADER]: origin, ...extra });
    expect(isHttpsRequest(direct("https://10.0.0.5:443"), parseTrustProxy(undefined))).toBe(true);
    expect(isHttpsRequest(direct("http://10.0.0.5:3000", { "x-forwarded-proto": "https" }), parseTrustProxy("10.0.0.0/8"))).toBe(true);
    expect(isHttpsRequest(direct("http://10.0.0.5:3000", { "x-forwarded-proto": "https" }), parseTrustProxy(undefined))).toBe(false);
  });
});
