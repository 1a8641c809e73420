import { memo, useLayoutEffect, useRef } from 'react';
import type { EdgeKind } from '../../core/model/schema';
import { documentStore } from '../../state/documentStore';
import { type EdgeLive, edgeOffset, readEdge } from '../../state/liveSelectors';
import type { LiveState } from '../../state/liveStore';
import { BREAKER_LABELS, breakerStateOf } from '../../worker/protocol';
import { EdgeLabelPortal } from '../canvas/EdgeLabelPortal';
import { type Flow, flowStepPerTick, setFlowMoving } from './flowTicker';
import { heldFlowWidth } from './flowWidth';
import {
  onEveryFrame,
  removeAttr,
  setAttr,
  setClass,
  setShown,
  setStyle,
  setText,
  setVisible,
  whileLive,
} from './liveDom';
import { formatLatency, formatPercent, formatRate } from './liveFormat';
import { errorBand } from './zoomDetail';

/** Edge kinds that carry requests or messages worth a live label; the rest only animate. */
const labelled = new Set<EdgeKind>(['sync', 'async', 'eventStore', 'query']);

interface Refs {
  group: SVGGElement | null;
  flow: Flow | null;
  breaker: SVGPathElement | null;
  label: HTMLDivElement | null;
  rate: HTMLElement | null;
  err: HTMLElement | null;
  pill: HTMLElement | null;
  e2e: HTMLElement | null;
  share: HTMLElement | null;
}

/**
 * The sync edges leaving the same node as mesh edge `id` (one end a sidecar proxy), for Kiali's
 * request share; null for any other edge. Read once per run from the document it runs.
 */
function meshSiblings(id: string): string[] | null {
  const doc = documentStore.getState().document;
  const edge = doc.edges.find((e) => e.id === id);
  if (edge?.kind !== 'sync') return null;
  const kindOf = (nodeId: string) => doc.nodes.find((n) => n.id === nodeId)?.kind;
  if (kindOf(edge.source) !== 'proxy' && kindOf(edge.target) !== 'proxy') return null;
  return doc.edges.filter((e) => e.kind === 'sync' && e.source === edge.source).map((e) => e.id);
}

/** This edge's share of the requests its source sends over its sync edges (Kiali's request %). */
function shareOf(s: LiveState, siblings: readonly string[], callsPerSec: number): number {
  let total = 0;
  for (const sibling of siblings) total += readEdge(s.frame, s.layout, sibling)?.callsPerSec ?? 0;
  return total > 0 ? callsPerSec / total : 0;
}

function sameEdgeLive(a: EdgeLive, b: EdgeLive): boolean {
  return (
    a.callsPerSec === b.callsPerSec &&
    a.errorRate === b.errorRate &&
    a.breakerState === b.breakerState &&
    a.failed === b.failed &&
    a.endToEndP99Ms === b.endToEndP99Ms
  );
}

function breakerName(live: EdgeLive): string | null {
  const state = breakerStateOf(live.breakerState);
  return state === null ? null : BREAKER_LABELS[state];
}

/** Colour and motion: drawn at every detail, cheap and readable at any zoom. */
function writeFlow(r: Refs, live: EdgeLive): void {
  const breaker = breakerName(live);
  const moving = live.callsPerSec > 0;
  setAttr(r.group, 'data-breaker', breaker ?? 'none');
  setVisible(r.breaker, breaker === 'open' || breaker === 'half-open');
  if (breaker === 'open' || breaker === 'half-open')
    setClass(r.breaker, `edge-live-breaker edge-live-breaker--${breaker}`);
  const flow = r.flow;
  if (flow) {
    setVisible(flow.el, moving);
    setFlowMoving(flow, moving);
    if (moving) {
      setClass(flow.el, breaker ? `edge-live-flow edge-live-flow--${breaker}` : 'edge-live-flow');
      flow.widthPx = heldFlowWidth(live.callsPerSec, flow.widthPx);
      setStyle(flow.el, 'stroke-width', String(flow.widthPx));
      flow.stepPerTick = flowStepPerTick(live.callsPerSec);
    }
  }
}

/** Between runs: nothing drawn, nothing moving. */
function writeIdle(r: Refs): void {
  removeAttr(r.group, 'data-testid');
  removeAttr(r.group, 'data-breaker');
  setVisible(r.breaker, false);
  setShown(r.label, false);
  if (r.flow) {
    setFlowMoving(r.flow, false);
    setVisible(r.flow.el, false);
  }
}

