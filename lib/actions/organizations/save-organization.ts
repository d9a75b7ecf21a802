"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { requireRole } from "../../auth/roles";
import { getSessionActor } from "../../auth/session";
import { getDb } from "../../db";
import { aliasKey } from "../../domain";
import { createOrganization } from "../../organizations/create-organization";
import { organizationFormSchema } from "../../organizations/organization-form";
import { refreshOrganizationDealSearch } from "../../deals/deal-search";
import { keepingLoopFamilies } from "../../deals/market-cells";
import { recordRevision } from "../../revisions";
import { authorizationFailure, formValues, type ActionState, type FieldErrors } from "../action-state";

/** Creates an organization, or updates the one named by `id`; aliases must not belong to another organization. */
export async function saveOrganization(_state: ActionState, formData: FormData): Promise<ActionState> {
  let actor;
  try {
    actor = requireRole(await getSessionActor(), "editor");
  } catch (error) {
    return authorizationFailure(error);
  }
  const values = formValues(formData);
  const parsed = organizationFormSchema.safeParse(values);
  if (!parsed.success)
    return {
      status: "error",
      message: "Some fields need attention.",
      fieldErrors: z.flattenError(parsed.error).fieldErrors as FieldErrors,
      values,
    };
  const input = parsed.data;
  const id = values.id ? Number(values.id) : null;
  if (id !== null && !Number.isInteger(id)) return { status: "error", message: "The organization id is not valid.", values };

  const db = await getDb();
  const fieldErrors: FieldErrors = {};
  const sameSlug = await db.organization.findUnique({ where: { slug: input.slug }, select: { id: true } });
  if (sameSlug && sameSlug.id !== id) fieldErrors.slug = [`slug ${input.slug} is taken`];
  if (input.parentId !== null) {
    if (input.parentId === id) fieldErrors.parentId = ["an organization cannot be its own parent"];
    else {
      // Walk up from the chosen parent: meeting this organization would make a cycle.
      let cursor: number | null = input.parentId;
      for (let depth = 0; cursor !== null && depth < 50; depth++) {
        if (cursor === id) {
          fieldErrors.parentId = ["that parent is already below this organization"];
          break;
        }
        cursor = (await db.organization.findUnique({ where: { id: cursor }, select: { parentId: true } }))?.parentId ?? null;
      }
    }
  }
  const keys = input.aliases.map(aliasKey);
  const takenAliases = await db.organizationAlias.findMany({
    where: { key: { in: keys }, ...(id !== null ? { organizationId: { not: id } } : {}) },
    select: { alias: true },
  });
  if (takenAliases.length > 0)
    fieldErrors.aliases = [`already an alias of another organization: ${takenAliases.map((a) => a.alias).join(", ")}`];
  if (Object.keys(fieldErrors).length > 0) return { status: "error", message: "Some fields need attention.", fieldErrors, values };

  const { aliases, ...fields } = input;
  const savedId = await db.$transaction(async (tx) => {
    if (id === null) return (await createOrganization(tx, input, actor.email)).id;
    const before = await tx.organization.findUnique({ where: { id }, include: { aliases: { select: { alias: true } } } });
    if (!before) return null;
    // A new parent moves the organization's family, and the circular flows' pairs with it.
    await keepingLoopFamilies(tx, [id], () => tx.organization.update({ where: { id }, data: fields }));
    await tx.organizationAlias.deleteMany({ where: { organizationId: id } });
    await tx.organizationAlias.createMany({ data: aliases.map((alias) => ({ organizationId: id, alias, key: aliasKey(alias) })) });
    // The deals' search text holds the name and the aliases (lib/deals/deal-search.ts).
    const aliasesBefore = before.aliases.map((a) => a.alias).sort();
    if (before.name !== fields.name || aliasesBefore.join("\n") !== [...aliases].sort().join("\n"))
      await refreshOrganizationDealSearch(tx, id);
    await recordRevision(tx, {
      entityType: "organization",
      entityId: id,
      action: "update",
      actor: actor.email,
      before,
      after: { ...fields, aliases },
    });
    return id;
  });
  if (savedId === null) return { status: "error", message: `There is no organization ${id}.`, values };
  redirect(`/admin/organizations?saved=${input.slug}`);
}
