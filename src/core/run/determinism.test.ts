import { describe, expect, it } from 'vitest';
import flow from '../../../public/examples/microservices-flow.json';
import { documentSchema } from '../model/schema';
import { createRun } from './createRun';

const doc = documentSchema.parse(flow);

function summaryJson(seed?: number, document = doc): string {
  const run = createRun(document, { seed, durationSec: 20 });
  run.runToEnd();
  return JSON.stringify(run.summary());
}

describe('determinism', () => {
  it('the same document and seed give a byte-identical summary', () => {
    expect(summaryJson(5)).toBe(summaryJson(5));
  });

  it('a different seed gives a different summary', () => {
    expect(summaryJson(5)).not.toBe(summaryJson(6));
  });

  it('running in slices gives the same result as running to the end', () => {
    const whole = createRun(doc, { seed: 3, durationSec: 20 });
    whole.runToEnd();
    const sliced = createRun(doc, { seed: 3, durationSec: 20 });
    let guard = 0;
    while (!sliced.done && guard++ < 100_000) sliced.advance(sliced.nowMs + 137, 500);
    expect(JSON.stringify(sliced.summary())).toBe(JSON.stringify(whole.summary()));
  });

  it('adding an unrelated node does not shift the draws of the others', () => {
    const extended = documentSchema.parse({
      ...flow,
      nodes: [
        ...flow.nodes,
        { id: 'zz-idle', kind: 'service', label: 'idle', position: { x: 0, y: 0 }, config: {} },
      ],
    });
    const a = JSON.parse(summaryJson(9));
    const b = JSON.parse(summaryJson(9, extended));
    expect(b.nodes.payment).toEqual(a.nodes.payment);
    expect(b.requests).toEqual(a.requests);
    expect(b.nodes['zz-idle'].arrived).toBe(0);
  });
});
