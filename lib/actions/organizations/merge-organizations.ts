"use server";

import { redirect } from "next/navigation";
import { requireRole } from "../../auth/roles";
import { getSessionActor } from "../../auth/session";
import { getDb } from "../../db";
import { loadSearchDirectory } from "../../data/organization-directory";
import { MergeError, mergeOrganizations, planMerge, type MergePlan } from "../../organizations/merge-organizations";
import { authorizationFailure, formValues, type ActionState, type FieldErrors } from "../action-state";

/** What the merge form shows before the editor confirms. */
export type MergePreview = {
  keep: { name: string; slug: string };
  merge: { name: string; slug: string };
  receivedDeals: number;
  movedParties: number;
  combinedDeals: MergePlan["deals"];
  units: number;
  aliasesAdded: string[];
  deals: MergePlan["deals"];
  dealCount: number;
  /** The two slugs previewed: the merge is applied only to what the editor saw. */
  token: string;
};

const PREVIEW_DEALS = 20;

function previewOf(plan: MergePlan): MergePreview {
  const combined = new Set(plan.combined.map((c) => c.dealId));
  return {
    keep: { name: plan.keep.name, slug: plan.keep.slug },
    merge: { name: plan.merge.name, slug: plan.merge.slug },
    receivedDeals: plan.receivedDealIds.length,
    movedParties: plan.movedParties.length,
    combinedDeals: plan.deals.filter((d) => combined.has(d.id)),
    units: plan.childIds.length,
    aliasesAdded: plan.aliasesAdded,
    deals: plan.deals.slice(0, PREVIEW_DEALS),
    dealCount: plan.deals.length,
    token: `${plan.keep.slug} ${plan.merge.slug}`,
  };
}

/**
 * Merges one organization into another: `intent=preview` shows what would move and writes nothing; `intent=apply`
 * merges, if the two named are still the two previewed (`previewed`).
 */
export async function mergeOrganizationsAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  let actor;
  try {
    actor = requireRole(await getSessionActor(), "editor");
  } catch (error) {
    return authorizationFailure(error);
  }
  const values = formValues(formData);
  const db = await getDb();
  // A fresh directory, not the cached one: a write must see the organizations as they are now.
  const directory = await loadSearchDirectory(db);
  const fieldErrors: FieldErrors = {};
  const resolveField = (field: "keep" | "merge", what: string) => {
    const name = (values[field] ?? "").trim();
    if (name === "") {
      fieldErrors[field] = [`name the organization ${what}`];
      return null;
    }
    const found = directory.resolve(name);
    if (found) return found;
    const close = directory.suggest(name, 3).map((m) => m.name);
    fieldErrors[field] = [`no organization is named “${name}”${close.length > 0 ? `: did you mean ${close.join(", ")}?` : ""}`];
    return null;
  };
  const keep = resolveField("keep", "to keep");
  const merge = resolveField("merge", "to merge into it");
  if (!keep || !merge) return { status: "error", message: "Some fields need attention.", fieldErrors, values };

  try {
    if (values.intent === "apply" && values.previewed === `${keep.slug} ${merge.slug}`) {
      const plan = await db.$transaction((tx) => mergeOrganizations(tx, keep.id, merge.id, actor.email));
      redirect(`/admin/organizations/merge?merged=${encodeURIComponent(plan.merge.name)}&into=${plan.keep.slug}`);
    }
    const plan = await db.$transaction((tx) => planMerge(tx, keep.id, merge.id));
    return {
      status: "ok",
      message:
        values.intent === "apply"
          ? "The organizations named changed since the preview: check this preview, then merge."
          : "Nothing is merged yet: check what moves, then merge.",
      values,
      data: previewOf(plan),
    };
  } catch (error) {
    if (error instanceof MergeError) return { status: "error", message: error.message, values };
    throw error;
  }
}
