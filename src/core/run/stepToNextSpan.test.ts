import { describe, expect, it } from 'vitest';
import flow from '../../../public/examples/microservices-flow.json';
import { documentSchema } from '../model/schema';
import { createRun } from './createRun';

const doc = documentSchema.parse(flow);

function arrivals(run: ReturnType<typeof createRun>): Record<string, number> {
  const nodes = run.summary().nodes;
  return Object.fromEntries(Object.entries(nodes).map(([id, n]) => [id, n.arrived]));
}

describe('stepToNextSpan', () => {
  it('stops right after the event that delivers a request to a node, and names that node', () => {
    const run = createRun(doc, { durationSec: 5 });
    run.advance(500);
    const before = arrivals(run);
    const result = run.stepToNextSpan();
    expect(result.nodeId).not.toBeNull();
    const after = arrivals(run);
    const changed = Object.keys(after).filter((id) => after[id] !== before[id]);
    // Exactly one node received exactly one request: the step stopped at the first span.
    expect(changed).toEqual([result.nodeId]);
    expect(after[result.nodeId!]! - before[result.nodeId!]!).toBe(1);
    expect(result.events).toBeGreaterThanOrEqual(1);
    expect(run.nowMs).toBe(result.nowMs);
  });

  it('consecutive span steps follow a request deeper than the client (a hop by hop walk)', () => {
    const run = createRun(doc, { durationSec: 5 });
    const visited = new Set<string>();
    for (let i = 0; i < 12; i++) visited.add(run.stepToNextSpan().nodeId ?? 'none');
    expect(visited.has('web')).toBe(true);
    expect(visited.size).toBeGreaterThan(2);
  });

  it('gives up after its event budget and at the end of the run', () => {
    const run = createRun(doc, { durationSec: 5 });
    run.advance(100);
    const capped = run.stepToNextSpan(1);
    expect(capped.events).toBeLessThanOrEqual(1);
    run.runToEnd();
    const end = run.stepToNextSpan();
    expect(end).toMatchObject({ events: 0, nodeId: null, done: true });
  });
});
