import { describe, expect, it } from 'vitest';
import { type ArchDocument, createRun, observeRun, validateDocument } from '../core';
import { sampleDocument } from '../core/model/sampleDocument.testkit';
import { type Frame, NODE_STRIDE } from './protocol';
import { SimHost } from './simHost';
import type { LoopClock } from './sliceLoop';

/** A clock whose tasks run when the test drains them; wall time advances with every reading and task. */
function manualClock() {
  let wallMs = 0;
  const tasks: (() => void)[] = [];
  const clock: LoopClock = {
    // Each reading costs 5 ms of wall time, so a slice ends after a few chunks of events.
    nowMs: () => (wallMs += 5),
    yieldThen: (fn) => tasks.push(fn),
    sleepThen: (fn) => tasks.push(fn),
  };
  // Like an event loop: microtasks (frame acknowledgements) settle between tasks.
  const drain = async (max: number) => {
    for (let i = 0; i < max && tasks.length > 0; i++) {
      wallMs += 200;
      tasks.shift()!();
      await Promise.resolve();
    }
  };
  return { clock, drain };
}

function document(): ArchDocument {
  const result = validateDocument(sampleDocument());
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.document;
}

async function hostWithFrames() {
  const { clock, drain } = manualClock();
  const host = new SimHost(clock);
  const frames: Frame[] = [];
  host.connect((frame) => {
    frames.push(frame);
  });
  return { host, frames, drain };
}

describe('SimHost', () => {
  it('refuses an invalid document and names the problem', async () => {
    const { host } = await hostWithFrames();
    const bad = { ...document(), edges: [{ ...document().edges[0]!, target: 'nowhere' }] };
    const result = await host.load(bad);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.some((e) => e.message.includes('nowhere'))).toBe(true);
  });

  it('runs in slices and pushes numbered frames with one stats row per node', async () => {
    const { host, frames, drain } = await hostWithFrames();
    const loaded = await host.load(document(), { durationSec: 120 });
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    host.start();
    await drain(10_000);
    expect(frames.length).toBeGreaterThan(2);
    const last = frames.at(-1)!;
    expect(last.status).toBe('done');
    expect(last.nowMs).toBe(120_000);
    expect(last.nodeStats.length).toBe(loaded.layout.nodeIds.length * NODE_STRIDE);
    expect(last.totals.total).toBeGreaterThan(0);
    for (let i = 1; i < frames.length; i++) expect(frames[i]!.seq).toBeGreaterThan(frames[i - 1]!.seq);
  });

  it('steps one event at a time while paused', async () => {
    const { host, frames } = await hostWithFrames();
    await host.load(document());
    host.step(1);
    host.step(1);
    await Promise.resolve();
    expect(frames.map((f) => f.events)).toEqual([1, 2]);
    expect(frames.every((f) => f.status === 'paused')).toBe(true);
  });

  it('gives a reset run a new runId and starts it again from time zero', async () => {
    const { host, frames } = await hostWithFrames();
    const loaded = await host.load(document());
    host.step(50);
    const layout = await host.reset();
    if (!loaded.ok || !layout) throw new Error('load or reset failed');
    expect(layout.runId).toBe(loaded.layout.runId + 1);
    host.step(1);
    await Promise.resolve();
    const last = frames.at(-1)!;
    expect(last.runId).toBe(layout.runId);
    expect(last.events).toBe(1);
  });

  it('coalesces frames while the main thread has not taken the previous one (latest wins)', async () => {
    const { clock } = manualClock();
    const host = new SimHost(clock);
    const frames: Frame[] = [];
    let release: () => void = () => {};
    host.connect((frame) => {
      frames.push(frame);
      return new Promise<void>((resolve) => {
        release = resolve;
      });
    });
    await host.load(document());
    for (let i = 0; i < 20; i++) host.step(1);
    expect(frames.length).toBe(1);
    release();
    await new Promise((r) => setTimeout(r, 0));
    expect(frames.length).toBe(2);
    expect(frames[1]!.events).toBe(20);
  });

  it('judges the SLOs at the end of a sliced run exactly as the CLI does, and only once it is over', async () => {
    const { host, drain } = await hostWithFrames();
    const base = document();
    const client = base.nodes.find((n) => n.kind === 'client')!.id;
    const doc: ArchDocument = {
      ...base,
      scenario: {
        ...base.scenario,
        durationSec: 30,
        slos: [
          {
            id: 'p99',
            name: '',
            target: client,
            metric: 'p99Ms',
            op: '<=',
            value: 500,
            fromSec: 7.3,
            toSec: 21.9,
          },
          { id: 'errors', name: '', target: 'system', metric: 'errorRate', op: '<', value: 0.5 },
        ],
      },
    };
    await host.load(doc);
    host.step(10);
    expect(host.summary()).not.toHaveProperty('slos');
    host.start();
    await drain(10_000);
    const summary = host.summary() as { slos: unknown };
    expect(summary.slos).toEqual(observeRun(createRun(doc), doc).slos);
    await host.load(base);
    host.start();
    await drain(10_000);
    expect(host.summary()).not.toHaveProperty('slos');
  });

  it('frames carry each SLO read so far, and the last frame of a run carries its verdicts', async () => {
    const { host, frames, drain } = await hostWithFrames();
    const base = document();
    const client = base.nodes.find((n) => n.kind === 'client')!.id;
    const doc: ArchDocument = {
      ...base,
      scenario: {
        ...base.scenario,
        durationSec: 20,
        warmupSec: 0,
        slos: [
          { id: 'late', name: '', target: client, metric: 'p99Ms', op: '<=', value: 500, fromSec: 10 },
          { id: 'errors', name: '', target: 'system', metric: 'errorRate', op: '<', value: 0.5 },
        ],
      },
    };
    await host.load(doc);
    host.start();
    await drain(10_000);
    const early = frames.find((f) => f.nowMs > 0 && f.nowMs < 10_000);
    expect(early?.slos.map((s) => s.state)).toEqual(['waiting', 'open']);
    const last = frames.at(-1)!;
    expect(last.status).toBe('done');
    const verdicts = observeRun(createRun(doc), doc).slos;
    expect(last.slos.map(({ state: _s, ...rest }) => rest)).toEqual(verdicts);
    expect(last.slos.every((s) => s.state === 'final')).toBe(true);
    await host.load(base);
    host.step(1);
    expect(frames.at(-1)!.slos).toEqual([]);
  });
});
