// `npm run db:seed`: applies the migrations and seeds the database if it holds no deals (never over existing data).
import { parseCommandLine } from "./args";
import { prepareDatabase } from "./prepare-db";

parseCommandLine({ usage: "usage: npm run db:seed\n  applies the migrations and seeds the database if it holds no deals", options: {} });

prepareDatabase({ seed: true }).catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
