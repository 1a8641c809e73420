import { describe, expect, it } from 'vitest';
import { contextOf, edge, findingIds, node } from '../analysis.testkit';
import { logPipelineRule } from './logPipeline';

describe('logPipelineRule', () => {
  const logger = node('s', 'service', { endpoints: [{ path: '/', steps: [{ kind: 'log', target: 'r' }] }] });
  it('flags services that log to a router with no log store', () => {
    expect(
      findingIds(logPipelineRule, [logger, node('r', 'logRouter')], [edge('s', 'r', {}, 'log')]),
    ).toEqual(['log-router-without-store:r']);
  });
  it('accepts a router that ships to a log processor (which forwards to its own stores)', () => {
    const nodes = [logger, node('r', 'logRouter'), node('lp', 'logProcessor'), node('l', 'logStore')];
    const edges = [edge('s', 'r', {}, 'log'), edge('r', 'lp', {}, 'log'), edge('lp', 'l', {}, 'log')];
    expect(findingIds(logPipelineRule, nodes, edges)).toEqual([]);
  });
  it('accepts a router that ships to a store', () => {
    const nodes = [logger, node('r', 'logRouter'), node('l', 'logStore')];
    expect(
      findingIds(logPipelineRule, nodes, [edge('s', 'r', {}, 'log'), edge('r', 'l', {}, 'log')]),
    ).toEqual([]);
  });
  it('flags a log processor a router ships to that forwards to no store: a problem without alert rules, a note with them', () => {
    const nodes = [logger, node('r', 'logRouter'), node('lp', 'logProcessor')];
    const edges = [edge('s', 'r', {}, 'log'), edge('r', 'lp', {}, 'log')];
    const [f] = logPipelineRule(contextOf([...nodes, node('l', 'logStore')], edges));
    expect(f).toMatchObject({ id: 'log-processor-without-store:lp', severity: 'warning', problem: true });
    expect(f?.fixes).toEqual([
      { label: 'Link to l', change: { kind: 'link', source: 'lp', target: 'l', wire: true } },
    ]);
    const alerting = node('lp', 'logProcessor', {
      alerts: [{ id: 'errors', threshold: 10 }],
    });
    const [g] = logPipelineRule(contextOf([logger, node('r', 'logRouter'), alerting], edges));
    expect(g).toMatchObject({ severity: 'info', problem: false, fixes: [] });
    const stored = [...edges, edge('lp', 'l', {}, 'log')];
    expect(findingIds(logPipelineRule, [...nodes, node('l', 'logStore')], stored)).toEqual([]);
  });
});
