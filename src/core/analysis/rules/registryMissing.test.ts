import { describe, expect, it } from 'vitest';
import { client, edge, findingIds, node } from '../analysis.testkit';
import { registryMissingRule } from './registryMissing';

describe('registryMissingRule', () => {
  it('flags called services with several instances when they do not register', () => {
    expect(
      findingIds(
        registryMissingRule,
        [client('c', 1), node('s', 'service', { instances: 3 })],
        [edge('c', 's')],
      ),
    ).toEqual(['no-service-registry:s']);
  });
  it('accepts services that register, and single-instance services', () => {
    const nodes = [client('c', 1), node('s', 'service', { instances: 3 }), node('r', 'registry')];
    expect(findingIds(registryMissingRule, nodes, [edge('c', 's'), edge('s', 'r', {}, 'registry')])).toEqual(
      [],
    );
    expect(
      findingIds(
        registryMissingRule,
        [client('c', 1), node('s', 'service', { instances: 1 })],
        [edge('c', 's')],
      ),
    ).toEqual([]);
  });
});
