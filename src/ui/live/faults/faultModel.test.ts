import { describe, expect, it } from 'vitest';
import { documentSchema, type Fault } from '../../../core/model/schema';
import {
  defaultFault,
  describeFault,
  faultKinds,
  faultProblem,
  parseConfigValue,
  removeFault,
  upsertFault,
} from './faultModel';

const doc = documentSchema.parse({
  format: 'archplay',
  version: 2,
  nodes: [
    { id: 'web', kind: 'client', label: 'Web', position: { x: 0, y: 0 }, config: {} },
    { id: 'api', kind: 'service', label: 'API', position: { x: 0, y: 0 }, config: {} },
    { id: 'cfg', kind: 'configServer', label: 'Config', position: { x: 0, y: 0 }, config: {} },
  ],
  edges: [{ id: 'web-api', source: 'web', target: 'api', kind: 'sync', config: {} }],
  scenario: { durationSec: 60 },
});

describe('fault model', () => {
  it('every default fault passes the document schema and names real nodes', () => {
    for (const { kind } of faultKinds) {
      const fault = defaultFault(kind, doc, 12.34, 'api');
      expect(faultProblem(fault, doc)).toBeNull();
      expect(fault.atSec).toBe(12.3);
    }
  });

  it('a partition defaults to a neighbour and refuses the same node twice', () => {
    const p = defaultFault('partition', doc, 5, 'api');
    expect(p).toMatchObject({ a: 'api', b: 'web' });
    expect(faultProblem({ ...p, b: 'api' } as Fault, doc)).toMatch(/two different/);
  });

  it('refuses faults after the end of the run, on unknown nodes and with invalid numbers', () => {
    expect(faultProblem(defaultFault('killInstance', doc, 61, 'api'), doc)).toMatch(/after the run ends/);
    expect(faultProblem({ kind: 'killInstance', atSec: 1, nodeId: 'ghost', instance: 0 }, doc)).toMatch(
      /ghost/,
    );
    expect(faultProblem({ kind: 'errorRate', atSec: 1, nodeId: 'api', errorRate: 2 }, doc)).toMatch(
      /errorRate/,
    );
  });

  it('upsert keeps faults ordered by time, same-time faults in insertion order', () => {
    const kill = defaultFault('killInstance', doc, 10, 'api');
    const restart = defaultFault('restartInstance', doc, 10, 'api');
    const early = defaultFault('addLatency', doc, 2, 'api');
    let faults = upsertFault([], kill, -1);
    faults = upsertFault(faults, restart, -1);
    faults = upsertFault(faults, early, -1);
    expect(faults.map((f) => f.kind)).toEqual(['addLatency', 'killInstance', 'restartInstance']);
    const moved = upsertFault(faults, { ...early, atSec: 30 }, 0);
    expect(moved.map((f) => f.kind)).toEqual(['killInstance', 'restartInstance', 'addLatency']);
    expect(removeFault(moved, 1).map((f) => f.kind)).toEqual(['killInstance', 'addLatency']);
  });

  it('describes faults with node labels and parses typed config values', () => {
    const label = (id: string) => (id === 'api' ? 'API' : id);
    expect(describeFault(defaultFault('addLatency', doc, 20, 'api'), label)).toBe(
      '+500 ms on API at 20s for 10s',
    );
    expect(parseConfigValue('250')).toBe(250);
    expect(parseConfigValue('true')).toBe(true);
    expect(parseConfigValue('fast')).toBe('fast');
  });
});
