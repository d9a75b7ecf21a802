// npm run db:schema: writes prisma/postgresql/schema.prisma from prisma/schema.prisma (see lib/db-schema).
// --check exits 1 when the written file is stale instead of writing it.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseCommandLine } from "./args";
import { POSTGRESQL_SCHEMA_PATH, SQLITE_SCHEMA_PATH, postgresqlSchemaFrom } from "../db-schema/postgresql-schema";

function main() {
  const { values } = parseCommandLine({
    usage: "usage: npm run db:schema [-- --check]\n  --check  exit 1 when prisma/postgresql/schema.prisma is stale instead of writing it",
    options: { check: "boolean" },
  });
  const expected = postgresqlSchemaFrom(readFileSync(SQLITE_SCHEMA_PATH, "utf8"));
  let current = "";
  try {
    current = readFileSync(POSTGRESQL_SCHEMA_PATH, "utf8");
  } catch {}
  if (values.check) {
    if (current !== expected) {
      console.error(`${POSTGRESQL_SCHEMA_PATH} is stale: run npm run db:schema`);
      process.exit(1);
    }
    console.log(`${POSTGRESQL_SCHEMA_PATH} is up to date`);
    return;
  }
  mkdirSync(path.dirname(POSTGRESQL_SCHEMA_PATH), { recursive: true });
  writeFileSync(POSTGRESQL_SCHEMA_PATH, expected);
  console.log(current === expected ? `${POSTGRESQL_SCHEMA_PATH} already up to date` : `wrote ${POSTGRESQL_SCHEMA_PATH}`);
}

main();
