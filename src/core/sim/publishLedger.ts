/** How an appended event reaches the bus. */
export type PublishVia = 'outbox' | 'dualWrite';

/** The fate of the events appended with one way of publishing, in the run summary. */
export interface PublishingCounts {
  /** Events appended with the intent to publish them. */
  written: number;
  /** Of those, events published at least once. */
  published: number;
  /** Extra publishes of events already published (a consumer sees them twice). */
  duplicated: number;
  /** Written and never to be published (the service died or the publish failed after the write). */
  lost: number;
  /** Written, not yet published, and still on their way (an outbox entry, a publish in flight). */
  pending: number;
  /** Re-sent events the bus recognised by their idempotency key and did not publish again. */
  duplicatesRefused: number;
}

interface Entry {
  readonly via: PublishVia;
  publishes: number;
  /** True while a publish of it may still come (outbox entry waiting, dual-write publish in flight). */
  pending: boolean;
}

/**
 * The ledger of events appended with the intent to publish them (an `append` step with `publish`),
 * keyed by event id: the event store records each write, the bus each publish, so a run can say how
 * many events a dual write lost or duplicated and show that a transactional outbox did neither.
 */
export class PublishLedger {
  private readonly entries = new Map<string, Entry>();
  private readonly refused: Record<PublishVia, number> = { outbox: 0, dualWrite: 0 };

  /** The store appended event `id`; a publish is still to come. */
  written(id: string, via: PublishVia): void {
    if (!this.entries.has(id)) this.entries.set(id, { via, publishes: 0, pending: true });
  }

  /** Nothing will publish event `id` any more, published or not (its dual write ended). */
  settled(id: string): void {
    const e = this.entries.get(id);
    if (e) e.pending = false;
  }

  /** The bus appended event `id` to a topic. */
  published(id: string): void {
    const e = this.entries.get(id);
    if (!e) return;
    e.publishes++;
    if (e.via === 'outbox') e.pending = false;
  }

  /** The bus refused a re-sent event by its idempotency key. */
  refusedDuplicate(id: string): void {
    const e = this.entries.get(id);
    if (e) this.refused[e.via]++;
  }

  /** Whether event `id` was published already. */
  isPublished(id: string): boolean {
    return (this.entries.get(id)?.publishes ?? 0) > 0;
  }

  /** Counts per way of publishing, for the ways in use. */
  summary(): Partial<Record<PublishVia, PublishingCounts>> {
    const out: Partial<Record<PublishVia, PublishingCounts>> = {};
    for (const e of this.entries.values()) {
      let c = out[e.via];
      if (!c) {
        c = {
          written: 0,
          published: 0,
          duplicated: 0,
          lost: 0,
          pending: 0,
          duplicatesRefused: this.refused[e.via],
        };
        out[e.via] = c;
      }
      c.written++;
      if (e.publishes > 0) {
        c.published++;
        c.duplicated += e.publishes - 1;
      } else if (e.pending) c.pending++;
      else c.lost++;
    }
    const ordered: Partial<Record<PublishVia, PublishingCounts>> = {};
    if (out.dualWrite) ordered.dualWrite = out.dualWrite;
    if (out.outbox) ordered.outbox = out.outbox;
    return ordered;
  }
}
