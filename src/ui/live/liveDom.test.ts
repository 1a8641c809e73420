import { afterEach, describe, expect, it } from 'vitest';
import { liveStore } from '../../state/liveStore';
import type { Frame } from '../../worker/protocol';
import { onEveryFrame, setDetail } from './liveDom';

let seq = 0;
function showFrame(status: Frame['status']): void {
  seq++;
  liveStore.setState({ frame: { runId: 1, seq, status } as Frame });
}

/** Registers an applier that records, per frame, whether it was told to write its numbers. */
function recorder(): { calls: boolean[]; stop: () => void } {
  const calls: boolean[] = [];
  const stop = onEveryFrame((_s, numbers) => calls.push(numbers));
  calls.length = 0;
  return { calls, stop };
}

describe('onEveryFrame', () => {
  const stops: (() => void)[] = [];
  afterEach(() => {
    for (const stop of stops.splice(0)) stop();
    setDetail('near');
  });

  it('has the overlays write their numbers in two interleaved halves while running', () => {
    const a = recorder();
    const b = recorder();
    stops.push(a.stop, b.stop);
    for (let i = 0; i < 6; i++) showFrame('running');
    // Every frame reaches both; each writes numbers every second frame, never both on the same one.
    expect(a.calls).toHaveLength(6);
    expect(b.calls).toHaveLength(6);
    expect(a.calls.filter(Boolean)).toHaveLength(3);
    expect(b.calls.filter(Boolean)).toHaveLength(3);
    expect(a.calls.map((v, i) => v !== b.calls[i])).toEqual(Array(6).fill(true));
  });

  it('writes every number on a frame of a paused or finished run', () => {
    const a = recorder();
    const b = recorder();
    stops.push(a.stop, b.stop);
    showFrame('paused');
    showFrame('done');
    expect(a.calls).toEqual([true, true]);
    expect(b.calls).toEqual([true, true]);
  });

  it('writes no number while far, and all of them at once on the way back near', () => {
    const a = recorder();
    stops.push(a.stop);
    setDetail('far');
    showFrame('running');
    showFrame('paused');
    expect(a.calls).toEqual([false, false]);
    setDetail('near');
    expect(a.calls).toEqual([false, false, true]);
  });
});
