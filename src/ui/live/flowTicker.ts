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

const motionQuery = typeof matchMedia === 'function' ? matchMedia('(prefers-reduced-motion: reduce)') : null;
const reducedMotion = (): boolean => motionQuery?.matches === true;

function tick(): void {
  for (const f of flows) {
    const step = ticksPerTick === 1 ? f.stepPerTick : Math.min(MAX_STEP, f.stepPerTick * ticksPerTick);
    f.offset = (f.offset - step) % DASH_CYCLE;
    f.el.style.strokeDashoffset = f.offset.toFixed(1);
  }
}

function update(): void {
  const wanted = running && flows.size > 0 && !reducedMotion();
  if (wanted && !timer) timer = setInterval(tick, FLOW_TICK_MS * ticksPerTick);
  else if (!wanted && timer) {
    clearInterval(timer);
    timer = null;
  }
}

// The dash moves while the simulation runs and stands still when it is paused or done.
liveStore.subscribe((s) => {
  const now = s.frame?.status === 'running';
  if (now !== running) {
    running = now;
    update();
  }
});

/** Slows the clock while the canvas is zoomed far out (same speed, fewer and larger steps). */
export function setFlowFar(far: boolean): void {
  const next = far ? FAR_TICKS_PER_TICK : 1;
  if (next === ticksPerTick) return;
  ticksPerTick = next;
  if (timer) {
    clearInterval(timer);
    timer = null;
  }
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
