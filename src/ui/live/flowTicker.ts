import { liveStore } from '../../state/liveStore';

/** The moving dash of one edge: its path and how far the dash moves per tick, in SVG units. */
export interface Flow {
  el: SVGPathElement;
  stepPerTick: number;
  offset: number;
  /** The dash's stroke width as drawn (see heldFlowWidth), null before the first. */
  widthPx: number | null;
}

/**
 * One shared clock moves every edge's dash, ten times a second, all in the same task. A CSS
 * animation per edge would repaint the edge layer on every display frame (sixty times a second,
 * at a different phase per edge); without a GPU that raster work competes with the page and the
 * simulation worker for the CPU. One synchronized step per tick repaints the moving edges once.
 */
const FLOW_TICK_MS = 100;
/**
 * Zoomed far out (see zoomDetail.ts) a dash is under a pixel and its motion a shimmer: the clock
 * then ticks at a third of the rate, each tick moving the dash three ticks' worth, which cuts the
 * repaint and raster of a whole canvas of edges to a third.
 */
const FAR_TICKS_PER_TICK = 3;
/** The dash pattern repeats every 14 units; offsets wrap at a multiple of it. */
const DASH_CYCLE = 28;
/** A step of half the pattern or more would read as the dash standing still or moving back. */
const MAX_STEP = 6.9;

const flows = new Set<Flow>();
let timer: ReturnType<typeof setInterval> | null = null;
let running = liveStore.getState().frame?.status === 'running';
let ticksPerTick = 1;
/** When the dashes last moved (performance.now()). */
let lastTickMs = 0;

const motionQuery = typeof matchMedia === 'function' ? matchMedia('(prefers-reduced-motion: reduce)') : null;
const reducedMotion = (): boolean => motionQuery?.matches === true;
const periodMs = (): number => FLOW_TICK_MS * ticksPerTick;

/** Moves every dash by what the time since the last move is worth, so an early or late tick keeps the speed. */
function tick(): void {
  const now = performance.now();
  const sinceMs = now - lastTickMs;
  const elapsedMs = lastTickMs === 0 || sinceMs < 0 ? periodMs() : Math.min(sinceMs, 2 * periodMs());
  lastTickMs = now;
  const ticks = elapsedMs / FLOW_TICK_MS;
  for (const f of flows) {
    const step = Math.min(MAX_STEP, f.stepPerTick * ticks);
    f.offset = (f.offset - step) % DASH_CYCLE;
    f.el.style.strokeDashoffset = f.offset.toFixed(1);
  }
}

function startTimer(): void {
  timer = setInterval(tick, periodMs());
}

function stopTimer(): void {
  if (timer) clearInterval(timer);
  timer = null;
}

function update(): void {
  const wanted = running && flows.size > 0 && !reducedMotion();
  if (wanted && !timer) startTimer();
  else if (!wanted && timer) stopTimer();
}

/**
 * A tick at least half due when a frame arrives moves the dashes in that frame's task, and the
 * clock starts its period again from there. The browser then draws the frame's numbers and the
 * dashes' step in one update of the page, instead of one update for each: on a 300-node diagram
 * every update of the page costs its layerization, whatever changed.
 */
const MERGE_FROM_SHARE = 0.5;

// The dash moves while the simulation runs and stands still when it is paused or done.
liveStore.subscribe((s, prev) => {
  const now = s.frame?.status === 'running';
  if (now !== running) {
    running = now;
    update();
  }
  if (timer && s.frame !== prev.frame && performance.now() - lastTickMs >= periodMs() * MERGE_FROM_SHARE) {
    tick();
    stopTimer();
    startTimer();
  }
});

/** Slows the clock while the canvas is zoomed far out (same speed, fewer and larger steps). */
export function setFlowFar(far: boolean): void {
  const next = far ? FAR_TICKS_PER_TICK : 1;
  if (next === ticksPerTick) return;
  ticksPerTick = next;
  stopTimer();
  update();
}

/** Moves the flow's dash (when `moving`) or stops it. */
export function setFlowMoving(flow: Flow, moving: boolean): void {
  if (moving === flows.has(flow)) return;
  if (moving) flows.add(flow);
  else flows.delete(flow);
  update();
}

/** Dash speed in units per tick, in steps so a small change in rate keeps the same speed. */
export function flowStepPerTick(callsPerSec: number): number {
  const periodSec = callsPerSec >= 1000 ? 0.35 : callsPerSec >= 100 ? 0.55 : callsPerSec >= 10 ? 0.9 : 1.6;
  return (DASH_CYCLE / periodSec) * (FLOW_TICK_MS / 1000);
}
