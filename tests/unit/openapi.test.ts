import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { analysisParamShape } from "@/lib/filters/analysis-view";
import { dealFilterSchema } from "@/lib/filters/deal-filters";
import { dealPageViewShape } from "@/lib/filters/deal-page-view";
import { organizationFilterShape } from "@/lib/filters/organization-filters";
import { readParams, type ParamShape } from "@/lib/filters/params";
import { searchShape } from "@/lib/filters/search-query";
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

type Schema = {
  type?: string;
  enum?: string[];
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  items?: Schema;
};
type Parameter = { name: string; in: string; schema: Schema };

/** A value the schema allows and values it rules out, each at one of the bounds it states. */
function probes(schema: Schema): { allowed: string; refused: string[] } {
  if (schema.type === "array" && schema.items) return probes(schema.items);
  if (schema.enum) return { allowed: schema.enum[schema.enum.length - 1], refused: ["not-one-of-them"] };
  if (schema.type === "integer") {
    const refused = ["1.5", "-1", ...(schema.minimum === undefined ? [] : [String(schema.minimum - 1)])];
    return {
      allowed: String(schema.maximum ?? schema.minimum),
      refused: schema.maximum === undefined ? refused : [...refused, String(schema.maximum + 1)],
    };
  }
  if (schema.format === "date") return { allowed: "2025-02-28", refused: ["2025-02-30", "28/02/2025"] };
  if (schema.pattern) return { allowed: "openai", refused: ["Open AI"] };
  if (schema.maxLength !== undefined) return { allowed: "x".repeat(schema.maxLength), refused: ["x".repeat(schema.maxLength + 1)] };
  return { allowed: "1,000", refused: [] };
}

/** Checks each documented parameter against the shape that reads it: what the document allows is read, what it rules out is refused. */
function expectDocumentedAsRead(parameters: Parameter[], shape: ParamShape) {
  expect(parameters.map((p) => p.name).sort()).toEqual(Object.keys(shape).sort());
  for (const { name, schema } of parameters) {
    const { allowed, refused } = probes(schema);
    expect(readParams({ [name]: allowed }, shape).issues, `${name}=${allowed}`).toEqual([]);
    for (const value of refused)
      expect(
        readParams({ [name]: value }, shape).issues.map((i) => i.param),
        `${name}=${value}`,
      ).toEqual([name]);
  }
}

describe("the OpenAPI document's query parameters", () => {
  const served = JSON.parse(JSON.stringify(openApiDocument));
  const query = (route: string, method = "get") =>
    (served.paths[route][method].parameters as (Parameter | { $ref: string })[]).map((p) =>
      "$ref" in p ? (served.components.parameters[p.$ref.split("/").pop()!] as Parameter) : p,
    );

  it("state exactly what the /deals filters read, with the same enumerations, patterns and bounds", () => {
    const listed = query("/api/deals").filter((p) => p.in === "query");
    expectDocumentedAsRead(listed, { ...dealFilterSchema.shape, ...dealPageViewShape });
  });

  it("state what the analysis, search and organization routes read", () => {
    const analysis = query("/api/stats/concentration").filter((p) => p.name in analysisParamShape);
    expectDocumentedAsRead(analysis, analysisParamShape);
    expectDocumentedAsRead(query("/api/search"), searchShape);
    expectDocumentedAsRead(query("/api/organizations"), organizationFilterShape);
  });
});
