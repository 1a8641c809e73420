import { EdgeLabelRenderer } from '@xyflow/react';
import { memo, useLayoutEffect, useRef } from 'react';
import type { EdgeKind } from '../../core/model/schema';
import { type EdgeLive, readEdge, useLiveSelector } from '../../state/liveSelectors';
import { BREAKER_CLOSED, BREAKER_HALF_OPEN, BREAKER_NONE, BREAKER_OPEN } from '../../worker/protocol';
import { onEveryFrame, setAttr, setClass, setShown, setText } from './liveDom';
import { formatPercent, formatRate } from './liveFormat';

/** Edge kinds that carry requests or messages worth a live label; the rest only animate. */
const labelled = new Set<EdgeKind>(['sync', 'async', 'eventStore', 'query']);

/**
 * Above this many edges the dash moves one step per frame received instead of a continuous CSS
 * animation: a hundred animated SVG strokes cost more paint time than the page can afford.
 */
export const SMOOTH_MOTION_EDGE_LIMIT = 60;

const breakerNames: Record<number, string> = {
  [BREAKER_CLOSED]: 'closed',
  [BREAKER_HALF_OPEN]: 'half-open',
  [BREAKER_OPEN]: 'open',
};

/** Motion speed in steps, so a small change in rate does not restart the dash animation. */
function flowDurationSec(callsPerSec: number): number {
  if (callsPerSec >= 1000) return 0.35;
  if (callsPerSec >= 100) return 0.55;
  if (callsPerSec >= 10) return 0.9;
  return 1.6;
}

/** Stroke width grows with the log of the rate: 1 call/s and 10 k calls/s both stay readable. */
function flowWidth(callsPerSec: number): number {
  return Math.min(5, 1.25 + Math.log10(1 + callsPerSec) * 0.9);
}

interface Refs {
  group: SVGGElement | null;
  flow: SVGPathElement | null;
  breaker: SVGPathElement | null;
  label: HTMLDivElement | null;
  rate: HTMLElement | null;
  err: HTMLElement | null;
  pill: HTMLElement | null;
  offset: number;
}

function write(r: Refs, live: EdgeLive, kind: EdgeKind, stepped: boolean): void {
  const breaker = live.breakerState === BREAKER_NONE ? null : (breakerNames[live.breakerState] ?? null);
  const moving = live.callsPerSec > 0;
  setAttr(r.group, 'data-breaker', breaker ?? 'none');
  setShown(r.breaker, breaker === 'open' || breaker === 'half-open');
  if (breaker === 'open' || breaker === 'half-open')
    setClass(r.breaker, `edge-live-breaker edge-live-breaker--${breaker}`);
  setShown(r.flow, moving);
  if (moving && r.flow) {
    const base = stepped ? 'edge-live-flow edge-live-flow--stepped' : 'edge-live-flow';
    setClass(r.flow, breaker ? `${base} edge-live-flow--${breaker}` : base);
    const width = flowWidth(live.callsPerSec).toFixed(2);
    if (r.flow.style.strokeWidth !== width) r.flow.style.strokeWidth = width;
    if (stepped) {
      // One step per frame, longer for busier edges: motion without a per-display-frame repaint.
      r.offset = (r.offset - 14 / (flowDurationSec(live.callsPerSec) * 8)) % 28;
      r.flow.style.strokeDashoffset = r.offset.toFixed(1);
    } else {
      const duration = `${flowDurationSec(live.callsPerSec)}s`;
      if (r.flow.style.animationDuration !== duration) r.flow.style.animationDuration = duration;
    }
  }
  const showLabel = labelled.has(kind) && (moving || breaker === 'open' || breaker === 'half-open');
  setShown(r.label, showLabel);
  if (!showLabel) return;
  setText(r.rate, formatRate(live.callsPerSec));
  setShown(r.err, live.errorRate > 0);
  setText(r.err, `${formatPercent(live.errorRate)} err`);
  setClass(r.err, live.errorRate >= 0.05 ? 'edge-live-err is-bad' : 'edge-live-err');
  setShown(r.pill, breaker !== null);
  setText(r.pill, breaker ?? '');
  setClass(r.pill, `edge-live-breaker-pill is-${breaker ?? 'none'}`);
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
 * and errors. React renders it once per run; frames write into it directly, so a tick never
 * re-renders the edge.
 */
function EdgeLiveOverlayView({ id, kind, path, labelX, labelY }: Props) {
  const mode = useLiveSelector(
    (s) =>
      s.frame === null || readEdge(s.frame, s.layout, id) === null
        ? 'off'
        : (s.layout?.edgeIds.length ?? 0) > SMOOTH_MOTION_EDGE_LIMIT
          ? 'stepped'
          : 'smooth',
    (a, b) => a === b,
  );
  const refs = useRef<Refs>({
    group: null,
    flow: null,
    breaker: null,
    label: null,
    rate: null,
    err: null,
    pill: null,
    offset: 0,
  });
  useLayoutEffect(() => {
    if (mode === 'off') return;
    return onEveryFrame((s) => {
      const live = readEdge(s.frame, s.layout, id);
      if (live) write(refs.current, live, kind, mode === 'stepped');
    });
  }, [mode, id, kind]);
  if (mode === 'off') return null;
  const r = refs.current;
  const hidden = { display: 'none' };
  return (
    <g
      className="edge-live"
      data-testid={`edge-live-${id}`}
      ref={(el) => {
        r.group = el;
      }}
    >
      <path
        d={path}
        className="edge-live-breaker"
        style={hidden}
        ref={(el) => {
          r.breaker = el;
        }}
      />
      <path
        d={path}
        className="edge-live-flow"
        style={hidden}
        ref={(el) => {
          r.flow = el;
        }}
      />
      <EdgeLabelRenderer>
        <div
          className="edge-live-label nodrag nopan"
          data-testid={`edge-label-${id}`}
          style={{
            transform: `translate(-50%, 0) translate(${labelX}px, ${labelY + 11}px)`,
            display: 'none',
          }}
          ref={(el) => {
            r.label = el;
          }}
        >
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
            className="edge-live-breaker-pill"
            data-testid={`breaker-${id}`}
            ref={(el) => {
              r.pill = el;
            }}
          />
        </div>
      </EdgeLabelRenderer>
    </g>
  );
}

export const EdgeLiveOverlay = memo(EdgeLiveOverlayView);
