// `npm run db:synth -- --deals N [--seed S] [--out FILE]`: a separate SQLite database of N synthetic deals
// (lib/synth/synth-database.ts), for benchmarks. Never touches the app's own database unless --out names it.
import path from "node:path";
import { contentHash, synthDatabase } from "../synth/synth-database";
import { fail, parseCommandLine } from "./args";

const usage = "usage: npm run db:synth -- --deals N [--seed S] [--out FILE] [--hash]";
const { values: options } = parseCommandLine({ usage, options: { deals: "string", seed: "string", out: "string", hash: "boolean" } });
const deals = Number(options.deals ?? "");
if (!Number.isInteger(deals) || deals < 1) fail(`${usage}\n--deals must be a positive whole number`);
const seed = options.seed === undefined ? 1 : Number(options.seed);
if (!Number.isInteger(seed) || seed < 0) fail(`--seed must be a whole number, got ${options.seed}`);
const out = options.out ?? path.join("data", `synth-${deals}-s${seed}.db`);

const result = synthDatabase({ deals, seed, out, log: (line) => console.log(`  ${line}`) });
console.log(
  `Wrote ${path.relative(process.cwd(), result.file)}: ${result.deals} deals, ${result.organizations} organizations, ${result.participations} participations, ` +
    `${result.sources} sources, ${result.events} lifecycle events in ${(result.ms / 1000).toFixed(1)} s`,
);
if (options.hash) console.log(`content hash ${contentHash(result.file)}`);
console.log(`Serve it with DATABASE_URL=file:${result.file} npm start`);
