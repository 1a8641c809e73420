import { answerSagaCall } from '../../domain/runtime/domainSteps';
import { compileDistribution, type Sampler } from '../../engine/distributions';
import type { Sfc32 } from '../../engine/rng';
import { CAUSE } from '../../metrics/failureCause';
import type { NodeOfKind } from '../../model/schema';
import { EVENT_ID_HEADER } from '../../sim/dualWrite';
import type { NodeRequest } from '../../sim/types';
import type { World } from '../../sim/world';
import { type CommandCounts, DeclaredAggregates } from '../events/declaredAggregates';
import { EventStore } from '../events/eventStore';
import type { ExpectedVersion } from '../events/storeTypes';
import { OutboxRelay } from './outboxRelay';
import { requestKey, SingleNodeRuntime } from './singleNode';

/**
 * Events kept in memory per store node; older ones are archived so hour-long runs stay flat. About
 * four simulated minutes of the e-commerce template (~400 events/s), far beyond any saga's life.
 */
const MAX_RETAINED_EVENTS = 100_000;
/**
 * Fully archived streams whose version the store still remembers (see EventStoreOptions): enough
 * for aggregates that go quiet and come back; finished orders never come back.
 */
const MAX_RETIRED_STREAMS = 2_000;

/** How often the outbox relay polls when the document does not say (Debezium's poll interval is 500 ms). */
const DEFAULT_RELAY_INTERVAL_MS = 100;

/** Header naming the stream (aggregate id) of a plain append; `x-order-id` is read next. */
const AGGREGATE_HEADER = 'x-aggregate-id';
/**
 * Header with the expected version of a plain append, as EventStoreDB's expected revision: `any`
 * (default), `noStream` (or `-1`), `streamExists`, or the revision of the stream's last event (0
 * after one event).
 */
const EXPECTED_VERSION_HEADER = 'x-expected-version';

/** Parses an expected-version header; anything unreadable means `any`. */
function parseExpectedVersion(value: string | undefined): ExpectedVersion {
  if (value === 'noStream' || value === '-1') return 'noStream';
  if (value === 'streamExists') return 'streamExists';
  if (value !== undefined && /^\d+$/.test(value)) return Number(value);
  return 'any';
}

/**
 * An event store node. An `append` step writes one event of the step's `eventType` after the
 * store's append latency: the stream is the request's `x-aggregate-id` header, else `x-order-id`,
 * else a new generated stream per request; `x-expected-version` gives optimistic concurrency and a
 * mismatch answers 409 to the caller. The order saga's appends run the Order aggregate's command
 * handlers. Snapshots are saved every `snapshotEvery` events of a stream.
 */
/** An event store's section of its summary entry. */
export interface EventStoreSummary {
  /** Events appended (the head position). */
  events: number;
  streams: number;
  appends: number;
  /** Appends refused for a wrong expected version (409). */
  conflicts: number;
  snapshots: number;
  archived: number;
  forgottenStreams: number;
  /** Per declared aggregate type: its streams and its commands accepted and refused (when declared). */
  aggregates?: Record<string, { streams: number; commands: Record<string, CommandCounts> }>;
}

export class EventStoreRuntime extends SingleNodeRuntime {
  readonly eventStore: EventStore;
  private readonly latency: Sampler;
  private readonly rng: Sfc32;
  private generated = 0;
  /** The aggregate types the document declares on this store. */
  private readonly aggregates: DeclaredAggregates;
  /** Events appended with `publish.via: "outbox"`, waiting for the relay. */
  private readonly outbox: OutboxRelay;
  /** Append latency multiplier of slow-disk faults in force. */
  private diskFactor = 1;
  appends = 0;
  conflicts = 0;
  snapshots = 0;

