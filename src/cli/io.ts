import { readFile, stat } from 'node:fs/promises';
import { MAX_DOCUMENT_BYTES } from '../core';

/** Where a command writes; injected so tests capture output instead of spawning processes. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** True when stderr is a terminal, where long experiments draw a progress bar. */
  stderrIsTerminal?: boolean;
  /** Reads standard input, for `-` as a file name. */
  readStdin?(): AsyncIterable<Uint8Array>;
}

/** A subcommand: `run` returns the process exit code and never throws for bad input. */
export interface Command {
  /** One line for `archplay --help`. */
  summary: string;
  /** Full usage text for `archplay <command> --help`. */
  usage: string;
  run(args: string[], io: CliIo): Promise<number> | number;
}

/*
 * Exit codes shared by every command, documented in the README ("Exit codes and limits") and in
 * `archplay --help` ({@link EXIT_CODES_HELP}).
 */
export const EXIT_OK = 0;
/** A check failed: an SLO of `check`, or a run's invariant (CI gates expect 1). */
export const EXIT_CHECK_FAILED = 1;
/** An internal error (a bug): the same code as a failed check, so a gate never passes on one. */
export const EXIT_INTERNAL = 1;
/** Bad input or bad usage: a missing file, an invalid document, an unknown option. */
export const EXIT_INVALID = 2;
/** A run was stopped by a limit (events, requests in flight, memory, a stuck clock, wall-clock time). */
export const EXIT_STOPPED = 3;

/** The exit codes, as `archplay --help` lists them. */
export const EXIT_CODES_HELP = `Exit codes:
  0   ok
  1   a check failed (an SLO, or a run's invariant); also an internal error
  2   bad input or usage (an invalid document, an unknown option)
  3   a run was stopped by a limit (--max-events, --max-in-flight, --max-memory-mb, --max-wall-sec,
      or its clock stuck at one instant); the output covers the run up to the stop`;

export type ReadResult = { ok: true; text: string } | { ok: false; message: string };

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

const tooBig = (name: string, bytes: number, limit: number): ReadResult => ({
  ok: false,
  message: `${name}: file is ${megabytes(bytes)}; the limit is ${megabytes(limit)}`,
});

/** Decodes strictly so a binary file is reported as such instead of as a JSON error at byte 1. */
function decode(name: string, bytes: Uint8Array): ReadResult {
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, message: `${name}: not UTF-8 text (is it a binary file?)` };
  }
}

function describeFsError(name: string, error: unknown): string {
  const code = (error as { code?: unknown }).code;
  switch (code) {
    case 'ENOENT':
      return `${name}: no such file`;
    case 'EACCES':
    case 'EPERM':
      return `${name}: permission denied`;
    case 'EISDIR':
      return `${name}: is a directory, not a file`;
    case 'ENOTDIR':
      return `${name}: a part of the path is not a directory`;
    default:
      return `${name}: cannot read (${typeof code === 'string' ? code : String(error)})`;
  }
}

async function readStdin(io: CliIo, maxBytes: number): Promise<ReadResult> {
  if (io.readStdin === undefined) return { ok: false, message: '-: standard input is not available' };
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of io.readStdin()) {
    total += chunk.byteLength;
    // Stop reading as soon as the limit is passed: the rest could be endless.
    if (total > maxBytes) return tooBig('-', total, maxBytes);
    chunks.push(chunk);
  }
  return decode('-', Buffer.concat(chunks));
}

/**
 * Reads a document file, refusing directories and files over the size limit from `stat` before a
 * byte is read, so a huge file costs nothing. `-` reads standard input under the same limit.
 * `maxBytes` is the document limit unless a command reads larger files (trace exports).
 */
export async function readDocumentFile(
  path: string,
  io: CliIo,
  maxBytes = MAX_DOCUMENT_BYTES,
): Promise<ReadResult> {
  if (path === '-') return readStdin(io, maxBytes);
  try {
    const info = await stat(path);
    if (info.isDirectory()) return { ok: false, message: `${path}: is a directory, not a file` };
    if (!info.isFile()) return { ok: false, message: `${path}: not a regular file` };
    if (info.size > maxBytes) return tooBig(path, info.size, maxBytes);
    const bytes = await readFile(path);
    // The file may have grown between stat and read.
    if (bytes.byteLength > maxBytes) return tooBig(path, bytes.byteLength, maxBytes);
    return decode(path, bytes);
  } catch (error) {
    return { ok: false, message: describeFsError(path, error) };
  }
}

/** The process's own streams, for the real command line. */
export const processIo: CliIo = {
  stdout: (text) => {
    process.stdout.write(text);
  },
  stderr: (text) => {
    process.stderr.write(text);
  },
  readStdin: () => process.stdin,
  stderrIsTerminal: process.stderr.isTTY === true,
};
