// The command line of every operator script, read with node:util's parseArgs in strict mode: an unknown or misspelt
// flag (`--dryrun` for `--dry-run`) stops the command with its usage instead of being ignored, so a typo never does the
// real thing. `--help` (or `-h`) prints the usage.
import { parseArgs } from "node:util";

export type CommandSpec<O extends Record<string, "string" | "boolean">> = {
  /** The full usage text, first line `usage: npm run …`. */
  usage: string;
  options: O;
  /** How many positional arguments the command takes at most (default 0). */
  positionals?: number;
};

type Values<O extends Record<string, "string" | "boolean">> = { [K in keyof O]?: O[K] extends "string" ? string : boolean };

export type CommandLine<O extends Record<string, "string" | "boolean">> =
  { ok: true; values: Values<O>; positionals: string[] } | { ok: false; exitCode: 0 | 2; message: string };

/** Reads argv against the spec without side effects: the values, or the message and exit code to stop with. */
export function readCommandLine<O extends Record<string, "string" | "boolean">>(argv: string[], spec: CommandSpec<O>): CommandLine<O> {
  const options = Object.fromEntries(Object.entries(spec.options).map(([name, type]) => [name, { type }]));
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: argv,
      options: { ...options, help: { type: "boolean", short: "h" } },
      strict: true,
      allowPositionals: true,
    });
  } catch (error) {
    return { ok: false, exitCode: 2, message: `${(error as Error).message}\n${spec.usage}` };
  }
  if (parsed.values.help) return { ok: false, exitCode: 0, message: spec.usage };
  const max = spec.positionals ?? 0;
  if (parsed.positionals.length > max) {
    return { ok: false, exitCode: 2, message: `unexpected argument ${JSON.stringify(parsed.positionals[max])}\n${spec.usage}` };
  }
  const values: Record<string, unknown> = { ...parsed.values };
  delete values.help;
  return { ok: true, values: values as Values<O>, positionals: parsed.positionals };
}

/** Reads this process's command line; prints the usage and exits on `--help` (0) or on a bad argument (2). */
export function parseCommandLine<O extends Record<string, "string" | "boolean">>(
  spec: CommandSpec<O>,
  argv = process.argv.slice(2),
): { values: Values<O>; positionals: string[] } {
  const line = readCommandLine(argv, spec);
  if (line.ok) return line;
  if (line.exitCode === 0) console.log(line.message);
  else console.error(line.message);
  process.exit(line.exitCode);
}

export function fail(message: string): never {
  console.error(message);
  process.exit(1);
}
