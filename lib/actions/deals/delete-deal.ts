"use server";

import { redirect } from "next/navigation";
import { requireRole } from "../../auth/roles";
import { getSessionActor } from "../../auth/session";
import { getDb } from "../../db";
import { dealIdSchema } from "../../deals/deal-form";
import { keepingMarketCells } from "../../deals/market-cells";
import { recordRevision, snapshotDeal } from "../../revisions";
import { authorizationFailure, type ActionState } from "../action-state";

/** Soft delete: the deal disappears from public pages and can be restored from its history. */
export async function deleteDeal(_state: ActionState, formData: FormData): Promise<ActionState> {
  let actor;
  try {
    actor = requireRole(await getSessionActor(), "editor");
  } catch (error) {
    return authorizationFailure(error);
  }
  const id = dealIdSchema.safeParse(formData.get("id"));
  if (!id.success) return { status: "error", message: "The deal id is not valid." };
  const db = await getDb();
  const deleted = await db.$transaction(async (tx) => {
    const before = await snapshotDeal(tx, id.data);
    if (!before || before.deletedAt) return false;
    // A deleted deal leaves the market's cells.
    await keepingMarketCells(tx, [id.data], () =>
      tx.deal.update({ where: { id: id.data }, data: { deletedAt: new Date(), version: { increment: 1 } } }),
    );
    await recordRevision(tx, {
      entityType: "deal",
      entityId: id.data,
      action: "delete",
      actor: actor.email,
      before,
      after: await snapshotDeal(tx, id.data),
    });
    return true;
  });
  if (!deleted) return { status: "error", message: `There is no deal ${id.data} to delete.` };
  redirect(`/admin?deleted=${id.data}`);
}
