import { canonicalJson } from './canonicalJson';

/**
 * A query-side read model: documents by key, written only by its projection and read by query
 * steps, so reads are eventually consistent with the event store.
 */
export class ReadModel<D> {
  private readonly docs = new Map<string, D>();
  /** Writes so far, a cheap change counter for the UI. */
  writes = 0;

  get(key: string): D | undefined {
    return this.docs.get(key);
  }

  set(key: string, doc: D): void {
    this.docs.set(key, doc);
    this.writes++;
  }

  delete(key: string): boolean {
    this.writes++;
    return this.docs.delete(key);
  }

  get size(): number {
    return this.docs.size;
  }

  keys(): IterableIterator<string> {
    return this.docs.keys();
  }

  /** The first difference from another model, or undefined when both hold the same documents. */
  diff(other: ReadModel<D>): string | undefined {
    if (this.size !== other.size) return `${this.size} documents vs ${other.size}`;
    for (const [key, doc] of this.docs) {
      if (!other.docs.has(key)) return `document ${key} is missing from the other model`;
      const a = canonicalJson(doc);
      const b = canonicalJson(other.docs.get(key));
      if (a !== b) return `document ${key} differs: ${a} vs ${b}`;
    }
    return undefined;
  }
}
