import { compileDistribution, type Sampler } from '../../engine/distributions';
import type { Sfc32 } from '../../engine/rng';
import { CAUSE } from '../../metrics/failureCause';
import type { NodeOfKind } from '../../model/schema';
import type { EdgeLink } from '../../sim/edgeLink';
import { Fifo } from '../../sim/fifo';
import { isSuccess } from '../../sim/status';
import type { NodeRequest } from '../../sim/types';
import type { World } from '../../sim/world';
import { type AlertFiring, AlertRule, LogMetrics, type LogMetricsSummary } from '../events/logAlerts';
import { entryScope, LogProcessing } from '../events/logProcessing';
import { LogSharder } from '../events/logSystem';
import { type LogEntry, storedEntry } from '../events/logTypes';
import { LogStoreRuntime, type ShippedEntry, shippedEntries } from './logStoreRuntime';
import { SingleNodeRuntime } from './singleNode';

/** How often alert rules are evaluated (Prometheus evaluates every `evaluation_interval`). */
const EVALUATE_EVERY_MS = 1000;

/** A log processor's section of its summary entry. */
export interface LogProcessorSummary {
  received: number;
  /** Entries a pattern matched. */
  parsed: number;
  /** Entries the filter dropped. */
  filteredOut: number;
  /** Kept entries not forwarded by sampling. */
  sampledOut: number;
  forwarded: number;
  /** Entries refused because the queue was full. */
  dropped: number;
  /** Entries waiting for a worker at the end. */
  queued: number;
  metrics: LogMetricsSummary;
  alerts: AlertFiring[];
}

/**
 * A log processor node, between a log router and its log stores: entries queue (bounded; a full
 * queue drops them, counted) for one of `workers`, each costing `processingMs`. A processed entry is
 * parsed with the patterns, enriched, counted in the log-based metrics and by every alert rule (all
 * entries count, whatever the filter and sampling keep), then kept by the filter, sampled, and
 * forwarded to a store (by service hash). Alert rules are evaluated every second; they fire and
 * resolve on the event log and in the summary.
 */
export class LogProcessorRuntime extends SingleNodeRuntime {
  private readonly processing: LogProcessing;
  private readonly cost: Sampler;
  private readonly rng: Sfc32;
  private readonly queue = new Fifo<ShippedEntry>();
  private busy = 0;
  private stores: EdgeLink[] = [];
  private sharder: LogSharder | null = null;
  private readonly metrics: LogMetrics;
  private readonly rules: AlertRule[];
  private readonly firings: AlertFiring[] = [];
  private readonly counts = {
    received: 0,
    parsed: 0,
    filteredOut: 0,
    sampledOut: 0,
    forwarded: 0,
    dropped: 0,
  };

  constructor(
    world: World,
    readonly node: NodeOfKind<'logProcessor'>,
  ) {
    super(world, node);
    const c = node.config;
    this.processing = new LogProcessing(c);
    this.cost = compileDistribution(c.processingMs);
    this.rng = world.rng(`node:${node.id}`);
    this.metrics = new LogMetrics(c.windowSec);
    this.rules = c.alerts.map((a) => new AlertRule(a, node.id));
  }

  override init(): void {
    this.stores = this.world.linksFrom(this.id).filter((l) => l.target instanceof LogStoreRuntime);
    if (this.stores.length > 0)
      this.sharder = new LogSharder(this.stores.length, { strategy: 'serviceHash' });
  }

  override start(): void {
    if (this.rules.length > 0) this.world.sim.schedule(EVALUATE_EVERY_MS, evaluate, this);
  }

  override queueDepth(): number {
    return this.queue.length;
  }

