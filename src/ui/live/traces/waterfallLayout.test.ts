import { describe, expect, it } from 'vitest';
import type { Span, Trace } from '../../../worker/protocol';
import { waterfall } from './waterfallLayout';

const span = (
  spanId: number,
  parentId: number | null,
  startMs: number,
  endMs: number | null,
  status: number | null,
): Span => ({
  spanId,
  parentId,
  nodeId: `n${spanId}`,
  edgeId: null,
  name: `s${spanId}`,
  startMs,
  endMs,
  status,
});

describe('waterfall layout', () => {
  it('nests children under parents depth-first, siblings by start time, bars as shares of the trace', () => {
    const trace: Trace = {
      traceId: 1,
      startMs: 100,
      spans: [
        span(1, null, 100, 200, 200),
        span(3, 1, 150, 190, 503),
        span(2, 1, 110, 140, 200),
        span(4, 2, 120, 130, 200),
      ],
    };
    const rows = waterfall(trace);
    expect(rows.map((r) => [r.span.spanId, r.depth])).toEqual([
      [1, 0],
      [2, 1],
      [4, 2],
      [3, 1],
    ]);
    expect(rows[0]).toMatchObject({ leftPct: 0, widthPct: 100, durationMs: 100, tone: 'ok' });
    expect(rows[3]).toMatchObject({ leftPct: 50, widthPct: 40, tone: 'error' });
  });

  it('draws unfinished spans to the end of the trace and orphans as roots', () => {
    const trace: Trace = {
      traceId: 2,
      startMs: 0,
      spans: [span(1, null, 0, 50, 200), span(5, 99, 10, null, null)],
    };
    const rows = waterfall(trace);
    expect(rows.map((r) => r.depth)).toEqual([0, 0]);
    expect(rows[1]).toMatchObject({ durationMs: null, tone: 'open', leftPct: 20, widthPct: 80 });
  });
});
