import { describe, expect, it } from 'vitest';
import { metricBound, metricPathIds, readMetric } from './metricCheck';

const metrics = {
  'nodes.bus.topics.orders.deadLettered': 4,
  'nodes.bus.topics.audit.deadLettered': 1.5,
  'edges.web-api.calls': 200,
  'edges.web-api.retries': 30,
};

describe('readMetric', () => {
  it('reads the number at an exact path, or null when the run has none', () => {
    expect(readMetric(metrics, 'edges.web-api.calls')).toBe(200);
    expect(readMetric(metrics, 'edges.web-api.timeouts')).toBeNull();
  });

  it('combines what a * matches: sum by default, or max, min, count', () => {
    const path = 'nodes.bus.topics.*.deadLettered';
    expect(readMetric(metrics, path)).toBe(5.5);
    expect(readMetric(metrics, path, 'max')).toBe(4);
    expect(readMetric(metrics, path, 'min')).toBe(1.5);
    expect(readMetric(metrics, path, 'count')).toBe(2);
  });

  it('takes a * match of nothing as a sum of 0, but as no number for max and min', () => {
    expect(readMetric(metrics, 'nodes.*.conflicts')).toBe(0);
    expect(readMetric(metrics, 'nodes.*.conflicts', 'max')).toBeNull();
  });

  it('reads the dots of a path literally, not as any character', () => {
    expect(readMetric({ 'edges.aXb.calls': 1 }, 'edges.*.calls')).toBe(1);
    expect(readMetric({ 'edgesXa.calls': 1 }, 'edges.*.calls')).toBe(0);
  });
});

describe('metricBound', () => {
  const check = { kind: 'metric', id: 'c', label: 'c', path: 'edges.web-api.retries', op: '<=' } as const;

  it('is the number of the check, or times the number at another path in the same run', () => {
    expect(metricBound({ ...check, value: 10 }, metrics)).toBe(10);
    expect(metricBound({ ...check, value: { path: 'edges.web-api.calls', times: 0.1 } }, metrics)).toBe(20);
    expect(metricBound({ ...check, value: { path: 'edges.web-api.none', times: 1 } }, metrics)).toBeNull();
  });
});

describe('metricPathIds', () => {
  it('lists every prefix that could be the id, since ids may hold dots', () => {
    expect(metricPathIds('edges.a.b.calls')).toEqual([{ list: 'edges', ids: ['a', 'a.b'] }]);
  });

  it('names no id for a * in the id place or a path outside nodes and edges', () => {
    expect(metricPathIds('nodes.*.conflicts')).toEqual([]);
    expect(metricPathIds('system.errorRate')).toEqual([]);
  });
});
