import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openApiDocument } from "@/lib/openapi/openapi-document";

/** Every route handler under app/api, as an OpenAPI path: app/api/deals/[id]/route.ts -> /api/deals/{id}. */
function routeHandlerPaths(dir = path.join(process.cwd(), "app", "api"), prefix = "/api"): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isFile()) return entry.name === "route.ts" ? [prefix] : [];
    // The catch-all (app/api/[...path]) only answers addresses that are not routes: it is not an operation.
    if (entry.name.startsWith("[...")) return [];
    const segment = entry.name.replace(/^\[(.+)\]$/, "{$1}");
    return routeHandlerPaths(path.join(dir, entry.name), `${prefix}/${segment}`);
  });
}

/** Every "$ref" in the document, wherever it sits. */
function refs(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(refs);
  if (value && typeof value === "object") {
    return Object.entries(value).flatMap(([key, v]) => (key === "$ref" && typeof v === "string" ? [v] : refs(v)));
  }
  return [];
}

describe("the OpenAPI document", () => {
  // What /api/openapi.json serves: the document after a trip through JSON.
  const served = JSON.parse(JSON.stringify(openApiDocument));

  it("is OpenAPI 3.1 with a title and a version", () => {
    expect(served.openapi).toBe("3.1.0");
    expect(served.info.title).toBeTruthy();
    expect(served.info.version).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it("documents every route handler of the app, and no route that does not exist", () => {
    // The Atom feed of /changes is the one route handler outside app/api.
    const routes = [...routeHandlerPaths(), ...routeHandlerPaths(path.join(process.cwd(), "app", "changes"), "/changes")].sort();
    expect(routes).toEqual(
      expect.arrayContaining(["/api/deals", "/api/deals/{id}", "/api/deals/export.csv", "/api/stats/summary", "/api/openapi.json"]),
    );
    expect(Object.keys(served.paths).sort()).toEqual(routes);
  });

  it("gives every operation an id and responses, and declares its path parameters", () => {
    const ids = new Set<string>();
    for (const [route, item] of Object.entries(served.paths) as [
      string,
      Record<string, { operationId: string; responses: object; parameters?: { name?: string; in?: string }[] }>,
    ][]) {
      for (const operation of Object.values(item)) {
        expect(operation.operationId).toBeTruthy();
        expect(ids.has(operation.operationId)).toBe(false);
        ids.add(operation.operationId);
        expect(Object.keys(operation.responses).length).toBeGreaterThan(0);
        for (const name of [...route.matchAll(/\{(\w+)\}/g)].map((m) => m[1])) {
          expect(operation.parameters?.some((p) => p.name === name && p.in === "path")).toBe(true);
        }
      }
    }
  });

  it("resolves every reference", () => {
    const all = refs(served);
    expect(all.length).toBeGreaterThan(10);
    for (const ref of all) {
      const target = ref
        .replace(/^#\//, "")
        .split("/")
        .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], served);
      expect(target, ref).toBeTruthy();
    }
  });
});
