// npm run token:create -- --email E --name N   (prints the token once)
import { createApiToken } from "../auth/accounts";
import { openDatabase } from "../prisma-client";
import { fail, parseCommandLine } from "./args";
import { prepareDatabase } from "./prepare-db";

async function main() {
  const usage =
    "usage: npm run token:create -- --email E --name N\n  --email  the account the token acts as\n  --name   what the token is for (shown in /admin/tokens)";
  const { values: options } = parseCommandLine({ usage, options: { email: "string", name: "string" } });
  if (!options.email || !options.name) fail(usage);
  await prepareDatabase({ seed: false, quiet: true });
  const db = await openDatabase();
  try {
    const user = await db.user.findUnique({ where: { email: options.email.toLowerCase() }, select: { id: true, disabledAt: true } });
    if (!user || user.disabledAt) fail(`no active user with email ${options.email}`);
    const { token } = await createApiToken(db, user.id, options.name);
    console.log(token);
    console.error("Store it now: it is shown only once. Send it as: Authorization: Bearer <token>");
  } finally {
    await db.$disconnect();
  }
}

main();
