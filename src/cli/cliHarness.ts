import { join } from 'node:path';
import type { CliIo } from './io';
import { main } from './main';

/** The shipped example diagrams, for CLI tests. */
export const examplesDir = join(import.meta.dirname, '../../public/examples');

/** What one CLI invocation printed and returned. */
export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process with captured output, as the tests of its commands do. */
export async function runCli(argv: string[], stdin?: string): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    readStdin: async function* () {
      if (stdin !== undefined) yield new TextEncoder().encode(stdin);
    },
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}
