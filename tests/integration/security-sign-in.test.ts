// Security findings on signing in (issue 22): the throttle holds under concurrency (1), one address cannot lock an
// account for everyone and lock state says nothing about unknown emails (5), sign-in time does not reveal whether an
// email exists (15), and the page goes back only to a path on this site (3). The real sign-in action, on a real
// database; only Next's request plumbing is stood in for.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createUser } from "@/lib/auth/accounts";
import { beginLoginAttempt, PAIR_LIMIT, type LoginAttempt } from "@/lib/auth/login-throttle";
import { safeNextPath } from "@/lib/auth/safe-next";
import { IDLE, type ActionState } from "@/lib/actions/action-state";
import { signIn } from "@/lib/actions/auth/sign-in";
import { SOCKET_ADDRESS_HEADER } from "@/lib/client-address";
import { useTestDbForApp } from "../support/app-db";
import { requestContext } from "../support/next-request-context";
import { createTestDb, type TestDb } from "../support/test-db";

const argon2Verifications = vi.hoisted(() => ({ count: 0 }));
vi.mock("@node-rs/argon2", async (importOriginal) => {
  const real = await importOriginal<typeof import("@node-rs/argon2")>();
  return {
    ...real,
    verify: (...args: Parameters<typeof real.verify>) => {
      argon2Verifications.count++;
      return real.verify(...args);
    },
  };
});
vi.mock("next/headers", async () => (await import("../support/next-request-context")).nextHeadersMock);
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw Object.assign(new Error(`NEXT_REDIRECT ${url}`), { digest: `NEXT_REDIRECT;replace;${url};303;` });
  },
}));

const PASSWORD = "the-right-password-1";
let t: TestDb;
let release: () => void;

beforeAll(async () => {
  t = await createTestDb();
  release = useTestDbForApp(t.db);
  for (const email of [
    "owner@example.com",
    "second@example.com",
    "third@example.com",
    "known@example.com",
    "timed@example.com",
    "returning@example.com",
  ]) {
    await createUser(t.db, { email, password: PASSWORD, role: "editor" });
  }
});
afterAll(async () => {
  release?.();
  await t?.dispose();
});
beforeEach(() => requestContext.reset());

/** From a connection at `address`, whatever it claims in X-Forwarded-For. */
function connectFrom(address: string, claimed = "198.51.100.1") {
  requestContext.headers.set(SOCKET_ADDRESS_HEADER, address);
  requestContext.headers.set("x-forwarded-for", claimed);
}

type Outcome = "signed in" | "wrong" | "refused";

async function attempt(email: string, password: string, next?: string): Promise<{ outcome: Outcome; location?: string }> {
  const form = new FormData();
  form.set("email", email);
  form.set("password", password);
  if (next !== undefined) form.set("next", next);
  try {
    const state: ActionState = await signIn(IDLE, form);
    return { outcome: state.status === "error" && state.httpStatus === 429 ? "refused" : "wrong" };
  } catch (error) {
    const digest = (error as { digest?: string }).digest ?? "";
    if (!digest.startsWith("NEXT_REDIRECT")) throw error;
    return { outcome: "signed in", location: digest.split(";")[2] };
  }
}

describe("finding 1: the throttle holds under concurrency", () => {
  it("verifies at most the limit of 100 simultaneous attempts on one account, the right password last", async () => {
    connectFrom("203.0.113.10");
    const passwords = [...Array.from({ length: 99 }, (_, i) => `wrong-password-${i}`), PASSWORD];
    const before = argon2Verifications.count;
    const outcomes = (await Promise.all(passwords.map((p) => attempt("owner@example.com", p)))).map((r) => r.outcome);
    const verified = outcomes.filter((o) => o !== "refused").length;
    expect(verified).toBeLessThanOrEqual(PAIR_LIMIT);
    expect(argon2Verifications.count - before).toBeLessThanOrEqual(PAIR_LIMIT);
    expect(outcomes.at(-1)).toBe("refused");
  });
});

describe("finding 5: nobody can lock an account for everyone", () => {
  it("lets the owner sign in from another address after failures from many addresses", async () => {
    const failures = await Promise.all(
      Array.from({ length: PAIR_LIMIT }, async (_, i) => {
        const attempt: LoginAttempt = await beginLoginAttempt(t.db, `192.0.2.${i + 1}`, "second@example.com");
        return attempt.allowed;
      }),
    );
    expect(failures.every(Boolean)).toBe(true);
    connectFrom("203.0.113.20");
    expect((await attempt("second@example.com", PASSWORD)).outcome).toBe("signed in");
  });

  it("refuses an address that keeps failing for the account, while the owner's address still signs in", async () => {
    for (let i = 0; i < PAIR_LIMIT; i++) await beginLoginAttempt(t.db, "192.0.2.200", "third@example.com");
    expect((await beginLoginAttempt(t.db, "192.0.2.200", "third@example.com")).allowed).toBe(false);
    expect((await beginLoginAttempt(t.db, "203.0.113.30", "third@example.com")).allowed).toBe(true);
  });

  it("answers an unknown email exactly as a known one, refusal included", async () => {
    const sequence = async (email: string, address: string) => {
      const verdicts: (number | string)[] = [];
      for (let i = 0; i <= PAIR_LIMIT + 1; i++) {
        const a = await beginLoginAttempt(t.db, address, email);
        verdicts.push(a.allowed ? a.delayMs : `refused ${Math.round(a.retryAfterSeconds / 60)} min`);
      }
      return verdicts;
    };
    expect(await sequence("nobody@example.com", "192.0.2.50")).toEqual(await sequence("known@example.com", "192.0.2.51"));
  });
});

describe("finding 15: sign-in time does not reveal whether an email exists", () => {
  it("verifies a password hash for an unknown email as for a known one", async () => {
    connectFrom("203.0.113.40");
    const before = argon2Verifications.count;
    expect((await attempt("nobody-at-all@example.com", "any-password-123")).outcome).toBe("wrong");
    expect(argon2Verifications.count - before).toBe(1);
    expect((await attempt("timed@example.com", "a-wrong-password-1")).outcome).toBe("wrong");
    expect(argon2Verifications.count - before).toBe(2);
  });
});

describe("finding 3: no open redirect after signing in", () => {
  const offSite = [
    "/\\evil.example/landing",
    "/\t/evil.example/x",
    "//evil.example",
    "/%2F/evil.example",
    "https://evil.example/",
    "/a/..//evil.example",
    "\\\\evil.example",
    " /x",
  ];

  it("resolves next with the URL parser and keeps only paths on this site", () => {
    for (const next of offSite) {
      const path = safeNextPath(next);
      expect(new URL(path, "https://deals.example").origin, next).toBe("https://deals.example");
      expect(path.startsWith("//") || path.includes("\\"), next).toBe(false);
    }
    expect(safeNextPath("/deals/12?tab=history#events")).toBe("/deals/12?tab=history#events");
    expect(safeNextPath(undefined)).toBe("/admin");
  });

  it("signs in and goes to /admin, not off-site, for a backslash or tab path", async () => {
    connectFrom("203.0.113.50");
    for (const next of ["/\\evil.example/landing", "/\t/evil.example/x"]) {
      const result = await attempt("returning@example.com", PASSWORD, next);
      expect(result.outcome).toBe("signed in");
      expect(new URL(result.location ?? "", "https://deals.example").origin).toBe("https://deals.example");
    }
    expect((await attempt("returning@example.com", PASSWORD, "/deals/3")).location).toBe("/deals/3");
  });
});
