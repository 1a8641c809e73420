import { useEffect, useState } from 'react';
import { flushSync } from 'react-dom';
import { recordChartUpdate } from '../../../state/frameTiming';

type Job = () => void;

const queue: Job[] = [];
let scheduled = false;
let channel: MessageChannel | null = null;
// Main-thread time of the current round (the jobs queued together) and a moving average of rounds.
let roundMs = 0;
let roundAverageMs = 0;

function runOne(): void {
  scheduled = false;
  const job = queue.shift();
  if (queue.length > 0) schedule();
  if (!job) return;
  const start = performance.now();
  job();
  roundMs += performance.now() - start;
  if (queue.length === 0) {
    roundAverageMs = roundAverageMs === 0 ? roundMs : 0.7 * roundAverageMs + 0.3 * roundMs;
    roundMs = 0;
  }
}

/** What one round of staggered updates (all the charts updating once) costs lately, in ms. */
export function staggeredRoundMs(): number {
  return roundAverageMs;
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
