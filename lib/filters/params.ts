// The URL parameters of every page and API route, each kind defined once as a zod schema of one value (an
// organization slug, a date, an amount, a whole number, one of a list, a text), and the one reader that applies a
// shape of them to a URL. Reading never throws: a bad value is dropped (the caller's default applies) and reported
// with the parameter's name, so a page can say so and the API can answer 400 naming it.
import { z } from "zod";
import { isIsoDate } from "../validation";
import { AMOUNT_EXAMPLES, parseAmount } from "./amount-input";

/** A page's URL parameters as Next hands them to it (searchParams). */
export type PageQuery = Record<string, string | string[] | undefined>;
export type ParamSource = URLSearchParams | PageQuery;
export type FilterIssue = { param: string; value: string; message: string };

/** Every value of one parameter, from a URL or from Next's searchParams object. */
export function allValues(source: ParamSource, name: string): string[] {
  if (source instanceof URLSearchParams) return source.getAll(name);
  const value = source[name];
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

// The field schemas. Their messages leave out the parameter's name: the reader puts it first ("from must be ..."), so
// one schema serves every parameter of its kind and every message names the parameter it is about.

export const SLUG_PATTERN = /^[a-z0-9][a-z0-9-]{0,99}$/;
/** An organization slug; `example` is the one the message suggests. */
export const slugParam = (example: string) => z.string().regex(SLUG_PATTERN, { error: `must be an organization slug such as ${example}` });

/** A calendar date written YYYY-MM-DD (from, to, asOf). */
export const dateParam = z.string().refine(isIsoDate, { error: "must be a date written YYYY-MM-DD" }).meta({ format: "date" });

export const MAX_DOLLARS = 10n ** 15n;
/** An amount as people write it ("10B", "$1.5bn", "1,000,000"), read into exact whole dollars. */
export const amountParam = z.string().transform((value, ctx) => {
  const dollars = parseAmount(value);
  if (dollars !== null && dollars <= MAX_DOLLARS) return dollars;
  ctx.issues.push({
    code: "custom",
    input: value,
    message: `must be an amount in US dollars such as ${AMOUNT_EXAMPLES}, whole dollars, at most ${MAX_DOLLARS}`,
  });
  return z.NEVER;
});

/**
 * A whole number written in digits, from `min` to `max` (page, pageSize, limit). Its metadata describes it as the
 * integer it is read into, for the OpenAPI document (lib/openapi/query-parameters.ts).
 */
export const wholeNumberParam = (min: number, max: number, range = `from ${min} to ${max}`) =>
  z
    .string()
    .regex(/^\d{1,9}$/, { error: `must be a whole number ${range}` })
    .transform(Number)
    .refine((n) => n >= min && n <= max, { error: `must be a whole number ${range}` })
    .meta({ type: "integer", minimum: min, maximum: max });

/** One of a fixed list of words; the message lists them unless the caller words it. */
export const oneOfParam = <const T extends readonly [string, ...string[]]>(values: T, message = `must be one of ${values.join(", ")}`) =>
  z.enum(values, { error: message });

/** Free text up to `max` characters. */
export const textParam = (max: number) => z.string().max(max, { error: `must be at most ${max} characters` });

/** The period grain of a chart. */
export const grainParam = oneOfParam(["year", "quarter"], "must be year or quarter");

/**
 * A shape of parameters. A `z.array(field)` is a list: its values may repeat the parameter or be separated by commas,
 * duplicates count once, and a bad one is dropped alone. Any other schema takes one value, read whole (commas
 * included: "1,000,000", a text), and a second value is an issue.
 */
export type ParamShape = Record<string, z.ZodType>;
export type ParamValues<S extends ParamShape> = { [K in keyof S]: S[K] extends z.ZodArray ? z.output<S[K]> : z.output<S[K]> | null };

// An issue echoes a long value by its start only, so an answer never repeats a whole pasted page.
const shown = (value: string) => (value.length > 100 ? `${value.slice(0, 20)}…` : value);

/** Reads `shape` from a URL: each parameter's value (null or [] when absent or bad) and an issue for each bad one. */
export function readParams<S extends ParamShape>(source: ParamSource, shape: S): { values: ParamValues<S>; issues: FilterIssue[] } {
  const issues: FilterIssue[] = [];
  const values: Record<string, unknown> = {};
  const bad = (param: string, value: string, message: string) =>
    issues.push({ param, value: shown(value), message: `${param} ${message}` });
  // Empty values (an untouched form field) mean "no value", not an error.
  const nonEmpty = (list: string[]) => list.map((v) => v.trim()).filter((v) => v !== "");
  for (const [name, field] of Object.entries(shape)) {
    if (field instanceof z.ZodArray) {
      const list: unknown[] = [];
      for (const value of nonEmpty(allValues(source, name).flatMap((v) => v.split(",")))) {
        const parsed = z.safeParse(field.element, value);
        if (!parsed.success) bad(name, value, parsed.error.issues[0].message);
        else if (!list.includes(parsed.data)) list.push(parsed.data);
      }
      values[name] = list;
      continue;
    }
    const given = nonEmpty(allValues(source, name));
    values[name] = null;
    if (given.length > 1) bad(name, given.join(","), "takes one value");
    else if (given.length === 1) {
      const parsed = field.safeParse(given[0]);
      if (parsed.success) values[name] = parsed.data;
      else bad(name, given[0], parsed.error.issues[0].message);
    }
  }
  return { values: values as ParamValues<S>, issues };
}
