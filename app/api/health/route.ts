import { getDb } from "@/lib/db";

/** GET /api/health: 200 when the database answers, 503 otherwise. For load balancers and the test server. */
export async function GET() {
  try {
    const db = await getDb();
    const deals = await db.deal.count({ where: { deletedAt: null } });
    return Response.json({ status: "ok", deals });
  } catch {
    return Response.json({ status: "unavailable" }, { status: 503 });
  }
}
