import { describe, expect, it } from 'vitest';
import { buildDocument, constant } from '../run/run.testkit';
import { capacityBracket, nextCapacityRate } from './capacity';
import { structureDiff } from './compare';
import type { RunSummary } from './coreApi';
import { plannedTasks, sweepDocuments } from './experiment';
import { metricPaths } from './metricPaths';
import { inShard, parseShard } from './shards';
import { applyValues, parseVary } from './varyPath';

const doc = buildDocument({
  nodes: [
    { id: 'web', kind: 'client', config: { workload: { kind: 'open', arrival: 'poisson', ratePerSec: 10 } } },
    { id: 'svc.v2', kind: 'service', config: { instances: 2 } },
    { id: 'svc', kind: 'service' },
  ],
  edges: [
    { source: 'web', target: 'svc.v2', config: { latencyMs: constant(1) } },
    { source: 'svc.v2', target: 'svc' },
  ],
  scenario: { faults: [{ kind: 'addLatency', atSec: 1, nodeId: 'svc', latencyMs: 5 }] },
});

describe('--vary', () => {
  it('parses lists (numbers, booleans, text) and ranges with both ends and tidy steps', () => {
    expect(parseVary('a.b=1,2.5,true,x')).toEqual({ path: 'a.b', values: [1, 2.5, true, 'x'] });
    expect(parseVary('p=0.1:0.3:3')).toEqual({ path: 'p', values: [0.1, 0.2, 0.3] });
    expect(parseVary('p=10:0:3')).toEqual({ path: 'p', values: [10, 5, 0] });
    expect(parseVary('nothing')).toEqual({ error: expect.stringContaining('expected <path>=') });
    expect(parseVary('p=1,,2')).toEqual({ error: '--vary p: empty value in "1,,2"' });
  });

  it('addresses nodes by the longest matching id, edges by id, scenario fields and list entries', () => {
    const r = applyValues(doc, [
      ['nodes.svc.v2.config.instances', 5],
      ['nodes.svc.config.instances', 3],
      ['edges.web-svc.v2.config.timeoutMs', 250],
      ['scenario.faults.0.latencyMs', 40],
      ['scenario.durationSec', 30],
    ]);
    if (!r.ok) throw new Error(r.errors.join('\n'));
    const node = (id: string) => r.document.nodes.find((n) => n.id === id)!;
    expect((node('svc.v2').config as { instances: number }).instances).toBe(5);
    expect((node('svc').config as { instances: number }).instances).toBe(3);
    expect(r.document.edges[0]!.config.timeoutMs).toBe(250);
    expect(r.document.scenario.faults[0]).toMatchObject({ latencyMs: 40 });
    expect(r.document.scenario.durationSec).toBe(30);
    // The original is untouched.
    expect((doc.nodes[1]!.config as { instances: number }).instances).toBe(2);
  });

  it('says which part of a path names nothing, and refuses objects', () => {
    const problem = (path: string) => {
      const r = applyValues(doc, [[path, 1]]);
      return r.ok ? null : r.errors[0];
    };
    expect(problem('nodes.svc.v2')).toBe('nodes.svc.v2: names a whole node, not a field of it');
    expect(problem('edges.nope.config.timeoutMs')).toBe(
      'edges.nope.config.timeoutMs: no edge with an id that starts "nope.config.timeoutMs"',
    );
    expect(problem('scenario.faults.3.latencyMs')).toBe(
      'scenario.faults.3.latencyMs: scenario.faults has no field "3"',
    );
    expect(problem('nodes.svc.config')).toBe(
      'nodes.svc.config: names an object or a list, not a single value',
    );
    expect(problem('scenario.seeed')).toBe('scenario.seeed: scenario has no field "seeed"');
    expect(problem('nam')).toBe('nam: the document has no field "nam"');
    expect(problem('nodes.svc.config.instances.x')).toBe(
      'nodes.svc.config.instances.x: nodes.svc.config.instances has no field "x"',
    );
  });

  it('plans a sweep as the grid of values, first parameter slowest, N replications each with seeds S..S+N-1', () => {
    const params = [
      { path: 'nodes.svc.config.instances', values: [1, 2] },
      { path: 'scenario.durationSec', values: [5, 6, 7] },
    ];
    const docs = sweepDocuments(doc, params);
    if (!docs.ok) throw new Error(docs.errors.join('\n'));
    expect(
      docs.documents.map(
        (d) => `${(d.nodes[2]!.config as { instances: number }).instances}/${d.scenario.durationSec}`,
      ),
    ).toEqual(['1/5', '1/6', '1/7', '2/5', '2/6', '2/7']);
    const header = {
      command: 'sweep' as const,
      documentHash: '',
      seed: 4294967295,
      replications: 2,
      parameters: params,
      metrics: [],
      slos: [],
      taskCount: 12,
    };
    const tasks = plannedTasks(docs.documents, header);
    expect(tasks.map((t) => t.index)).toEqual([...Array(12).keys()]);
    expect(tasks.slice(0, 2).map((t) => t.seed)).toEqual([4294967295, 0]);
    expect(tasks[3]!.document).toBe(docs.documents[1]);
  });
});

