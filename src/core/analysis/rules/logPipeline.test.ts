import { describe, expect, it } from 'vitest';
import { edge, findingIds, node } from '../analysis.testkit';
import { logPipelineRule } from './logPipeline';

describe('logPipelineRule', () => {
  const logger = node('s', 'service', { endpoints: [{ path: '/', steps: [{ kind: 'log', target: 'r' }] }] });
  it('flags services that log to a router with no log store', () => {
    expect(
      findingIds(logPipelineRule, [logger, node('r', 'logRouter')], [edge('s', 'r', {}, 'log')]),
    ).toEqual(['log-router-without-store:r']);
  });
  it('accepts a router that ships to a log processor (which forwards to its own stores)', () => {
    const nodes = [logger, node('r', 'logRouter'), node('lp', 'logProcessor')];
    expect(
      findingIds(logPipelineRule, nodes, [edge('s', 'r', {}, 'log'), edge('r', 'lp', {}, 'log')]),
    ).toEqual([]);
  });
  it('accepts a router that ships to a store', () => {
    const nodes = [logger, node('r', 'logRouter'), node('l', 'logStore')];
    expect(
      findingIds(logPipelineRule, nodes, [edge('s', 'r', {}, 'log'), edge('r', 'l', {}, 'log')]),
    ).toEqual([]);
  });
});