  constructor(world: World, node: NodeOfKind<'eventStore'>) {
    super(world, node);
    const c = node.config;
    this.eventStore = new EventStore({
      snapshotEvery: c.snapshotEvery,
      maxRetainedEvents: MAX_RETAINED_EVENTS,
      maxRetiredStreams: MAX_RETIRED_STREAMS,
    });
    this.latency = compileDistribution(c.appendLatencyMs);
    this.aggregates = new DeclaredAggregates(c.aggregates ?? []);
    this.outbox = new OutboxRelay(world, node.id, c.relayIntervalMs ?? DEFAULT_RELAY_INTERVAL_MS);
    this.rng = world.rng(`node:${node.id}`);
  }

  handle(req: NodeRequest): void {
    this.accept(req);
    if (req.step?.kind !== 'append') {
      this.answer(req, 400, CAUSE.badRequest);
      return;
    }
    this.world.sim.schedule(this.latency.draw(this.rng) * this.diskFactor, appendDue, { runtime: this, req });
  }

  slowDisk(factor: number): boolean {
    this.diskFactor *= factor;
    if (Math.abs(this.diskFactor - 1) < 1e-9) this.diskFactor = 1;
    return true;
  }

  /** Events kept in memory, at 512 bytes each with their stream's index entry (measured 500). */
  retainedBytes(): number {
    const s = this.eventStore;
    return (s.headPosition - s.firstRetainedPosition + 1) * 512;
  }

  /** Events, streams, appends, conflicts (409s), snapshots, archived events and forgotten streams. */
  override summary(): { eventStore: EventStoreSummary } {
    const s = this.eventStore;
    const aggregates = this.aggregates.size > 0 ? { aggregates: this.aggregates.summary() } : {};
    return {
      eventStore: {
        events: s.headPosition,
        streams: s.streamCount,
        appends: this.appends,
        conflicts: this.conflicts,
        snapshots: this.snapshots,
        archived: s.archived,
        forgottenStreams: s.forgottenStreams,
        ...aggregates,
      },
    };
  }

  /** Performs an append that reached the head of the store. */
  perform(req: NodeRequest): void {
    const step = req.step;
    if (step?.kind !== 'append') return;
    const now = this.world.sim.now;
    const saga = answerSagaCall(this.world, req, 'orderStore');
    if (saga) {
      if (saga.status === 200) this.appends++;
      else if (saga.status === 409) this.conflicts++;
      this.answer(req, saga.status, saga.cause);
      return;
    }
    const streamId =
      req.headers[AGGREGATE_HEADER] ?? req.headers['x-order-id'] ?? `${this.id}-${++this.generated}`;
    const expected = parseExpectedVersion(req.headers[EXPECTED_VERSION_HEADER]);
    let eventType = step.eventType ?? '';
    if (step.command !== undefined) {
      // A command of a declared aggregate: its rule, checked against the stream's state, may refuse it.
      const decided = this.aggregates.decide(step.command, streamId, req.headers);
      if (!decided.ok) {
        this.answer(req, 422, CAUSE.commandRejected);
        return;
      }
      eventType = decided.eventType;
    }
    // The store stamps events with its own clock (skewed under a clockSkew fault).
    const r = this.eventStore.append(
      streamId,
      [{ type: eventType, data: { source: req.sourceId, params: req.headers } }],
      expected,
      this.world.clockMs(this.id),
    );
    if (!r.ok) {
      this.conflicts++;
      this.answer(req, 409, CAUSE.conflict);
      return;
    }
    this.appends++;
    this.aggregates.apply(streamId, eventType, req.headers);
    if (step.publish) {
      const id = req.headers[EVENT_ID_HEADER] ?? `${this.id}:${this.eventStore.headPosition}`;
      this.world.publishLedger.written(id, step.publish.via);
      if (step.publish.via === 'outbox')
        this.outbox.add(
          id,
          step.publish.target,
          step.publish.topic,
          requestKey(req, step.publish.key),
          req.headers,
        );
    }
    if (
      r.snapshotDue &&
      this.eventStore.saveSnapshot(streamId, r.version, { version: r.version, lastType: eventType }, now)
    ) {
      this.snapshots++;
    }
    this.answer(req, 200, CAUSE.none);
  }
}

function appendDue(arg: { runtime: EventStoreRuntime; req: NodeRequest }): void {
  arg.runtime.perform(arg.req);
}