describe('shards', () => {
  it('parses i/n and refuses the rest', () => {
    expect(parseShard('2/3')).toEqual({ index: 2, count: 3 });
    for (const bad of ['0/3', '4/3', '1/0', 'a/b', '1', '1/2/3'])
      expect(parseShard(bad)).toHaveProperty('error');
  });

  it('deals every task to exactly one shard', () => {
    for (let k = 0; k < 50; k++) {
      const owners = [1, 2, 3, 4].filter((index) => inShard(k, { index, count: 4 }));
      expect(owners).toHaveLength(1);
    }
  });
});

describe('capacity search', () => {
  /** Plays a search against a system whose SLOs hold up to `limit`. */
  function play(start: number, limit: number, tolerance = 0.01) {
    const steps: { ratePerSec: number; ok: boolean }[] = [];
    for (
      let rate = nextCapacityRate(start, steps, { tolerance, maxRatePerSec: 1e6, minRatePerSec: 1e-3 });
      rate !== null;
    ) {
      steps.push({ ratePerSec: rate, ok: rate <= limit });
      rate = nextCapacityRate(start, steps, { tolerance, maxRatePerSec: 1e6, minRatePerSec: 1e-3 });
    }
    return steps;
  }

  it('brackets upwards by doubling, then bisects to within the tolerance', () => {
    const steps = play(10, 123);
    expect(steps.slice(0, 5).map((s) => s.ratePerSec)).toEqual([10, 20, 40, 80, 160]);
    const { pass, fail } = capacityBracket(steps);
    expect(pass!).toBeLessThanOrEqual(123);
    expect(fail!).toBeGreaterThan(123);
    expect((fail! - pass!) / pass!).toBeLessThanOrEqual(0.01);
  });

  it('brackets downwards by halving when the start already fails', () => {
    const steps = play(1000, 70);
    expect(steps.slice(0, 5).map((s) => s.ratePerSec)).toEqual([1000, 500, 250, 125, 62.5]);
    expect(capacityBracket(steps).pass!).toBeGreaterThan(70 * 0.99);
  });

  it('stops when the SLOs hold at any rate or fail at every rate', () => {
    expect(capacityBracket(play(1, Number.POSITIVE_INFINITY)).fail).toBeNull();
    expect(capacityBracket(play(1, 0)).pass).toBeNull();
  });

  it('takes the highest pass below the lowest failure when noise makes verdicts non-monotonic', () => {
    const steps = [
      { ratePerSec: 100, ok: true },
      { ratePerSec: 200, ok: false },
      { ratePerSec: 150, ok: false },
      { ratePerSec: 175, ok: true },
      { ratePerSec: 125, ok: true },
    ];
    expect(capacityBracket(steps)).toEqual({ pass: 125, fail: 150 });
  });
});

describe('structure diff', () => {
  it('ignores positions, labels and the seed; names added, removed and changed nodes and edges', () => {
    const moved = structuredClone(doc);
    moved.nodes[0]!.position = { x: 999, y: 1 };
    moved.nodes[0]!.label = 'renamed';
    moved.scenario.seed = 99;
    expect(structureDiff(doc, moved)).toEqual({ added: [], removed: [], changed: [] });
    const other = structuredClone(doc);
    other.nodes = other.nodes.filter((n) => n.id !== 'svc');
    other.edges = other.edges.filter((e) => e.target !== 'svc');
    (other.nodes[1]!.config as { instances: number }).instances = 9;
    other.scenario.durationSec = 5;
    expect(structureDiff(doc, other)).toEqual({
      added: [],
      removed: ['nodes.svc', 'edges.svc.v2-svc'],
      changed: ['nodes.svc.v2', 'scenario'],
    });
    expect(structureDiff(other, doc).added).toEqual(['nodes.svc', 'edges.svc.v2-svc']);
  });
});

describe('metric paths', () => {
  it('lists the summary numbers by dotted path, leaving out settings, lists, text and sparse failure maps', () => {
    const summary = {
      seed: 1,
      durationSec: 60,
      simulatedSec: 60,
      warmupSec: 0,
      events: 10,
      requests: { total: 5, ok: 4, failed: 1, inFlight: 0 },
      nodes: { 'a.b': { kind: 'service', latencyMs: { p99: 3 }, history: [{ atMs: 1 }] } },
      edges: { e: { breaker: { state: 'OPEN', rejected: 2 } } },
      failures: { byCause: { timeout: 1, queueFull: 0 }, byNode: { a: { timeout: 1 } }, byEdge: {} },
      invariants: { ok: true, violations: [] },
    } as unknown as RunSummary;
    expect(metricPaths(summary)).toEqual({
      events: 10,
      'requests.total': 5,
      'requests.ok': 4,
      'requests.failed': 1,
      'requests.inFlight': 0,
      'nodes.a.b.latencyMs.p99': 3,
      'edges.e.breaker.rejected': 2,
      'failures.byCause.timeout': 1,
      'failures.byCause.queueFull': 0,
    });
  });
});
