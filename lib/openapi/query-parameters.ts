// The OpenAPI query parameters, derived from the zod fields that read them (lib/filters/params.ts and the shapes built
// from it), so the document states exactly what the parser accepts: each field's input as JSON Schema
// (`z.toJSONSchema`, io "input": the text a URL carries, before it is read into a number, a date or dollars), its
// bounds from the field itself. Only the prose (description, default, examples) is written here, one entry per field,
// and the types make a field without one fail to compile.
import { z } from "zod";
import type { ParamShape } from "../filters/params";

export type ParameterDoc = { description?: string; default?: unknown; examples?: unknown[] };
export type QueryParameter = {
  name: string;
  in: "query";
  description?: string;
  schema: Record<string, unknown>;
  style?: "form";
  explode?: boolean;
};

/** A field's input as JSON Schema (2020-12, which OpenAPI 3.1 uses as it is). */
export function parameterSchema(field: z.ZodType): Record<string, unknown> {
  const schema: Record<string, unknown> = z.toJSONSchema(field, {
    io: "input",
    // Transforms and refinements check more than JSON Schema can say; what they read is still the text described.
    unrepresentable: "any",
    // A whole number's metadata calls it an integer (it is read into one); its digits pattern then says nothing more.
    override: ({ jsonSchema }) => {
      if (jsonSchema.type === "integer") delete jsonSchema.pattern;
    },
  });
  // The dialect is the document's own (OpenAPI 3.1), not stated per schema.
  delete schema.$schema;
  return schema;
}

/**
 * The parameter `name` read by `field`. A list (`z.array`) may repeat the parameter or separate its values with
 * commas (readParams), so it is a repeated form parameter.
 */
export function queryParameter(name: string, field: z.ZodType, doc: ParameterDoc = {}): QueryParameter {
  const schema = parameterSchema(field);
  if (doc.default !== undefined) schema.default = doc.default;
  if (doc.examples !== undefined) schema.examples = doc.examples;
  return {
    name,
    in: "query",
    ...(doc.description === undefined ? {} : { description: doc.description }),
    schema,
    ...(field instanceof z.ZodArray ? { style: "form" as const, explode: true } : {}),
  };
}

/** Every parameter of a shape, in its order, each with its entry of `docs`. */
export function queryParameters<S extends ParamShape>(
  shape: S,
  docs: { [K in keyof S]: ParameterDoc },
): { [K in keyof S]: QueryParameter } {
  return Object.fromEntries(Object.entries(shape).map(([name, field]) => [name, queryParameter(name, field, docs[name])])) as {
    [K in keyof S]: QueryParameter;
  };
}
