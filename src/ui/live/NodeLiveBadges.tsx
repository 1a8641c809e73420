import { memo, useLayoutEffect, useRef } from 'react';
import type { NodeKind } from '../../core/model/schema';
import { type NodeLive, nodeOffset, readNode } from '../../state/liveSelectors';
import { uiKinds } from '../kinds';
import type { LiveBadges } from '../kinds/uiKind';
import {
  onEveryFrame,
  refInto,
  removeAttr,
  setAttr,
  setClass,
  setShown,
  setText,
  whileLive,
} from './liveDom';
import { formatCount, formatLatency, formatPercent, formatRate } from './liveFormat';
import { type ErrorBand, errorBand, type HeldBand, holdBand, instancesDown } from './zoomDetail';

const badgeTone: Record<ErrorBand, string> = { ok: 'muted', warn: 'warn', bad: 'bad' };
/** What a badge shows before a run has numbers for it. */
const IDLE = '–';

interface Refs {
  row: HTMLDivElement | null;
  rate: HTMLElement | null;
  p99: HTMLElement | null;
  err: HTMLElement | null;
  errValue: HTMLElement | null;
  queue: HTMLElement | null;
  queueValue: HTMLElement | null;
  health: HTMLElement | null;
  healthValue: HTMLElement | null;
}

const noRefs = (): Refs => ({
  row: null,
  rate: null,
  p99: null,
  err: null,
  errValue: null,
  queue: null,
  queueValue: null,
  health: null,
  healthValue: null,
});

function sameLive(a: NodeLive | null, b: NodeLive): boolean {
  return (
    a !== null &&
    a.throughputPerSec === b.throughputPerSec &&
    a.p99Ms === b.p99Ms &&
    a.errorRate === b.errorRate &&
    a.queueDepth === b.queueDepth &&
    a.healthyInstances === b.healthyInstances &&
    a.instances === b.instances
  );
}

function write(r: Refs, live: NodeLive, badges: LiveBadges): void {
  setAttr(r.row, 'data-throughput', String(live.throughputPerSec));
  setAttr(r.row, 'data-healthy', String(live.healthyInstances));
  setText(r.rate, formatRate(live.throughputPerSec));
  setText(r.p99, formatLatency(live.p99Ms));
  setText(r.errValue, formatPercent(live.errorRate));
  setClass(r.err, `live-badge live-badge--${badgeTone[errorBand(live.errorRate)]}`);
  setShown(r.queue, live.queueDepth > 0 || badges.backlog.alwaysShown);
  setText(r.queueValue, formatCount(live.queueDepth));
  setClass(r.queue, live.queueDepth > 100 ? 'live-badge live-badge--warn' : 'live-badge');
  const down = instancesDown(live.healthyInstances, live.instances);
  setShown(r.health, live.instances > 0);
  setText(r.healthValue, `${live.healthyInstances}/${live.instances}`);
  setClass(r.health, down ? 'live-badge live-badge--bad' : 'live-badge live-badge--ok');
}

/** Before a run: the same badges, muted, with a dash for each number. */
function writeIdle(r: Refs, badges: LiveBadges): void {
  removeAttr(r.row, 'data-throughput');
  removeAttr(r.row, 'data-healthy');
  for (const el of [r.rate, r.p99, r.errValue, r.queueValue]) setText(el, IDLE);
  setText(r.healthValue, IDLE);
  setClass(r.err, 'live-badge');
  setClass(r.queue, 'live-badge');
  setShown(r.queue, badges.backlog.alwaysShown);
  setClass(r.health, 'live-badge');
}

/**
 * The health cue on the card itself, readable when the canvas is too small for numbers: error band
 * and instances down as data attributes the stylesheet colours (far detail only). Written only when
 * the band or the down flag changes; the band is held (see holdBand), so a rate that flickers
 * around zero errors does not make the card blink.
 */
function writeCue(card: HTMLElement | null | undefined, band: ErrorBand, down: boolean): void {
  setAttr(card, 'data-live-health', band);
  setAttr(card, 'data-live-down', String(down));
}

function clearCue(card: HTMLElement | null | undefined): void {
  removeAttr(card, 'data-live-health');
  removeAttr(card, 'data-live-down');
}

/**
 * The live row of a node card: throughput, p99, error rate, queue depth and healthy instances.
 * The row is there before a run too, muted and with dashes, so pressing Run changes no card's
 * size: nothing for React Flow to re-measure, no edge to re-route, no card that jumps. React
 * renders it once; the switch to live and back (whileLive) and each frame's numbers are written
 * into it directly, so neither a run's start nor a metrics tick re-renders the card or the row.
 */
function NodeLiveBadgesView({ nodeId, kind }: { nodeId: string; kind: NodeKind }) {
  const refs = useRef<Refs>(noRefs());
  const badges = uiKinds[kind].live;
  useLayoutEffect(() => {
    const r = refs.current;
    // The card is the row's parent; kept here so the cue can be cleared once the run is gone.
    const card = r.row?.parentElement;
    const idle = () => {
      removeAttr(r.row, 'data-testid');
      setAttr(r.row, 'data-idle', '');
      writeIdle(r, badges);
    };
    idle();
    return whileLive(
      (layout) => nodeOffset(layout, nodeId) >= 0,
      () => {
        setAttr(r.row, 'data-testid', `live-${nodeId}`);
        removeAttr(r.row, 'data-idle');
        // The numbers last written into the row: a frame that skips them (far detail, not this
        // row's turn) leaves them behind, so the next that writes sees the difference.
        let written: NodeLive | null = null;
        let held: HeldBand | null = null;
        let band: ErrorBand | null = null;
        let down = false;
        const unsubscribe = onEveryFrame((s, numbers) => {
          const live = readNode(s.frame, s.layout, nodeId);
          if (!live) return;
          held = holdBand(held, badges.answering ? errorBand(live.errorRate) : 'ok', performance.now());
          const nextBand = held.band;
          const nextDown = instancesDown(live.healthyInstances, live.instances);
          if (nextBand !== band || nextDown !== down) {
            band = nextBand;
            down = nextDown;
            writeCue(card, band, down);
          }
          // An idle node keeps the same numbers frame after frame: nothing to format or write.
          if (!numbers || sameLive(written, live)) return;
          written = live;
          write(r, live, badges);
        });
        return () => {
          unsubscribe();
          clearCue(card);
          idle();
        };
      },
    );
  }, [nodeId, badges]);
  const r = refs.current;
  return (
    <div className="arch-node-live" data-node-live={nodeId} ref={refInto(r, 'row')}>
      <span className="live-badge" title="Answers per second (last simulated second)">
        <b ref={refInto(r, 'rate')} />
        /s
      </span>
      {badges.answering ? (
        <span className="live-badge" title="99th percentile latency (last simulated second)">
          p99 <b ref={refInto(r, 'p99')} />
        </span>
      ) : null}
      {badges.answering ? (
        <span className="live-badge" title="Error rate" ref={refInto(r, 'err')}>
          err <b ref={refInto(r, 'errValue')} />
        </span>
      ) : null}
      <span className="live-badge" title={badges.backlog.title} ref={refInto(r, 'queue')}>
        {badges.backlog.label} <b ref={refInto(r, 'queueValue')} />
      </span>
      {badges.replicated ? (
        <span
          className="live-badge"
          title="Healthy instances / instances"
          data-testid={`health-${nodeId}`}
          ref={refInto(r, 'health')}
        >
          <span className="live-dot" />
          <span ref={refInto(r, 'healthValue')} />
        </span>
      ) : null}
    </div>
  );
}

export const NodeLiveBadges = memo(NodeLiveBadgesView);
