/**
 * Wall time over which the achieved speed is measured: long enough that one slow stretch (a
 * garbage collection, the page's one-off work, a neighbour's burst on a shared machine) does not
 * decide, short enough that a lasting lag shows within seconds.
 */
export const SPEED_WINDOW_MS = 5000;
/**
 * Wall time not measured after a start, a resume or a speed change: the page builds its live view
 * and both threads compile their hot code then, so the first seconds say nothing about the model.
 */
export const SPEED_GRACE_MS = 2000;
/** The run lags when, over a whole window, it achieves less than this share of its speed... */
const LAG_SHARE = 0.8;
/** ...and keeps up again from this share on (the gap keeps the warning from flickering). */
const KEEP_UP_SHARE = 0.95;
/** Samples kept at most this often, so a window holds at most about 50 of them however short the slices. */
const SAMPLE_EVERY_MS = 100;
/** The speeds a person can pick below max, fastest first. */
const PRESETS = [100, 10, 1] as const;

/** A speed as people read it: "4.2x" below 10, "37x" above. */
function times(speed: number): string {
  return `${speed < 10 ? speed.toFixed(1) : Math.round(speed)}x`;
}

/** The fastest preset speed the run can hold at `achieved`, or null when even 1x is too fast. */
function sustainableSpeed(achieved: number): 1 | 10 | 100 | null {
  return PRESETS.find((s) => s <= achieved * KEEP_UP_SHARE) ?? null;
}

/**
 * Measures the simulated speed a real-time run achieves (simulated ms per wall ms) over the last
 * {@link SPEED_WINDOW_MS} of wall time, after {@link SPEED_GRACE_MS} of start-up, and words a
 * warning only while it stays below the chosen speed, with the figure and the speed that keeps up.
 */
export class SpeedMeter {
  private wall: number[] = [];
  private sim: number[] = [];
  private measureFromMs = 0;
  private lagging = false;

  /** Starts over (a start, a resume, a speed change): the next grace period is not measured. */
  reset(wallMs: number): void {
    this.wall = [];
    this.sim = [];
    this.measureFromMs = wallMs + SPEED_GRACE_MS;
    this.lagging = false;
  }

  /**
   * Records that the run is at `simMs` at `wallMs` while running at `speed`, and returns the warning
   * to show: null while it keeps up, or before a whole window has been measured.
   */
  sample(wallMs: number, simMs: number, speed: number): string | null {
    if (wallMs < this.measureFromMs) return null;
    if (this.wall.length === 0 || wallMs - this.wall.at(-1)! >= SAMPLE_EVERY_MS) {
      this.wall.push(wallMs);
      this.sim.push(simMs);
    }
    // Keep one sample at or before the window's start, so the window is measured whole.
    let drop = 0;
    while (drop + 1 < this.wall.length && this.wall[drop + 1]! <= wallMs - SPEED_WINDOW_MS) drop++;
    if (drop > 0) {
      this.wall.splice(0, drop);
      this.sim.splice(0, drop);
    }
    const spanMs = wallMs - this.wall[0]!;
    if (spanMs < SPEED_WINDOW_MS) return null;
    const achieved = (simMs - this.sim[0]!) / spanMs;
    if (this.lagging ? achieved >= speed * KEEP_UP_SHARE : achieved >= speed * LAG_SHARE) {
      this.lagging = false;
      return null;
    }
    this.lagging = true;
    const holds = sustainableSpeed(achieved);
    const advice =
      holds === null
        ? 'too heavy for this machine to run in real time; lower the load, or run at max speed.'
        : `heavy for this machine; ${holds}x keeps up.`;
    return `Running at ${times(achieved)} real time, slower than ${speed}x: the model is ${advice}`;
  }
}
