import * as Comlink from 'comlink';
import { checkInSlices } from './lessonCheck';
import type { LessonWorkerApi } from './protocol';

// A MessageChannel task runs after queued messages without setTimeout's 4 ms clamp.
const channel = new MessageChannel();
const queue: (() => void)[] = [];
channel.port1.onmessage = () => queue.shift()?.();

/** The lesson checker: one worker per check, so a check never slows the live run's worker. */
const api: LessonWorkerApi = {
  check: (lesson, design, onProgress) =>
    checkInSlices(lesson, design, {
      nowMs: () => performance.now(),
      yieldThen: (fn) => {
        queue.push(fn);
        channel.port2.postMessage(null);
      },
      onProgress,
    }),
};

Comlink.expose(api);
