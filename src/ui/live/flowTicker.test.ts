import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { liveStore } from '../../state/liveStore';
import type { Frame } from '../../worker/protocol';
import { type Flow, setFlowMoving } from './flowTicker';

const running = (seq: number) => ({ status: 'running', seq }) as unknown as Frame;

function flowOf(stepPerTick: number): Flow {
  return { el: { style: {} } as unknown as SVGPathElement, stepPerTick, offset: 0, widthPx: null };
}

describe('flowTicker', () => {
  let flow: Flow;
  beforeEach(() => {
    vi.useFakeTimers({
      toFake: ['setInterval', 'clearInterval', 'setTimeout', 'clearTimeout', 'performance'],
    });
    flow = flowOf(2);
    liveStore.setState({ frame: running(1) });
    setFlowMoving(flow, true);
    // The first tick of the clock: a whole period's step.
    vi.advanceTimersByTime(100);
  });
  afterEach(() => {
    setFlowMoving(flow, false);
    liveStore.setState({ frame: null });
    vi.useRealTimers();
  });

  it('moves every dash once a period while the run goes', () => {
    expect(flow.offset).toBeCloseTo(-2);
    expect(flow.el.style.strokeDashoffset).toBe('-2.0');
    vi.advanceTimersByTime(100);
    expect(flow.offset).toBeCloseTo(-4);
  });

  it('moves the dashes with a frame that arrives when a tick is at least half due, by the time elapsed', () => {
    vi.advanceTimersByTime(60);
    liveStore.setState({ frame: running(2) });
    expect(flow.offset).toBeCloseTo(-3.2);
    // The clock's period starts again at that step.
    vi.advanceTimersByTime(99);
    expect(flow.offset).toBeCloseTo(-3.2);
    vi.advanceTimersByTime(1);
    expect(flow.offset).toBeCloseTo(-5.2);
  });

  it('leaves the dashes to the clock when a frame arrives less than half a tick after the last step', () => {
    vi.advanceTimersByTime(30);
    liveStore.setState({ frame: running(2) });
    expect(flow.offset).toBeCloseTo(-2);
    vi.advanceTimersByTime(70);
    expect(flow.offset).toBeCloseTo(-4);
  });
});
