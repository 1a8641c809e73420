/**
 * Installed in the page before it loads (as a string, since the page is not Node): counts
 * animation frames per second and records long tasks, between `start()` and `stop()`.
 */
export const PROBE_SCRIPT = `
(() => {
  const probe = { running: false, frames: [], longTasks: [], startedAt: 0 };
  const tick = (t) => {
    if (probe.running) probe.frames.push(t);
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  try {
    new PerformanceObserver((list) => {
      if (!probe.running) return;
      for (const e of list.getEntries()) probe.longTasks.push({ at: e.startTime - probe.startedAt, ms: e.duration });
    }).observe({ type: 'longtask', buffered: false });
  } catch (e) {
    probe.unsupported = String(e);
  }
  window.__uiProbe = {
    start() {
      probe.frames = [];
      probe.longTasks = [];
      probe.startedAt = performance.now();
      probe.running = true;
    },
    stop() {
      probe.running = false;
      return { frames: probe.frames, longTasks: probe.longTasks, wallMs: performance.now() - probe.startedAt, unsupported: probe.unsupported ?? null };
    },
  };
})();
`;

/** What the probe returns. */
export interface ProbeResult {
  frames: number[];
  longTasks: { at: number; ms: number }[];
  wallMs: number;
  unsupported: string | null;
}