/** The number label: written only at near detail, since far it is hidden and too small to read. */
function writeLabel(r: Refs, live: EdgeLive, kind: EdgeKind, share: number | null): void {
  const breaker = breakerName(live);
  const moving = live.callsPerSec > 0;
  const showLabel = labelled.has(kind) && (moving || breaker === 'open' || breaker === 'half-open');
  setShown(r.label, showLabel);
  if (!showLabel) return;
  setText(r.rate, formatRate(live.callsPerSec));
  // A mesh link reads like Kiali's: request share, requests per second, error rate (0 % included).
  setShown(r.share, share !== null);
  if (share !== null) setText(r.share, formatPercent(share));
  setShown(r.err, live.errorRate > 0 || share !== null);
  if (live.errorRate > 0 || share !== null) {
    setText(r.err, `${formatPercent(live.errorRate)} err`);
    setClass(r.err, errorBand(live.errorRate) === 'bad' ? 'edge-live-err is-bad' : 'edge-live-err');
  }
  // A subscription link shows how long its events took from publish to handled.
  setShown(r.e2e, live.endToEndP99Ms > 0);
  if (live.endToEndP99Ms > 0) setText(r.e2e, `e2e p99 ${formatLatency(live.endToEndP99Ms)}`);
  setShown(r.pill, breaker !== null);
  setText(r.pill, breaker ?? '');
  setClass(r.pill, `edge-live-breaker-pill is-${breaker ?? 'none'}`);
}

/** Refs before React attached the elements. */
function noRefs(): Refs {
  return {
    group: null,
    flow: null,
    breaker: null,
    label: null,
    rate: null,
    err: null,
    pill: null,
    e2e: null,
    share: null,
  };
}

interface Props {
  id: string;
  kind: EdgeKind;
  path: string;
  labelX: number;
  labelY: number;
}

/**
 * Live traffic on an edge: a moving dash whose speed and width follow calls per second, the
 * breaker's state by colour (closed green, half-open amber, open red), and a small label with rate
 * and errors. React renders it once, hidden until a run shows it; the switch to live and back
 * (whileLive) and each frame are written into it directly, so neither a run's start nor a tick
 * re-renders the edge, and one shared ticker moves the dashes of all edges (see flowTicker).
 */
function EdgeLiveOverlayView({ id, kind, path, labelX, labelY }: Props) {
  const refs = useRef<Refs>(noRefs());
  useLayoutEffect(() => {
    const r = refs.current;
    return whileLive(
      (layout) => edgeOffset(layout, id) >= 0,
      () => {
        setAttr(r.group, 'data-testid', `edge-live-${id}`);
        const siblings = meshSiblings(id);
        let writtenShare = -1;
        let drawn: EdgeLive | null = null;
        // The numbers last written into the label: a frame that skips them (far detail, not this
        // label's turn) leaves them behind, so the next that writes sees the difference.
        let written: EdgeLive | null = null;
        const unsubscribe = onEveryFrame((s, numbers) => {
          const live = readEdge(s.frame, s.layout, id);
          if (!live) return;
          if (!(drawn && sameEdgeLive(drawn, live))) {
            drawn = live;
            writeFlow(r, live);
          }
          if (!numbers) return;
          const share = siblings === null ? null : shareOf(s, siblings, live.callsPerSec);
          if (written && sameEdgeLive(written, live) && (share ?? -1) === writtenShare) return;
          written = live;
          writtenShare = share ?? -1;
          writeLabel(r, live, kind, share);
        });
        return () => {
          unsubscribe();
          writeIdle(r);
        };
      },
    );
  }, [id, kind]);
  const r = refs.current;
  return (
    <g
      className="edge-live"
      ref={(el) => {
        r.group = el;
      }}
    >
      <path
        d={path}
        className="edge-live-breaker"
        ref={(el) => {
          r.breaker = el;
        }}
      />
      <path
        d={path}
        className="edge-live-flow"
        ref={(el) => {
          if (r.flow && r.flow.el !== el) setFlowMoving(r.flow, false);
          r.flow = el
            ? r.flow?.el === el
              ? r.flow
              : { el, stepPerTick: 0, offset: 0, widthPx: null }
            : null;
        }}
      />
      <EdgeLabelPortal x={labelX} y={labelY + 11} align="below">
        <div
          className="edge-live-label nodrag nopan"
          data-testid={`edge-label-${id}`}
          style={{ display: 'none' }}
          ref={(el) => {
            r.label = el;
          }}
        >
          <span
            className="edge-live-share"
            data-testid={`edge-share-${id}`}
            ref={(el) => {
              r.share = el;
            }}
          />
          <span>
            <b
              ref={(el) => {
                r.rate = el;
              }}
            />
            /s
          </span>
          <span
            className="edge-live-err"
            ref={(el) => {
              r.err = el;
            }}
          />
          <span
            className="edge-live-e2e"
            data-testid={`edge-e2e-${id}`}
            title="Publish to handled, p99 of the last second"
            ref={(el) => {
              r.e2e = el;
            }}
          />
          <span
            className="edge-live-breaker-pill"
            data-testid={`breaker-${id}`}
            ref={(el) => {
              r.pill = el;
            }}
          />
        </div>
      </EdgeLabelPortal>
    </g>
  );
}

export const EdgeLiveOverlay = memo(EdgeLiveOverlayView);
