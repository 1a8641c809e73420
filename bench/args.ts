export const benchParts = [
  'engine',
  'flow',
  'longRun',
  'ecommerceLongRun',
  'replications',
  'problems',
] as const;
export type BenchPart = (typeof benchParts)[number];

export interface BenchArgs {
  json: boolean;
  parts: BenchPart[];
}

/** Parses `[--json] [--only engine|flow|longRun|ecommerceLongRun|replications|problems]`; throws with a usage line on anything else. */
export function parseBenchArgs(argv: readonly string[]): BenchArgs {
  let json = false;
  let only: BenchPart | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--json') json = true;
    else if (arg === '--only' || arg.startsWith('--only=')) {
      const value = arg === '--only' ? argv[++i] : arg.slice('--only='.length);
      if (!benchParts.includes(value as BenchPart))
        throw new Error(`--only takes one of ${benchParts.join(', ')}; got ${value ?? 'nothing'}`);
      only = value as BenchPart;
    } else
      throw new Error(
        `unknown argument ${arg}; usage: npm run bench -- [--json] [--only ${benchParts.join('|')}]`,
      );
  }
  return { json, parts: only ? [only] : [...benchParts] };
}
