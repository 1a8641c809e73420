import * as Comlink from 'comlink';
import { SimHost } from './simHost';

// The worker is a thin adapter: the engine and the run live in src/core, the slicing in SimHost.
const host = new SimHost({
  nowMs: () => performance.now(),
  yieldThen: (() => {
    // A MessageChannel task runs after queued messages without setTimeout's 4 ms clamp.
    const channel = new MessageChannel();
    const queue: (() => void)[] = [];
    channel.port1.onmessage = () => queue.shift()?.();
    return (fn: () => void) => {
      queue.push(fn);
      channel.port2.postMessage(null);
    };
  })(),
  sleepThen: (fn, delayMs) => setTimeout(fn, delayMs),
});

Comlink.expose(host);
