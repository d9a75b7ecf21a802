// The editor's organization form: name, slug, type, country, website, parent and aliases.
import { z } from "zod";
import { aliasKey, ORGANIZATION_TYPES } from "../domain";
import { isHttpUrl } from "../http-url";

const optional = (schema: z.ZodType<string, string>) =>
  z
    .string()
    .trim()
    .transform((v) => (v === "" ? null : v))
    .pipe(schema.nullable());

export const organizationFormSchema = z.object({
  name: z.string().trim().min(1, { error: "name is required" }).max(200),
  slug: z
    .string()
    .trim()
    .regex(/^[a-z0-9][a-z0-9-]{0,79}$/, { error: "slug must be lowercase letters, digits and hyphens, e.g. google-cloud" }),
  type: z.enum(ORGANIZATION_TYPES, { error: `type must be one of ${ORGANIZATION_TYPES.join(", ")}` }),
  country: optional(z.string().regex(/^[A-Z]{2}$/, { error: "country must be a two-letter ISO code such as US" })),
  website: optional(z.string().max(300).refine(isHttpUrl, { error: "website must be an http(s) URL" })),
  parentId: z
    .string()
    .trim()
    .transform((v) => (v === "" ? null : Number(v)))
    .pipe(z.number().int().positive({ error: "choose a parent from the list" }).nullable()),
  aliases: z
    .string()
    .max(4000)
    .transform((v) => [
      ...new Map(
        v
          .split(/\n|;/)
          .map((a) => a.trim())
          .filter(Boolean)
          .map((a) => [aliasKey(a), a]),
      ).values(),
    ]),
});

export type OrganizationForm = z.output<typeof organizationFormSchema>;
