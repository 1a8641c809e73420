/** One Chromium trace event (the fields this summary reads). */
export interface TraceEvent {
  name: string;
  cat?: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  id?: string;
  args?: Record<string, unknown>;
}

interface Span {
  name: string;
  start: number;
  end: number;
  self: number;
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  parent?: number;
}

const LONG_US = 50_000;
const ms = (us: number) => (us / 1000).toFixed(1);

function mainThread(events: readonly TraceEvent[]): { pid: number; tid: number } {
  const candidates = events.filter(
    (e) => e.ph === 'M' && e.name === 'thread_name' && (e.args?.name as string) === 'CrRendererMain',
  );
  // The page's renderer is the one with the most work on its main thread.
  let best = candidates[0]!;
  let bestCount = -1;
  for (const c of candidates) {
    const n = events.filter((e) => e.pid === c.pid && e.tid === c.tid).length;
    if (n > bestCount) {
      best = c;
      bestCount = n;
    }
  }
  return { pid: best.pid, tid: best.tid };
}

/** Complete spans of a thread (X events, and B/E pairs joined), with self time. */
function spansOf(events: readonly TraceEvent[]): Span[] {
  const spans: Span[] = [];
  const open: TraceEvent[] = [];
  for (const e of [...events].sort((a, b) => a.ts - b.ts)) {
    if (e.ph === 'X' && e.dur !== undefined)
      spans.push({ name: e.name, start: e.ts, end: e.ts + e.dur, self: e.dur });
    else if (e.ph === 'B') open.push(e);
    else if (e.ph === 'E') {
      const b = open.pop();
      if (b) spans.push({ name: b.name, start: b.ts, end: e.ts, self: e.ts - b.ts });
    }
  }
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const stack: Span[] = [];
  for (const s of spans) {
    while (stack.length && stack.at(-1)!.end <= s.start) stack.pop();
    const parent = stack.at(-1);
    if (parent && s.end <= parent.end) parent.self -= s.end - s.start;
    stack.push(s);
  }
  return spans;
}

function top(map: Map<string, number>, n: number): string[] {
  return [...map.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([k, v]) => `${ms(v).padStart(8)} ms  ${k}`);
}

function add(map: Map<string, number>, key: string, v: number): void {
  map.set(key, (map.get(key) ?? 0) + v);
}

/** JS samples of the thread: timestamp (µs) and a readable frame name. */
function samplesOf(
  events: readonly TraceEvent[],
  pid: number,
  tid: number,
): { ts: number; fn: string; stack: string[] }[] {
  const out: { ts: number; fn: string; stack: string[] }[] = [];
  const profiles = new Map<string, { nodes: Map<number, ProfileNode>; t: number }>();
  for (const e of events) {
    if (e.pid !== pid) continue;
    if (e.name === 'Profile' && e.tid === tid && e.id) {
      const data = e.args?.data as { startTime: number };
      profiles.set(e.id, { nodes: new Map(), t: data.startTime });
    }
  }
  for (const e of events) {
    if (e.name !== 'ProfileChunk' || e.pid !== pid || !e.id) continue;
    const p = profiles.get(e.id);
    if (!p) continue;
    const data = e.args?.data as {
      cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] };
      timeDeltas?: number[];
    };
    for (const n of data.cpuProfile?.nodes ?? []) p.nodes.set(n.id, n);
    const samples = data.cpuProfile?.samples ?? [];
    const deltas = data.timeDeltas ?? [];
    for (let i = 0; i < samples.length; i++) {
      p.t += deltas[i] ?? 0;
      const node = p.nodes.get(samples[i]!);
      if (!node) continue;
      const name = (n: ProfileNode) => {
        const f = n.callFrame;
        const file = (f.url ?? '').split('/').at(-1) ?? '';
        return `${f.functionName || '(anon)'} ${file}:${f.lineNumber + 1}`;
      };
      const stack: string[] = [];
      for (let n: ProfileNode | undefined = node; n; n = n.parent ? p.nodes.get(n.parent) : undefined)
        stack.push(name(n));
      out.push({ ts: p.t, fn: name(node), stack });
    }
  }
  return out.sort((a, b) => a.ts - b.ts);
}

