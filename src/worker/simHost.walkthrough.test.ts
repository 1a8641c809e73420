import { describe, expect, it } from 'vitest';
import ecommerce from '../../public/examples/ecommerce.json';
import { type ArchDocument, validateDocument } from '../core';
import type { Frame, WalkthroughStepResult } from './protocol';
import { SimHost } from './simHost';

function shop(): ArchDocument {
  const result = validateDocument(ecommerce);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.document;
}

function host() {
  const h = new SimHost({ nowMs: () => 0, yieldThen: () => {}, sleepThen: () => {} });
  const frames: Frame[] = [];
  h.connect((frame) => {
    frames.push(frame);
  });
  return { h, frames };
}

function stepAll(h: SimHost): WalkthroughStepResult[] {
  const out: WalkthroughStepResult[] = [];
  for (let i = 0; i < 400; i++) {
    const r = h.walkthroughStep()!;
    out.push(r);
    if (r.done) return out;
  }
  throw new Error('the walkthrough never finished');
}

describe('SimHost walkthrough', () => {
  it('walks one order to its reply, pushing a frame per hop whose totals count that one request', async () => {
    const { h, frames } = host();
    const loaded = await h.loadWalkthrough(shop());
    expect(loaded.ok).toBe(true);
    const steps = stepAll(h);
    expect(steps[0]!.event).toMatchObject({ kind: 'request', fromNodeId: 'web', toNodeId: 'gateway' });
    expect(steps.at(-1)!.event).toMatchObject({ kind: 'reply', toNodeId: 'web' });
    await Promise.resolve();
    const last = frames.at(-1)!;
    expect(last.totals).toMatchObject({ total: 1, ok: 1, inFlight: 0 });
    expect(last.status).toBe('paused');
  });

  it('reset goes back to the start of the same walkthrough; a plain load ends walkthrough mode', async () => {
    const { h } = host();
    await h.loadWalkthrough(shop());
    const first = stepAll(h);
    await h.reset();
    expect(stepAll(h)).toEqual(first);
    await h.load(shop());
    h.step(5000);
    expect((h.summary() as { requests: { total: number } }).requests.total).toBeGreaterThan(1);
  });

  it('refuses an invalid document like load does', async () => {
    const { h } = host();
    const result = await h.loadWalkthrough({
      ...shop(),
      edges: [{ ...shop().edges[0]!, target: 'nowhere' }],
    });
    expect(result.ok).toBe(false);
    expect(h.walkthroughStep()).toBeNull();
  });
});
