// npm run user:create -- --email E --password P --role editor|admin
import { createUser } from "../auth/accounts";
import { openDatabase } from "../prisma-client";
import { fail, parseCommandLine } from "./args";
import { prepareDatabase } from "./prepare-db";

async function main() {
  const usage = "usage: npm run user:create -- --email E --password P --role editor|admin\n  --password  12 characters or more";
  const { values: options } = parseCommandLine({ usage, options: { email: "string", password: "string", role: "string" } });
  if (!options.email || !options.password || !options.role) fail(usage);
  await prepareDatabase({ seed: false, quiet: true });
  const db = await openDatabase();
  try {
    const user = await createUser(db, { email: options.email, password: options.password, role: options.role as "editor" });
    console.log(`created ${user.role} ${user.email} (id ${user.id})`);
  } catch (error) {
    fail(
      error instanceof Error && "issues" in error
        ? (error as { issues: { message: string }[] }).issues.map((i) => i.message).join("; ")
        : String((error as Error).message),
    );
  } finally {
    await db.$disconnect();
  }
}

main();
