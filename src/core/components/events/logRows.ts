import { type LogFieldValue, type LogLevel, levelRank, logLevels, type StoredLogEntry } from './logTypes';

const INITIAL_CAPACITY = 1024;

/**
 * The entries a log store holds, one column per field, each entry a row number (freed rows are
 * reused). NOTE: written for the garbage collector. A store keeps up to hundreds of thousands of
 * entries for most of an hour, so each entry outlived the young generation and the scavenger copied
 * it, with the heap number of its time, before it settled in the old generation, where every major
 * collection marks it again. Here an entry keeps no object of its own: its time and sequence are
 * numbers in typed arrays, its strings (service, message, trace id) are the ones it was given, and
 * a reader gets an object made when it reads.
 */
export class LogRows {
  private times = new Float64Array(INITIAL_CAPACITY);
  private seqs = new Float64Array(INITIAL_CAPACITY);
  private levels = new Uint8Array(INITIAL_CAPACITY);
  private services: (string | undefined)[] = new Array(INITIAL_CAPACITY);
  private messages: (string | undefined)[] = new Array(INITIAL_CAPACITY);
  private traceIds: (string | undefined)[] = new Array(INITIAL_CAPACITY);
  /** A log processor's parsed fields, for the few entries that have them. */
  private fields: (Readonly<Record<string, LogFieldValue>> | undefined)[] = new Array(INITIAL_CAPACITY);
  private free: number[] = [];
  private used = 0;

  /** Stores an entry's fields in a row and returns the row. */
  add(entry: StoredLogEntry): number {
    let row = this.free.pop();
    if (row === undefined) {
      if (this.used === this.times.length) this.grow();
      row = this.used++;
    }
    this.times[row] = entry.timeMs;
    this.seqs[row] = entry.seq;
    this.levels[row] = levelRank(entry.level);
    this.services[row] = entry.service;
    this.messages[row] = entry.message;
    this.traceIds[row] = entry.traceId;
    this.fields[row] = entry.fields;
    return row;
  }

  /** Frees a row for reuse, letting go of its strings. */
  release(row: number): void {
    this.services[row] = undefined;
    this.messages[row] = undefined;
    this.traceIds[row] = undefined;
    this.fields[row] = undefined;
    this.free.push(row);
  }

  timeMs(row: number): number {
    return this.times[row]!;
  }

  seq(row: number): number {
    return this.seqs[row]!;
  }

  service(row: number): string {
    return this.services[row]!;
  }

  levelRank(row: number): number {
    return this.levels[row]!;
  }

  /** Whether row `a` comes before row `b`: earlier time, then earlier arrival. */
  before(a: number, b: number): boolean {
    const ta = this.times[a]!;
    const tb = this.times[b]!;
    return ta < tb || (ta === tb && this.seqs[a]! < this.seqs[b]!);
  }

  /** The entry of a row, as the store was given it (the same fields in the same order). */
  entry(row: number): StoredLogEntry {
    const fields = this.fields[row];
    return {
      timeMs: this.times[row]!,
      service: this.services[row]!,
      level: logLevels[this.levels[row]!] as LogLevel,
      message: this.messages[row]!,
      traceId: this.traceIds[row]!,
      ...(fields ? { fields } : {}),
      seq: this.seqs[row]!,
    };
  }

  private grow(): void {
    const capacity = this.times.length * 2;
    const times = new Float64Array(capacity);
    times.set(this.times);
    this.times = times;
    const seqs = new Float64Array(capacity);
    seqs.set(this.seqs);
    this.seqs = seqs;
    const levels = new Uint8Array(capacity);
    levels.set(this.levels);
    this.levels = levels;
    this.services.length = capacity;
    this.messages.length = capacity;
    this.traceIds.length = capacity;
    this.fields.length = capacity;
  }
}
