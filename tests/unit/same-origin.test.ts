import { describe, expect, it } from "vitest";
import { checkOrigin } from "@/lib/auth/same-origin";
import { parseTrustProxy } from "@/lib/client-address";

const request = (headers: Record<string, string>) =>
  new Request("http://deals.example/api/import", { method: "POST", headers: { host: "deals.example", ...headers } });

describe("checkOrigin", () => {
  it("accepts this site's origin for a session and for a token", () => {
    expect(checkOrigin(request({ origin: "http://deals.example" }), "session")).toBeNull();
    expect(checkOrigin(request({ origin: "http://deals.example" }), "token")).toBeNull();
  });
  it("refuses a foreign origin whatever the credentials", () => {
    expect(checkOrigin(request({ origin: "https://evil.example" }), "session")).toBe("requests from https://evil.example are not accepted");
    expect(checkOrigin(request({ origin: "https://evil.example" }), "token")).toBe("requests from https://evil.example are not accepted");
    expect(checkOrigin(request({ origin: "null" }), "token")).toBe("the Origin header is not a URL");
  });
  it("refuses a cookie-authenticated write without an Origin, but lets a token script through", () => {
    expect(checkOrigin(request({}), "session")).toBe("a signed-in browser request must send its Origin");
    expect(checkOrigin(request({}), "token")).toBeNull();
  });
  it("compares with the host and scheme a trusted proxy forwarded", () => {
    const proxied = {
      origin: "https://public.example",
      "x-forwarded-host": "public.example",
      "x-forwarded-proto": "https",
      "x-dt-socket-address": "10.0.0.2",
    };
    expect(checkOrigin(request(proxied), "session", parseTrustProxy("10.0.0.0/8"))).toBeNull();
  });
});
