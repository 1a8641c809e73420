import { describe, expect, it } from 'vitest';
import { client, edge, findingIds, node } from '../analysis.testkit';
import { overloadRule } from './overload';

const constant = (ms: number) => ({ kind: 'constant', ms });

describe('overloadRule', () => {
  const svc = (instances: number) =>
    node('s', 'service', { instances, concurrency: 2, serviceTimeMs: constant(10) });
  it('flags a node at rho >= 1 as critical and at rho >= 0.8 as a warning', () => {
    expect(findingIds(overloadRule, [client('c', 250), svc(1)], [edge('c', 's')])).toEqual(['overloaded:s']);
    expect(findingIds(overloadRule, [client('c', 170), svc(1)], [edge('c', 's')])).toEqual([
      'near-capacity:s',
    ]);
  });
  it('stays quiet below 80% utilisation', () => {
    expect(findingIds(overloadRule, [client('c', 250), svc(2)], [edge('c', 's')])).toEqual([]);
  });
});
