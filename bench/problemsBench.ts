import { type ArchDocument, analyzeDocument, documentSchema, problemsOf } from '../src/core';
import { Stopwatch } from './clock';
import { median } from './stats';

export interface ProblemsResult {
  nodes: number;
  edges: number;
  problems: number;
  /** Median wall time of one analysis and problems list, in ms. */
  medianMs: number;
  maxMs: number;
  /** Median process CPU time of one rerun, in ms: the work itself, whatever else the machine runs. */
  medianCpuMs: number;
  rounds: number;
}

type Json = Record<string, unknown>;

/**
 * A 300-node design wired as the editor wires it: 10 clients, each through its gateway to 10
 * routed services that call, publish, append, query and log; 100 more services call targets and
 * subscribe; buses, event stores, read models, log routers and stores. A few links are left
 * missing so the problems list has something to say.
 */
export function problemsDocument(): ArchDocument {
  const nodes: Json[] = [];
  const edges: Json[] = [];
  const node = (id: string, kind: string, config: Json = {}) =>
    nodes.push({ id, kind, label: id, position: { x: 0, y: 0 }, config });
  const link = (source: string, target: string, kind = 'sync') =>
    edges.push({ id: `${source}-${target}`, source, target, kind });
  for (let g = 0; g < 10; g++) {
    const [bus, store, view, router, shard] = [`bus${g}`, `store${g}`, `view${g}`, `router${g}`, `shard${g}`];
    node(bus, 'eventBus', { topics: [{ name: `t${g}` }] });
    node(`bus${g}b`, 'eventBus');
    node(store, 'eventStore');
    node(`store${g}b`, 'eventStore');
    node(view, 'readModel', { source: store });
    node(`view${g}b`, 'readModel', { source: `store${g}b` });
    node(router, 'logRouter');
    node(shard, 'logStore');
    link(store, view, 'projection');
    link(router, shard, 'log');
    const routes = [];
    for (let k = 0; k < 10; k++) {
      const front = `s${g}-${k}`;
      const back = `t${g}-${k}`;
      routes.push({ pathPrefix: `/p${k}`, target: front });
      node(front, 'service', {
        endpoints: [
          {
            path: '/',
            steps: [
              { kind: 'work' },
              { kind: 'call', target: back, path: '/' },
              { kind: 'publish', target: bus, topic: `t${g}` },
              { kind: 'append', target: store, eventType: 'E' },
              { kind: 'query', target: view },
              { kind: 'log', target: router },
            ],
          },
        ],
      });
      node(back, 'service', { subscriptions: [{ bus, topic: `t${g}`, group: back }] });
      link(`gw${g}`, front);
      // Every tenth call has no link: a problem per group.
      if (k !== 9) link(front, back);
      link(front, bus, 'async');
      link(bus, back, 'async');
      link(front, store, 'eventStore');
      link(front, view, 'query');
      link(front, router, 'log');
    }
    node(`c${g}`, 'client', {
      workload: { kind: 'open', ratePerSec: 50 },
      requestMix: routes.map((r) => ({ path: r.pathPrefix })),
    });
    node(`gw${g}`, 'gateway', { routes });
    link(`c${g}`, `gw${g}`);
  }
  return documentSchema.parse({ format: 'archplay', version: 2, name: 'problems bench', nodes, edges });
}

/**
 * How long the editor's problems list takes to recompute after an edit on a 300-node design: the
 * whole static analysis (flow, rules) and the problems filter, as state/problemsStore.ts runs it.
 */
export function benchProblems(rounds = 30): ProblemsResult {
  const doc = problemsDocument();
  const problems = problemsOf(analyzeDocument(doc)).length;
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const watch = new Stopwatch();
    watch.start();
    problemsOf(analyzeDocument(doc));
    watch.stop();
    times.push(watch.wallSec * 1000);
    cpu.push(watch.cpuSec * 1000);
  }
  return {
    nodes: doc.nodes.length,
    edges: doc.edges.length,
    problems,
    medianMs: median(times),
    maxMs: Math.max(...times),
    medianCpuMs: median(cpu),
    rounds,
  };
}
