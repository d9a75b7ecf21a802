// `npm run db:seed`: applies the migrations and seeds the database if it holds no deals (never over existing data).
import { prepareDatabase } from "./prepare-db";

prepareDatabase({ seed: true }).catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
