// Reads `--name value` pairs and flags from the command line of an operator script.
export function parseArgs(argv: string[]): { options: Record<string, string>; flags: Set<string>; positional: string[] } {
  const options: Record<string, string> = {};
  const flags = new Set<string>();
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith("--")) positional.push(arg);
    else if (i + 1 < argv.length && !argv[i + 1].startsWith("--")) options[arg.slice(2)] = argv[++i];
    else flags.add(arg.slice(2));
  }
  return { options, flags, positional };
}

export function fail(message: string): never {
  console.error(message);
  process.exit(1);
}
