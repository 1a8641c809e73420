import type { Step } from '../../model/schema';
import { EVENT_ID_HEADER } from '../../sim/dualWrite';
import type { EdgeLink } from '../../sim/edgeLink';
import { isSuccess } from '../../sim/status';
import type { World } from '../../sim/world';

/** Header with which a producer marks a re-sendable message; the bus publishes each key once per topic. */
export const IDEMPOTENCY_HEADER = 'x-idempotency-key';

/** Most outbox entries one relay run sends. */
const BATCH = 500;

/** An event waiting in the store's outbox: written with the append, in the same transaction. */
interface OutboxEntry {
  readonly id: string;
  readonly bus: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly step: Step;
  sending: boolean;
  done: boolean;
}

/**
 * The transactional outbox's relay (a polling publisher, as Debezium's outbox router or a scheduled
 * poller): every `intervalMs` while entries wait, it sends them in order to their bus over the store's
 * edge, with the event id as idempotency key, and deletes each entry once the bus confirmed it. A failed
 * or unanswered send stays for the next run, and the bus refuses a re-send it already holds, so an
 * event written is published exactly once, whatever crashes the service or cuts the link meanwhile.
 */
export class OutboxRelay {
  private entries: OutboxEntry[] = [];
  /** Entries before it are confirmed (the queue's head moves instead of splicing). */
  private head = 0;
  private scheduled = false;

  constructor(
    private readonly world: World,
    private readonly storeId: string,
    private readonly intervalMs: number,
  ) {}

  /** Entries written and not yet confirmed. */
  get size(): number {
    let n = 0;
    for (let i = this.head; i < this.entries.length; i++) if (!this.entries[i]!.done) n++;
    return n;
  }

  /** Puts an appended event in the outbox. */
  add(
    id: string,
    bus: string,
    topic: string,
    key: string | undefined,
    headers: Readonly<Record<string, string>>,
  ): void {
    const step: Step = {
      kind: 'publish',
      target: bus,
      topic,
      ...(key !== undefined ? { key: 'x-partition-key' } : {}),
    };
    const sent = {
      ...headers,
      [EVENT_ID_HEADER]: id,
      [IDEMPOTENCY_HEADER]: id,
      ...(key !== undefined ? { 'x-partition-key': key } : {}),
    };
    this.entries.push({ id, bus, headers: sent, step, sending: false, done: false });
    this.schedule();
  }

  private schedule(): void {
    if (this.scheduled || this.head >= this.entries.length) return;
    if (this.world.sim.now + this.intervalMs > this.world.options.durationMs) return;
    this.scheduled = true;
    this.world.sim.schedule(this.intervalMs, relay, this);
  }

  /** One relay run: sends the waiting entries not already on their way. */
  run(): void {
    this.scheduled = false;
    let sent = 0;
    for (let i = this.head; i < this.entries.length && sent < BATCH; i++) {
      const e = this.entries[i]!;
      if (e.sending || e.done) continue;
      const link: EdgeLink | undefined = this.world.link(this.storeId, e.bus);
      if (!link) continue;
      e.sending = true;
      sent++;
      link.call('POST', '/publish', e.headers, e.step, null, -1, confirmed, { relay: this, entry: e });
    }
    this.schedule();
  }

  /** The bus answered a send: a success deletes the entry, anything else leaves it for the next run. */
  onConfirmed(entry: OutboxEntry, status: number): void {
    entry.sending = false;
    if (isSuccess(status)) entry.done = true;
    // A delivered entry is let go at once (its slot cleared), not at the next compaction.
    while (this.head < this.entries.length && this.entries[this.head]!.done)
      this.entries[this.head++] = undefined as unknown as OutboxEntry;
    if (this.head > 1024 && this.head * 2 > this.entries.length) {
      this.entries = this.entries.slice(this.head);
      this.head = 0;
    }
    this.schedule();
  }
}

function relay(r: OutboxRelay): void {
  r.run();
}

function confirmed(ctx: { relay: OutboxRelay; entry: OutboxEntry }, status: number): void {
  ctx.relay.onConfirmed(ctx.entry, status);
}
