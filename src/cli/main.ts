import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { analyzeCommand } from './analyze';
import { capacityCommand } from './capacity';
import { checkCommand } from './check';
import { compareCommand } from './compare';
import { exportCommand } from './export';
import { importCommand } from './import';
import {
  type CliIo,
  type Command,
  EXIT_CODES_HELP,
  EXIT_INTERNAL,
  EXIT_INVALID,
  EXIT_OK,
  processIo,
} from './io';
import { lessonCommand } from './lesson';
import { mergeCommand } from './merge';
import { runCommand } from './run';
import { sweepCommand } from './sweep';
import { validateCommand } from './validate';

/**
 * Every subcommand, by name. New commands register here.
 * `run` (the headless simulation) is registered here as `run: runCommand` from './run'.
 */
export const commands: Record<string, Command> = {
  analyze: analyzeCommand,
  capacity: capacityCommand,
  check: checkCommand,
  compare: compareCommand,
  export: exportCommand,
  import: importCommand,
  lesson: lessonCommand,
  merge: mergeCommand,
  run: runCommand,
  sweep: sweepCommand,
  validate: validateCommand,
};

function overview(): string {
  const width = Math.max(...Object.keys(commands).map((name) => name.length));
  const lines = Object.entries(commands).map(
    ([name, command]) => `  ${name.padEnd(width)}   ${command.summary}`,
  );
  return `Usage: archplay <command> [options]

Commands:
${lines.join('\n')}

Options:
  -h, --help   show this help; \`archplay <command> --help\` shows a command's options

${EXIT_CODES_HELP}
`;
}

/**
 * The command line: dispatches `argv` (without node and the script) to a subcommand and returns the
 * exit code. Output goes through `io` so tests call it directly; it never throws, and an internal
 * error prints one line, with the stack only when ARCHPLAY_DEBUG is set.
 */
export async function main(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    io.stderr(`archplay: missing the command\n\n${overview()}`);
    return EXIT_INVALID;
  }
  if (name === '-h' || name === '--help' || name === 'help') {
    io.stdout(overview());
    return EXIT_OK;
  }
  const command = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (command === undefined) {
    io.stderr(`archplay: unknown command "${name}"\n\n${overview()}`);
    return EXIT_INVALID;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`archplay ${name}: internal error: ${message}\n`);
    if (process.env.ARCHPLAY_DEBUG && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
    return EXIT_INTERNAL;
  }
}

/** True when this module is the process entry (`tsx src/cli/main.ts`), not an import. */
function isEntry(): boolean {
  const entry = process.argv[1];
  if (entry === undefined) return false;
  try {
    return realpathSync(entry) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntry()) {
  // exitCode instead of process.exit() so buffered stdout is flushed before the process ends.
  process.exitCode = await main(process.argv.slice(2));
}
