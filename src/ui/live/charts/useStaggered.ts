import { useEffect, useState } from 'react';
import { flushSync } from 'react-dom';
import { recordChartUpdate } from '../../../state/frameTiming';

type Job = () => void;

const queue: Job[] = [];
let scheduled = false;
let channel: MessageChannel | null = null;
// Main-thread time of the updates run since the charts' budget last took it.
let spentMs = 0;

function runOne(): void {
  scheduled = false;
  const job = queue.shift();
  if (queue.length > 0) schedule();
  if (!job) return;
  const start = performance.now();
  job();
  spentMs += performance.now() - start;
}

/**
 * The main-thread time of the staggered updates run since the last call, in ms. Taken once per
 * redraw of the charts, it is what that redraw cost, however its updates fell into tasks.
 */
export function takeStaggeredMs(): number {
  const ms = spentMs;
  spentMs = 0;
  return ms;
}

function schedule(): void {
  if (scheduled) return;
  scheduled = true;
  if (!channel) {
    channel = new MessageChannel();
    channel.port1.onmessage = runOne;
  }
  channel.port2.postMessage(null);
}

/**
 * The value one task later than the others in line: each caller's update renders and commits in a
 * task of its own (one after the other), so five charts updating together cost five short tasks
 * instead of one long one. recharts re-renders through its own store synchronously after a commit,
 * which a React transition cannot time-slice; separate tasks can.
 */
export function useStaggered<T>(value: T): T {
  const [shown, setShown] = useState(value);
  useEffect(() => {
    const job: Job = () => {
      const start = performance.now();
      flushSync(() => setShown(value));
      recordChartUpdate(performance.now() - start);
    };
    queue.push(job);
    schedule();
    return () => {
      const i = queue.indexOf(job);
      if (i >= 0) queue.splice(i, 1);
    };
  }, [value]);
  return shown;
}
