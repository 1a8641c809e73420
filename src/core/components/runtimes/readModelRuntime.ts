import { compileDistribution, type Sampler } from '../../engine/distributions';
import { DOUBLE_ZERO } from '../../engine/doubleFields';
import type { Sfc32 } from '../../engine/rng';
import { CAUSE } from '../../metrics/failureCause';
import type { NodeOfKind } from '../../model/schema';
import type { EdgeLink } from '../../sim/edgeLink';
import { Fifo } from '../../sim/fifo';
import { MESSAGE_DUPLICATED, MESSAGE_LOST, MESSAGE_REORDERED } from '../../sim/messageFaults';
import type { NodeRequest } from '../../sim/types';
import type { World } from '../../sim/world';
import { DeclaredProjections } from '../events/declaredProjections';
import type { EventStore } from '../events/eventStore';
import { Projection, type ProjectionLag } from '../events/projection';
import { ReadModel } from '../events/readModel';
import type { RecordedEvent } from '../events/storeTypes';
import {
  declaredProjection,
  docKeyOf,
  fieldTotals,
  queriedStream,
  type ReadModelDoc,
  readModelProjection,
} from './readModelProjection';
import { SingleNodeRuntime } from './singleNode';

/** How long a projection takes to notice a lost event and read it again from its checkpoint. */
const CATCH_UP_MS = 1000;
/** Query header value that asks for the most recently written aggregate ("my order, just placed"). */
const LATEST = 'latest';

/**
 * Query header value that asks for an aggregate written recently: the stream of an event drawn
 * uniformly from the last RECENT_WINDOW positions ("a customer checks an order placed moments ago"),
 * so stale reads measure how far the projection trails a realistic reader.
 */
const RECENT = 'recent';
const RECENT_WINDOW = 1000;
/** The two as `x-order-id` values reach the model (an order's stream id). */
const ORDER_LATEST = `order-${LATEST}`;
const ORDER_RECENT = `order-${RECENT}`;

/**
 * Documents a read model node keeps: the newest ones by first write (orders are written once
 * placed, so the oldest are finished orders). A query of an evicted document counts as not found.
 */
const MAX_READ_MODEL_DOCUMENTS = 10_000;

/**
 * A read model node: its projection follows the `source` event store (or the store whose projection
 * edge feeds it) from position 1, applying each event `projectionLatencyMs` after it was appended,
 * in position order and idempotently (a checkpoint). `query` steps read it after `queryLatencyMs`:
 * reads are eventually consistent, and a read of an aggregate whose newest event is not applied yet
 * is counted as stale. The queried aggregate is `x-order-id` or `x-aggregate-id` (`latest` = the
 * aggregate written last, `recent` = one written within the last RECENT_WINDOW events). Queue depth is the lag in positions.
 */
/** A read model's section of its summary entry: its source, size, checkpoint, lag and reads. */
export interface ReadModelSummary {
  source: string | null;
  documents: number;
  evictedDocuments: number;
  checkpoint: number;
  lagPositions: number;
  lagMs: number;
  /** Delay from append to application, over the events applied. */
  applyDelayMs: { mean: number; max: number };
  queries: number;
  staleReads: number;
  /** Events delivered again (a duplicated feed) that the checkpoint skipped; present once one was. */
  duplicatesSkipped?: number;
  notFound: number;
  /** With declared projections: each numeric field summed over the documents. */
  fields?: Record<string, number>;
}

export class ReadModelRuntime extends SingleNodeRuntime {
  readonly projection: Projection<ReadModelDoc>;
  /** The store projected, once resolved at init. */
  store: EventStore | null = null;
  sourceId: string | null = null;
  queries = 0;
  staleReads = 0;
  notFound = 0;
  /** Delay from append to application, over every applied event. */
  maxApplyDelayMs = DOUBLE_ZERO;
  private applyDelaySumMs = DOUBLE_ZERO;
  private readonly projectionLatency: Sampler;
  private readonly queryLatency: Sampler;
  private readonly rng: Sfc32;
  private readonly backlog = new Fifo<RecordedEvent>();
  private lastDueMs = DOUBLE_ZERO;
  /** The store -> read model edge projected events are counted on, if the diagram draws one. */
  private feedLink: EdgeLink | undefined;

  constructor(
    world: World,
    readonly node: NodeOfKind<'readModel'>,
  ) {
    super(world, node);
    const c = node.config;
    this.projection = new Projection<ReadModelDoc>(
      c.projections ? declaredProjection(new DeclaredProjections(c.projections)) : readModelProjection,
      new ReadModel<ReadModelDoc>(MAX_READ_MODEL_DOCUMENTS),
    );
    this.projectionLatency = compileDistribution(c.projectionLatencyMs);
    this.queryLatency = compileDistribution(c.queryLatencyMs);
    this.rng = world.rng(`node:${node.id}`);
  }

  override init(): void {
    const c = this.node.config;
    const sourceId =
      c.source ??
      this.world.links.find((l) => l.target.id === this.id && l.source.kind === 'eventStore')?.source.id;
    const source = sourceId === undefined ? undefined : this.world.runtimes.get(sourceId);
    const store = (source as { eventStore?: EventStore } | undefined)?.eventStore;
    if (!store) {
      this.world.log.append(
        0,
        'config',
        'warn',
        this.id,
        `read model ${this.id} has no event store to project`,
      );
      return;
    }
    this.store = store;
    this.sourceId = sourceId!;
    this.feedLink = this.world.link(sourceId!, this.id);
    store.subscribe(1, (e) => this.enqueue(e));
  }