  handle(req: NodeRequest): void {
    this.accept(req);
    const shipped = shippedEntries.get(req);
    if (!shipped) {
      this.answer(req, 400, CAUSE.badRequest);
      return;
    }
    shippedEntries.delete(req);
    this.counts.received++;
    if (this.busy < this.node.config.workers) {
      this.begin(shipped);
    } else if (this.queue.length < this.node.config.queueCapacity) {
      this.queue.push(shipped);
    } else {
      this.counts.dropped++;
      this.answer(req, 503, CAUSE.queueFull);
      return;
    }
    this.answer(req, 200, CAUSE.none);
  }

  private begin(shipped: ShippedEntry): void {
    this.busy++;
    this.world.sim.schedule(Math.max(0, this.cost.draw(this.rng)), processed, { runtime: this, shipped });
  }

  /** A worker finished an entry: metrics and alerts count it, then the filter and sampling decide. */
  finish(shipped: ShippedEntry): void {
    this.busy--;
    const now = this.world.sim.now;
    const out = this.processing.process(shipped);
    const entry = out.entry;
    if (out.parsed) this.counts.parsed++;
    this.metrics.observe(entry.service, entry.level, now);
    if (this.rules.length > 0) {
      const scope = entryScope(entry, entry.fields ?? {});
      for (const r of this.rules) r.observe(scope, now);
    }
    if (!out.kept) this.counts.filteredOut++;
    else if (this.node.config.sampleRate < 1 && this.rng.next() >= this.node.config.sampleRate)
      this.counts.sampledOut++;
    else this.forward(entry, shipped.seq);
    const next = this.queue.shift();
    if (next) this.begin(next);
  }

  private forward(entry: LogEntry, seq: number): void {
    if (!this.sharder) return;
    this.counts.forwarded++;
    const link = this.stores[this.sharder.shardFor(entry)]!;
    const call = link.call('POST', '/entries', {}, null, null, -1, shipped, this);
    shippedEntries.set(call, storedEntry(entry, seq));
  }

  /** Evaluates every alert rule and logs the ones that fired or resolved. */
  evaluateRules(): void {
    const now = this.world.sim.now;
    for (const r of this.rules) {
      const change = r.evaluate(now, (f) => this.firings.push(f));
      if (!change) continue;
      const s = r.spec;
      const value = `${s.aggregate}${s.field ? `(${s.field})` : ''} ${round(r.lastValue)}`;
      const what =
        change === 'fired'
          ? `${value} ${s.op} ${s.threshold} over ${s.windowSec} s`
          : `${value} over ${s.windowSec} s, no longer ${s.op} ${s.threshold}`;
      this.world.log.append(
        now,
        'alert',
        change === 'fired' ? 'error' : 'info',
        this.id,
        `alert ${s.id}${s.name ? ` (${s.name})` : ''} ${change}: ${what}`,
      );
    }
    if (now + EVALUATE_EVERY_MS <= this.world.options.durationMs)
      this.world.sim.schedule(EVALUATE_EVERY_MS, evaluate, this);
  }

  /** Firings in the order they fired; a rule still firing has `resolvedAtMs: null`. */
  alerts(): AlertFiring[] {
    const open = this.rules.flatMap((r) => (r.firing ? [{ ...r.firing }] : []));
    return [...this.firings.map((f) => ({ ...f })), ...open].sort((a, b) => a.firedAtMs - b.firedAtMs);
  }

  override summary(): { logProcessor: LogProcessorSummary } {
    return {
      logProcessor: {
        ...this.counts,
        queued: this.queue.length,
        metrics: this.metrics.summary(),
        alerts: this.alerts(),
      },
    };
  }
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

function processed(arg: { runtime: LogProcessorRuntime; shipped: ShippedEntry }): void {
  arg.runtime.finish(arg.shipped);
}

function evaluate(runtime: LogProcessorRuntime): void {
  runtime.evaluateRules();
}

function shipped(_p: LogProcessorRuntime, status: number, call: { link: EdgeLink }): void {
  if (!isSuccess(status)) (call.link.target as LogStoreRuntime).lostInTransit++;
}
