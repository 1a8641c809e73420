import { describe, expect, it } from 'vitest';
import { formatIssue, validateDocument } from './validate';

function doc(slos: unknown[], scenario: object = {}) {
  return {
    format: 'archplay',
    version: 1,
    nodes: [
      { id: 'web', kind: 'client', label: 'web', position: { x: 0, y: 0 }, config: {} },
      { id: 'api', kind: 'service', label: 'api', position: { x: 0, y: 0 }, config: {} },
      { id: 'bus', kind: 'eventBus', label: 'bus', position: { x: 0, y: 0 }, config: {} },
    ],
    edges: [{ id: 'web-api', source: 'web', target: 'api', kind: 'sync', config: {} }],
    scenario: { durationSec: 30, warmupSec: 5, slos, ...scenario },
  };
}

const problems = (slos: unknown[], scenario: object = {}) => {
  const result = validateDocument(doc(slos, scenario));
  return result.ok ? [] : result.errors.map(formatIssue);
};

const base = { id: 's', target: 'web', metric: 'p99Ms', op: '<=', value: 300 };

describe('SLO validation', () => {
  it('accepts SLOs on a node, an edge and the system, and keeps a document without SLOs free of the field', () => {
    expect(
      problems([base, { ...base, id: 'e', target: 'web-api' }, { ...base, id: 'y', target: 'system' }]),
    ).toEqual([]);
    const plain = validateDocument({ ...doc([]), scenario: {} });
    expect(plain.ok && 'slos' in plain.document.scenario).toBe(false);
  });

  it('refuses an unknown metric or operator with the allowed values', () => {
    expect(problems([{ ...base, metric: 'p98Ms' }])[0]).toMatch(/^scenario\.slos\[0\]\.metric: /);
    expect(problems([{ ...base, op: '==' }])[0]).toMatch(/^scenario\.slos\[0\]\.op: /);
  });

  it('names a target that is no node or edge', () => {
    expect(problems([{ ...base, target: 'nope' }])).toEqual([
      'scenario.slos[0].target: no node or edge with id "nope" (or use "system" for every client together)',
    ]);
  });

  it('refuses metrics the target does not have', () => {
    expect(problems([{ ...base, metric: 'breakerOpenMs', target: 'api' }])).toEqual([
      'scenario.slos[0].target: breakerOpenMs is measured on an edge, and "api" is not one',
    ]);
    expect(problems([{ ...base, metric: 'consumerLag', target: 'api' }])[0]).toContain(
      'event bus or a read model',
    );
    expect(problems([{ ...base, metric: 'consumerLag', target: 'bus' }])).toEqual([]);
  });

  it('refuses duplicate ids and windows outside the run or inside the warm-up', () => {
    expect(problems([base, base])).toEqual([
      'scenario.slos[1].id: duplicate SLO id "s" (also used by scenario.slos[0])',
    ]);
    expect(problems([{ ...base, toSec: 40 }])).toEqual([
      'scenario.slos[0].toSec: must be at most durationSec (30), got 40',
    ]);
    expect(problems([{ ...base, fromSec: 30 }])).toEqual([
      'scenario.slos[0].fromSec: must be less than durationSec (30), got 30',
    ]);
    expect(problems([{ ...base, toSec: 5 }])[0]).toContain('must be after the warm-up');
    expect(problems([{ ...base, fromSec: 10, toSec: 8 }])).toEqual([
      'scenario.slos[0].toSec: must be greater than fromSec',
    ]);
  });
});
