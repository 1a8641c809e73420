import type { CliIo } from './io';

/** A progress bar on stderr, drawn only on a terminal and never with --json. */
export interface Progress {
  update(done: number, total: number): void;
  /** Erases the bar, so what follows starts on a clean line. */
  finish(): void;
}

const WIDTH = 30;

/** A bar such as `sweep [##########..........]  12/36 runs`, redrawn in place with a carriage return. */
export function progressLine(label: string, done: number, total: number): string {
  const filled = total > 0 ? Math.round((done / total) * WIDTH) : WIDTH;
  return `${label} [${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${String(done).padStart(String(total).length)}/${total} runs`;
}

/** Progress for a command: quiet in pipes, in tests and with --json, so machine output stays clean. */
export function createProgress(io: CliIo, label: string, json: boolean): Progress {
  if (json || io.stderrIsTerminal !== true) return { update() {}, finish() {} };
  let drawn = '';
  return {
    update(done, total) {
      const line = progressLine(label, done, total);
      if (line === drawn) return;
      drawn = line;
      io.stderr(`\r${line}`);
    },
    finish() {
      if (drawn !== '') io.stderr(`\r${' '.repeat(drawn.length)}\r`);
      drawn = '';
    },
  };
}
