import type { Span, Trace } from '../../../worker/protocol';

/** One row of a span waterfall: the span, its depth, and its bar as percentages of the trace. */
export interface WaterfallRow {
  span: Span;
  depth: number;
  leftPct: number;
  widthPct: number;
  durationMs: number | null;
  tone: 'ok' | 'error' | 'open';
}

/** Start and end of a trace; an unfinished span ends at the latest time seen. */
export function traceBounds(trace: Trace): { startMs: number; endMs: number } {
  let endMs = trace.startMs;
  for (const s of trace.spans) endMs = Math.max(endMs, s.endMs ?? s.startMs);
  return { startMs: trace.startMs, endMs };
}

/** Orders spans depth-first under their parents (siblings by start time) and places their bars. */
export function waterfall(trace: Trace): WaterfallRow[] {
  const { startMs, endMs } = traceBounds(trace);
  const totalMs = Math.max(endMs - startMs, 1e-6);
  const children = new Map<number | null, Span[]>();
  const ids = new Set(trace.spans.map((s) => s.spanId));
  for (const s of trace.spans) {
    // A parent missing from the trace (cut by the span cap) makes its child a root.
    const parent = s.parentId !== null && ids.has(s.parentId) ? s.parentId : null;
    const list = children.get(parent) ?? [];
    list.push(s);
    children.set(parent, list);
  }
  for (const list of children.values()) list.sort((a, b) => a.startMs - b.startMs || a.spanId - b.spanId);
  const rows: WaterfallRow[] = [];
  const visit = (parent: number | null, depth: number) => {
    for (const span of children.get(parent) ?? []) {
      const end = span.endMs ?? endMs;
      rows.push({
        span,
        depth,
        leftPct: ((span.startMs - startMs) / totalMs) * 100,
        widthPct: Math.max(((end - span.startMs) / totalMs) * 100, 0.4),
        durationMs: span.endMs === null ? null : span.endMs - span.startMs,
        tone: span.status === null ? 'open' : span.status >= 400 || span.status === 0 ? 'error' : 'ok',
      });
      visit(span.spanId, depth + 1);
    }
  };
  visit(null, 0);
  return rows;
}
