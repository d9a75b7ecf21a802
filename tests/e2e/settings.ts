import path from "node:path";

export const E2E_PORT = Number(process.env.E2E_PORT ?? 3210);
export const E2E_DB_DIR = path.join(process.cwd(), "tests", ".tmp", "e2e");
export const E2E_DATABASE_URL = `file:${path.join(E2E_DB_DIR, "deals.db")}`;

/** The editor the browser tests sign in as; created on the fresh e2e database before the server starts. */
export const E2E_EDITOR = { email: "e2e-editor@example.com", password: "e2e-editor-password" };
