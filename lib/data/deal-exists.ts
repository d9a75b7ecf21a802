// The cheapest question about a deal: is there a live one with this id? Asked by proxy.ts to answer 404 before
// the page starts streaming (a streamed page can no longer change its status).
import "server-only";
import { getDb } from "../db";

export async function dealExists(id: number): Promise<boolean> {
  const db = await getDb();
  const row = await db.deal.findFirst({ where: { id, deletedAt: null }, select: { id: true } });
  return row !== null;
}
