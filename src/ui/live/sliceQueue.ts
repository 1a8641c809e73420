/** Runs a frame's slice of the queue; given to `schedule` (requestAnimationFrame on the page). */
type Schedule = (run: () => void) => void;

/**
 * A queue of jobs run `perFrame` at a time, one slice per scheduled frame, in the order queued.
 * `queue` returns a cancel that drops the job if it has not run yet.
 */
export function sliceQueue(perFrame: number, schedule: Schedule): (job: () => void) => () => void {
  const pending = new Set<() => void>();
  let scheduled = false;
  const runSlice = () => {
    scheduled = false;
    let ran = 0;
    for (const job of pending) {
      if (ran++ >= perFrame) break;
      pending.delete(job);
      job();
    }
    if (pending.size > 0) {
      scheduled = true;
      schedule(runSlice);
    }
  };
  return (job) => {
    // Each call queues a job of its own, even when the same function is queued twice.
    const entry = () => job();
    pending.add(entry);
    if (!scheduled) {
      scheduled = true;
      schedule(runSlice);
    }
    return () => {
      pending.delete(entry);
    };
  };
}