  /** Schedules an appended event's application; later events never overtake earlier ones. */
  private enqueue(e: RecordedEvent): void {
    let latencyMs = this.projectionLatency.draw(this.rng);
    const faults = this.feedLink?.faults;
    if (faults?.active) {
      // Link faults on the projection feed. A lost event is read again when the projection catches
      // up from its checkpoint; a held-back one waits; either way later events wait behind it, since
      // the projection applies in position order. A duplicate is applied once: the second is skipped.
      const outcome = faults.draw();
      if (outcome === MESSAGE_LOST) latencyMs += CATCH_UP_MS;
      else if (outcome === MESSAGE_REORDERED) latencyMs += (1 + faults.next()) * Math.max(latencyMs, 1);
      else if (outcome === MESSAGE_DUPLICATED) this.schedule(e, latencyMs);
    }
    this.schedule(e, latencyMs);
  }

  private schedule(e: RecordedEvent, latencyMs: number): void {
    const due = Math.max(this.world.sim.now + latencyMs, this.lastDueMs);
    this.lastDueMs = due;
    this.backlog.push(e);
    this.world.sim.scheduleAt(due, applyNext, this);
  }

  /** Applies the oldest pending event. */
  applyNext(): void {
    const e = this.backlog.shift();
    if (!e) return;
    const outcome = this.projection.apply(e);
    const delay = this.world.sim.now - e.recordedAtMs;
    // Each projected event is a message on the feed edge; a refused one (a gap) is its failure.
    this.feedLink?.stats.countMessage(
      outcome === 'gap' ? CAUSE.conflict : CAUSE.none,
      this.world.sim.now,
      delay,
    );
    if (outcome !== 'applied') return;
    this.applyDelaySumMs += delay;
    if (delay > this.maxApplyDelayMs) this.maxApplyDelayMs = delay;
  }

  handle(req: NodeRequest): void {
    this.accept(req);
    if (req.step?.kind !== 'query') {
      this.answer(req, 400, CAUSE.badRequest);
      return;
    }
    this.world.sim.schedule(this.queryLatency.draw(this.rng), queryDue, { runtime: this, req });
  }

  /** Answers a query from the model as it is now (200 even when the document is missing or stale). */
  query(req: NodeRequest): void {
    this.queries++;
    const store = this.store;
    let stream = queriedStream(req.headers);
    if (stream !== undefined && (stream === LATEST || stream === ORDER_LATEST)) {
      stream = store ? store.eventAt(store.headPosition)?.streamId : undefined;
    } else if (stream !== undefined && (stream === RECENT || stream === ORDER_RECENT)) {
      stream = store ? this.recentStream(store) : undefined;
    }
    if (store) {
      if (stream === undefined) {
        if (store.headPosition > this.projection.checkpoint) this.staleReads++;
      } else {
        // Events apply in position order, so a stream is current once its newest position is applied.
        if (store.lastPosition(stream) > this.projection.checkpoint) this.staleReads++;
        if (this.projection.model.get(docKeyOf(stream)) === undefined) this.notFound++;
      }
    }
    this.answer(req, 200, CAUSE.none);
  }

  private recentStream(store: EventStore): string | undefined {
    const oldest = Math.max(store.firstRetainedPosition, store.headPosition - RECENT_WINDOW + 1, 1);
    const span = store.headPosition - oldest + 1;
    if (span <= 0) return undefined;
    return store.eventAt(oldest + Math.floor(this.rng.next() * span))?.streamId;
  }

  /** Source, documents, checkpoint, lag (positions and ms), apply delays, queries and stale reads. */
  override summary(): { readModel: ReadModelSummary } {
    const lag = this.lag();
    return {
      readModel: {
        source: this.sourceId,
        documents: this.projection.model.size,
        evictedDocuments: this.projection.model.evicted,
        checkpoint: this.projection.checkpoint,
        lagPositions: lag.positions,
        lagMs: round3(lag.ms),
        applyDelayMs: { mean: round3(this.applyDelayMeanMs()), max: round3(this.maxApplyDelayMs) },
        queries: this.queries,
        staleReads: this.staleReads,
        notFound: this.notFound,
        ...(this.node.config.projections ? { fields: fieldTotals(this.projection.model) } : {}),
        ...(this.projection.skipped > 0 ? { duplicatesSkipped: this.projection.skipped } : {}),
      },
    };
  }

  /** Mean delay from append to application. */
  applyDelayMeanMs(): number {
    return this.projection.applied > 0 ? this.applyDelaySumMs / this.projection.applied : 0;
  }

  /** Lag behind the source in positions and in ms. */
  lag(): ProjectionLag {
    return this.store ? this.projection.lag(this.store, this.world.sim.now) : { positions: 0, ms: 0 };
  }

  override queueDepth(): number {
    return this.lag().positions;
  }
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

function applyNext(runtime: ReadModelRuntime): void {
  runtime.applyNext();
}

function queryDue(arg: { runtime: ReadModelRuntime; req: NodeRequest }): void {
  arg.runtime.query(arg.req);
}
