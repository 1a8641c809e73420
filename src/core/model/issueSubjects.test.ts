import { describe, expect, it } from 'vitest';
import { withSubjects } from './issueSubjects';
import { formatIssue, formatPlace } from './issues';

const document = {
  nodes: [
    { id: 'web', kind: 'client', label: 'Shoppers' },
    { id: 'payment', kind: 'service', label: '  ' },
    { kind: 'gateway', label: 'Front door' },
    'not a node',
  ],
  edges: [
    { id: 'e1', source: 'web', target: 'payment' },
    { id: 'e2', source: 'web' },
  ],
};

const named = (path: string) => withSubjects([{ path, message: 'must be at least 1' }], document)[0]!;

describe('problems name the node or edge a person sees', () => {
  it('names a node by its label and id, keeping the path after it', () => {
    expect(formatIssue(named('nodes[0].config.workload.ratePerSec'))).toBe(
      'Shoppers (nodes[0], id "web").config.workload.ratePerSec: must be at least 1',
    );
  });

  it('names a node without a label after its kind, and one without an id by its index alone', () => {
    expect(formatPlace(named('nodes[1].config.instances'))).toBe(
      'Service (nodes[1], id "payment").config.instances',
    );
    expect(formatPlace(named('nodes[2].id'))).toBe('Front door (nodes[2]).id');
  });

  it("names an edge by its ends' labels, an unknown or missing end as it stands", () => {
    expect(formatPlace(named('edges[0].config.timeoutMs'))).toBe(
      'Shoppers -> Service (edges[0], id "e1").config.timeoutMs',
    );
    expect(formatPlace(named('edges[1]'))).toBe('Shoppers -> ? (edges[1], id "e2")');
  });

  it('leaves paths outside nodes and edges, and items that are not objects, as they are', () => {
    expect(formatIssue(named('scenario.seed'))).toBe('scenario.seed: must be at least 1');
    expect(named('nodes[3].kind').subject).toBeUndefined();
    expect(formatPlace(named('nodes[3].kind'))).toBe('nodes[3].kind');
    expect(formatPlace(named('nodes[7]'))).toBe('nodes[7]');
  });
});
