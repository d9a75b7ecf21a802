"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { requireRole } from "../../auth/roles";
import { getSessionActor } from "../../auth/session";
import { getDb } from "../../db";
import { keepRoundDate } from "../../deals/market-cells";
import { roundFormSchema } from "../../deals/round-form";
import { recordRevision } from "../../revisions";
import { authorizationFailure, formValues, type ActionState, type FieldErrors } from "../action-state";

/**
 * Saves a Round's own fields (name, date, total as reported, post-money valuation), named by `id`, with a revision in
 * the same transaction (which moves the data version). Its deals and key are not this form's: a deal's round is set
 * in the deal form.
 */
export async function saveRound(_state: ActionState, formData: FormData): Promise<ActionState> {
  let actor;
  try {
    actor = requireRole(await getSessionActor(), "editor");
  } catch (error) {
    return authorizationFailure(error);
  }
  const values = formValues(formData);
  const id = /^\d{1,9}$/.test(values.id ?? "") ? Number(values.id) : null;
  if (id === null)
    return { status: "error", message: "The round id is not valid.", fieldErrors: { id: ["id must be a round's number"] }, values };
  const parsed = roundFormSchema.safeParse(values);
  if (!parsed.success)
    return {
      status: "error",
      message: "Some fields need attention.",
      fieldErrors: z.flattenError(parsed.error).fieldErrors as FieldErrors,
      values,
    };
  const input = parsed.data;
  const fields = {
    name: input.name,
    announcedOn: input.announced_on,
    amountUsdLow: input.amount_usd_low,
    amountUsdHigh: input.amount_usd_high,
    amountQualifier: input.amount_qualifier,
    postMoneyValuationUsd: input.post_money_valuation_usd,
  };
  const db = await getDb();
  const saved = await db.$transaction(async (tx) => {
    const before = await tx.round.findUnique({ where: { id } });
    if (!before) return false;
    const after = await tx.round.update({ where: { id }, data: fields });
    await keepRoundDate(tx, id, after.announcedOn);
    await recordRevision(tx, { entityType: "round", entityId: id, action: "update", actor: actor.email, before, after });
    return true;
  });
  if (!saved) return { status: "error", message: `There is no round ${id}.`, values };
  redirect(`/admin/rounds/${id}?saved=1`);
}
