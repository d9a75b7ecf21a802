// Finding 2 (issue 22): a client is who its connection says, not what its headers say. The socket's address reaches
// the app through lib/connection-stamp.ts (installed on Node's HTTP server, as instrumentation.ts does in `next
// start`); forwarded headers count only from the proxies TRUST_PROXY names. The API rate limit in proxy.ts keys on it.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  clientAddress,
  isHttpsRequest,
  parseTrustProxy,
  requestOrigin,
  SOCKET_ADDRESS_HEADER,
  SOCKET_ORIGIN_HEADER,
} from "@/lib/client-address";
import { installConnectionStamp } from "@/lib/connection-stamp";
import { checkOrigin } from "@/lib/auth/same-origin";
import { API_READS_PER_MINUTE } from "@/lib/rate-limit";
import { proxy } from "@/proxy";

let server: http.Server;
let base: string;

beforeAll(async () => {
  installConnectionStamp();
  server = http.createServer((req, res) => {
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) headers.set(name, Array.isArray(value) ? value.join(", ") : (value ?? ""));
    res.setHeader("content-type", "application/json");
    res.end(
      JSON.stringify({
        client: clientAddress(headers, parseTrustProxy(undefined)),
        origin: requestOrigin(headers, "socket", parseTrustProxy(undefined)),
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const stamped = (socket: string, extra: Record<string, string> = {}) =>
  new Headers({ [SOCKET_ADDRESS_HEADER]: socket, [SOCKET_ORIGIN_HEADER]: "http://10.0.0.5:3000", ...extra });

describe("the connection's address", () => {
  it("is what a real server's request carries, whatever the client sends in its headers", async () => {
    const spoofed = {
      "x-forwarded-for": "203.0.113.99",
      "x-real-ip": "203.0.113.98",
      [SOCKET_ADDRESS_HEADER]: "203.0.113.97",
      [SOCKET_ORIGIN_HEADER]: "https://evil.example",
      host: "evil.example",
    };
    const answer = await (await fetch(`${base}/`, { headers: spoofed })).json();
    expect(answer).toEqual({ client: "127.0.0.1", origin: base });
  });

  it("ignores forwarded headers unless TRUST_PROXY trusts the peer", () => {
    const headers = stamped("198.51.100.7", {
      "x-forwarded-for": "203.0.113.1, 10.0.0.2",
      "x-forwarded-proto": "https",
      "x-forwarded-host": "evil.example",
    });
    expect(clientAddress(headers, parseTrustProxy(undefined))).toBe("198.51.100.7");
    expect(isHttpsRequest(headers, parseTrustProxy(undefined))).toBe(false);
    expect(requestOrigin(headers, "socket", parseTrustProxy(undefined))).toBe("http://10.0.0.5:3000");
    // The peer is not in the list: its headers are its own claims.
    expect(clientAddress(headers, parseTrustProxy("10.0.0.0/8"))).toBe("198.51.100.7");
  });

  it("walks X-Forwarded-For past trusted proxies, or back a number of hops", () => {
    const headers = stamped("::ffff:10.0.0.1", {
      "x-forwarded-for": "203.0.113.66, 203.0.113.1, 10.0.0.2",
      "x-forwarded-proto": "https",
      "x-forwarded-host": "deals.example",
    });
    expect(clientAddress(headers, parseTrustProxy("10.0.0.0/8"))).toBe("203.0.113.1");
    expect(clientAddress(headers, parseTrustProxy("10.0.0.1, 10.0.0.2, 203.0.113.1"))).toBe("203.0.113.66");
    expect(clientAddress(headers, parseTrustProxy("1"))).toBe("10.0.0.2");
    expect(clientAddress(headers, parseTrustProxy("2"))).toBe("203.0.113.1");
    expect(clientAddress(headers, parseTrustProxy("9"))).toBe("203.0.113.66");
    expect(isHttpsRequest(headers, parseTrustProxy("10.0.0.0/8"))).toBe(true);
    expect(requestOrigin(headers, "socket", parseTrustProxy("10.0.0.0/8"))).toBe("https://deals.example");
  });

  it("is unknown, not a forwarded claim, on a request that did not come through the stamp", () => {
    expect(clientAddress(new Headers({ "x-forwarded-for": "203.0.113.1" }), parseTrustProxy("1"))).toBe("unknown");
  });

  it("refuses a TRUST_PROXY it cannot read, naming it", () => {
    expect(() => parseTrustProxy("proxy.example")).toThrow(/TRUST_PROXY.*proxy\.example/);
    expect(() => parseTrustProxy("10.0.0.0/33")).toThrow(/TRUST_PROXY/);
    expect(parseTrustProxy("false")).toEqual({ kind: "none" });
  });
});

describe("the API rate limit", () => {
  // The counts are in the database (lib/rate-limit.ts): the app's handle points at a test database here.
  let release = () => {};
  let dispose = async () => {};
  beforeAll(async () => {
    const { createTestDb } = await import("../support/test-db");
    const { useTestDbForApp } = await import("../support/app-db");
    const t = await createTestDb();
    release = useTestDbForApp(t.db);
    dispose = t.dispose;
  });
  afterAll(async () => {
    release();
    await dispose();
  });

  const read = (socket: string, forwardedFor: string) =>
    proxy(
      new NextRequest("http://localhost:3000/api/deals", { headers: { [SOCKET_ADDRESS_HEADER]: socket, "x-forwarded-for": forwardedFor } }),
    );

  it("cannot be reset by rotating X-Forwarded-For, and one client's 429 is not another's", async () => {
    const statuses: number[] = [];
    for (let i = 0; i <= API_READS_PER_MINUTE; i++) statuses.push((await read("192.0.2.10", `203.0.113.${i % 250}`)).status);
    expect(statuses.slice(0, API_READS_PER_MINUTE).every((s) => s === 200)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    expect((await read("192.0.2.11", "203.0.113.1")).status).toBe(200);
  });
});

describe("HSTS", () => {
  const page = (socket: string, proto: string) =>
    proxy(
      new NextRequest("http://localhost:3000/login", {
        headers: { [SOCKET_ADDRESS_HEADER]: socket, [SOCKET_ORIGIN_HEADER]: "http://127.0.0.1:3000", "x-forwarded-proto": proto },
      }),
    );

  it("is sent only when a trusted proxy says the request came over HTTPS, not on anyone's X-Forwarded-Proto", async () => {
    const before = process.env.TRUST_PROXY;
    process.env.TRUST_PROXY = "10.0.0.1";
    try {
      expect((await page("198.51.100.9", "https")).headers.get("strict-transport-security")).toBeNull();
      expect((await page("10.0.0.1", "http")).headers.get("strict-transport-security")).toBeNull();
      expect((await page("10.0.0.1", "https")).headers.get("strict-transport-security")).toContain("max-age=");
    } finally {
      if (before === undefined) delete process.env.TRUST_PROXY;
      else process.env.TRUST_PROXY = before;
    }
  });
});

describe("finding 9: the Origin check", () => {
  const write = (headers: Record<string, string>) =>
    new Request("http://127.0.0.1:3000/api/import", {
      method: "POST",
      headers: {
        host: "deals.example",
        [SOCKET_ADDRESS_HEADER]: "198.51.100.9",
        [SOCKET_ORIGIN_HEADER]: "http://10.0.0.5:3000",
        ...headers,
      },
    });

  it("compares scheme, host and port, and ignores an untrusted X-Forwarded-Host", () => {
    const none = parseTrustProxy(undefined);
    expect(checkOrigin(write({ origin: "http://deals.example" }), "session", none)).toBeNull();
    expect(checkOrigin(write({ origin: "https://deals.example" }), "session", none)).toMatch(/not accepted/);
    expect(checkOrigin(write({ origin: "http://deals.example:8080" }), "session", none)).toMatch(/not accepted/);
    expect(
      checkOrigin(
        write({ origin: "https://evil.example", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" }),
        "session",
        none,
      ),
    ).toMatch(/not accepted/);
  });

  it("believes the forwarded host and scheme from a trusted proxy", () => {
    const proxied = write({ origin: "https://public.example", "x-forwarded-host": "public.example", "x-forwarded-proto": "https" });
    expect(checkOrigin(proxied, "session", parseTrustProxy("198.51.100.0/24"))).toBeNull();
  });
});

describe("finding 16: writes per user", () => {
  it("cannot be multiplied by making more API tokens", async () => {
    const { createTestDb } = await import("../support/test-db");
    const { useTestDbForApp } = await import("../support/app-db");
    const { createApiToken, createUser } = await import("@/lib/auth/accounts");
    const { TOKEN_WRITES_PER_MINUTE } = await import("@/lib/rate-limit");
    const t = await createTestDb();
    const release = useTestDbForApp(t.db);
    try {
      const user = await createUser(t.db, { email: "many-tokens@example.com", password: "many-tokens-password", role: "editor" });
      const tokens = await Promise.all(Array.from({ length: 3 }, (_, i) => createApiToken(t.db, user.id, `token ${i}`)));
      const write = (token: string, i: number) =>
        proxy(
          new NextRequest("http://localhost:3000/api/import", {
            method: "POST",
            headers: { [SOCKET_ADDRESS_HEADER]: `192.0.2.${100 + (i % 100)}`, authorization: `Bearer ${token}` },
          }),
        );
      const statuses: number[] = [];
      for (let i = 0; i <= TOKEN_WRITES_PER_MINUTE; i++) statuses.push((await write(tokens[i % 3].token, i)).status);
      expect(statuses.slice(0, TOKEN_WRITES_PER_MINUTE).every((s) => s === 200)).toBe(true);
      expect(statuses.at(-1)).toBe(429);
    } finally {
      release();
      await t.dispose();
    }
  });
});