/** Lines that say where the main thread's time went in a trace. */
export function summarizeTrace(events: readonly TraceEvent[]): string[] {
  const { pid, tid } = mainThread(events);
  const mine = events.filter((e) => e.pid === pid && e.tid === tid);
  const spans = spansOf(mine);
  const tasks = spans.filter((s) => s.name === 'ThreadControllerImpl::RunTask' || s.name === 'RunTask');
  // Top-level tasks only (a RunTask inside a RunTask is a nested loop).
  const topTasks: Span[] = [];
  for (const t of tasks) if (!topTasks.length || t.start >= topTasks.at(-1)!.end) topTasks.push(t);
  const t0 = topTasks[0]?.start ?? 0;
  const t1 = topTasks.at(-1)?.end ?? 0;
  const busy = topTasks.reduce((a, t) => a + (t.end - t.start), 0);
  const long = topTasks.filter((t) => t.end - t.start > LONG_US);
  const inLong = (ts: number) => long.some((t) => ts >= t.start && ts < t.end);
  const selfAll = new Map<string, number>();
  const selfLong = new Map<string, number>();
  for (const s of spans) {
    if (s.name === 'ThreadControllerImpl::RunTask' || s.name === 'RunTask') continue;
    add(selfAll, s.name, s.self);
    if (inLong(s.start)) add(selfLong, s.name, s.self);
  }
  const samples = samplesOf(events, pid, tid);
  const fnAll = new Map<string, number>();
  const fnLong = new Map<string, number>();
  const inclusive = new Map<string, number>();
  for (let i = 0; i < samples.length; i++) {
    const dt = (samples[i + 1]?.ts ?? samples[i]!.ts) - samples[i]!.ts;
    const s = samples[i]!;
    if (s.fn.startsWith('(idle)') || s.fn.startsWith('(program)')) continue;
    add(fnAll, s.fn, dt);
    if (inLong(s.ts)) add(fnLong, s.fn, dt);
    for (const f of new Set(s.stack)) add(inclusive, f, dt);
  }
  const lines = [
    `main thread: ${ms(busy)} ms busy of ${ms(t1 - t0)} ms (${((busy / Math.max(1, t1 - t0)) * 100).toFixed(0)} %), ${topTasks.length} tasks, ${long.length} over 50 ms`,
    '',
    'long tasks (at s: ms; top self times):',
  ];
  for (const t of long) {
    const m = new Map<string, number>();
    for (const s of spans)
      if (
        s.start >= t.start &&
        s.end <= t.end &&
        s.name !== 'ThreadControllerImpl::RunTask' &&
        s.name !== 'RunTask'
      )
        add(m, s.name, s.self);
    const f = new Map<string, number>();
    for (const s of samples) if (s.ts >= t.start && s.ts < t.end) add(f, s.fn, 1);
    const fns = [...f.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 3)
      .map(([k]) => k);
    lines.push(
      `  ${((t.start - t0) / 1e6).toFixed(2)} s: ${ms(t.end - t.start)} ms; ${top(m, 4)
        .map((x) => x.trim().replace(/\s+/, ' '))
        .join(', ')} | ${fns.join(', ')}`,
    );
  }
  lines.push('', 'self time by event (whole window):', ...top(selfAll, 18));
  lines.push('', 'self time by event (inside long tasks):', ...top(selfLong, 12));
  lines.push('', 'JS self time (whole window):', ...top(fnAll, 30));
  lines.push('', 'JS inclusive time (whole window):', ...top(inclusive, 40));
  lines.push('', 'JS self time (inside long tasks):', ...top(fnLong, 20));
  return lines;
}
