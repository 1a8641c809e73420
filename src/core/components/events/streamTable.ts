import type { Snapshot } from './storeTypes';

/**
 * The event store's streams, one row each, one column per field; rows of forgotten streams are
 * reused. NOTE: written for the garbage collector, like `EventColumns`. A stream lives as long as
 * its events in memory (minutes: one stream per order in the e-commerce template), so an object
 * per stream outlived the young generation and was copied by the scavenger; here a stream is an
 * index into arrays. The store reads and writes the columns directly (the table is its own).
 */
export class StreamTable {
  readonly ids: string[] = [];
  /** Events ever appended (the version), 0 for none. */
  readonly versions: number[] = [];
  /** Global position of the newest event, 0 for none. */
  readonly lastPositions: number[] = [];
  /**
   * Position of the oldest event in memory; each event links to its stream's next one
   * (`EventColumns.nextAt`), so a stream keeps no list of its own.
   */
  readonly firstPositions: number[] = [];
  /** Events of the stream in memory. */
  readonly retained: number[] = [];
  /** 1 while the stream is in the live index (it has events in memory), 0 when retired. */
  readonly live: number[] = [];
  readonly snapshots: (Snapshot | undefined)[] = [];
  /** A fold of the whole stream a reader left (see `EventStore.remember`), its owner and version. */
  readonly memos: unknown[] = [];
  readonly memoOwners: (object | undefined)[] = [];
  readonly memoVersions: number[] = [];
  private readonly free: number[] = [];

  /** A new stream with no event, and its row. */
  add(id: string): number {
    const row = this.free.pop();
    if (row === undefined) {
      this.ids.push(id);
      this.versions.push(0);
      this.lastPositions.push(0);
      this.firstPositions.push(0);
      this.retained.push(0);
      this.live.push(0);
      this.snapshots.push(undefined);
      this.memos.push(undefined);
      this.memoOwners.push(undefined);
      this.memoVersions.push(0);
      return this.ids.length - 1;
    }
    this.ids[row] = id;
    this.versions[row] = 0;
    this.lastPositions[row] = 0;
    this.firstPositions[row] = 0;
    this.retained[row] = 0;
    this.live[row] = 0;
    this.memoVersions[row] = 0;
    return row;
  }

  /** Drops what a stream held, so its row can be reused. */
  release(row: number): void {
    this.ids[row] = '';
    this.snapshots[row] = undefined;
    this.forgetMemo(row);
    this.free.push(row);
  }

  forgetMemo(row: number): void {
    this.memos[row] = undefined;
    this.memoOwners[row] = undefined;
  }

  /** Version of the stream's oldest event in memory (version + 1 when none is): versions are consecutive. */
  firstKeptVersion(row: number): number {
    return this.versions[row]! - this.retained[row]! + 1;
  }
}
