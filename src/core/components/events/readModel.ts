import { FifoMap } from '../../sim/fifoMap';
import { canonicalJson } from './canonicalJson';

/**
 * A query-side read model: documents by key, written only by its projection and read by query
 * steps, so reads are eventually consistent with the event store. With `maxDocuments` it keeps the
 * newest documents (by first write) and evicts the oldest beyond it, counted: a deterministic rule,
 * so a replay into a model with the same cap holds the same documents.
 */
export class ReadModel<D> {
  private readonly docs = new FifoMap<string, D>();
  /** Writes so far, a cheap change counter for the UI. */
  writes = 0;
  /** Documents dropped by `maxDocuments`. */
  evicted = 0;

  constructor(readonly maxDocuments = Number.POSITIVE_INFINITY) {}

  /** An empty model with the same cap, for replays. */
  emptyLike(): ReadModel<D> {
    return new ReadModel<D>(this.maxDocuments);
  }

  get(key: string): D | undefined {
    return this.docs.get(key);
  }

  set(key: string, doc: D): void {
    this.docs.set(key, doc);
    this.writes++;
    if (this.docs.size > this.maxDocuments) {
      this.docs.shift();
      this.evicted++;
    }
  }

  /** Counts a write of a document its projection changed in place. */
  rewrote(): void {
    this.writes++;
  }

  delete(key: string): boolean {
    this.writes++;
    return this.docs.delete(key);
  }

  get size(): number {
    return this.docs.size;
  }

  keys(): Iterable<string> {
    return this.docs.keys();
  }

  /** The first difference from another model, or undefined when both hold the same documents. */
  diff(other: ReadModel<D>): string | undefined {
    if (this.size !== other.size) return `${this.size} documents vs ${other.size}`;
    for (const [key, doc] of this.docs.entries()) {
      if (!other.docs.has(key)) return `document ${key} is missing from the other model`;
      const a = canonicalJson(doc);
      const b = canonicalJson(other.docs.get(key));
      if (a !== b) return `document ${key} differs: ${a} vs ${b}`;
    }
    return undefined;
  }
}
