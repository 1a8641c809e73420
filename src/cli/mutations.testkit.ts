/** Test builders for the robustness property (a *.testkit.ts file: for tests only). */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { nodeKinds } from '../core';

// biome-ignore lint/suspicious/noExplicitAny: mutations work on raw JSON, whose shape is the point.
type Json = any;

const examplesDir = join(import.meta.dirname, '../../public/examples');
const fixturesDir = join(import.meta.dirname, '../../e2e/fixtures');

/** The shipped examples and the valid e2e fixtures: the documents the mutations start from. */
const seedDocuments: { name: string; document: Json }[] = [
  ...readdirSync(examplesDir)
    .filter((f) => f.endsWith('.json') && f !== 'index.json')
    .map((f) => ({ name: f, document: JSON.parse(readFileSync(join(examplesDir, f), 'utf8')) })),
  ...['every-kind.json', 'small-shop.json'].map((f) => ({
    name: f,
    document: JSON.parse(readFileSync(join(fixturesDir, f), 'utf8')),
  })),
];

/** Numbers at the edges: zero, tiny, huge, negative, not integers, past the safe range. */
const extremeNumber = fc.constantFrom(
  0,
  -0,
  -1,
  1,
  1e-300,
  5e-324,
  1e-6,
  0.5,
  1.5,
  1e6,
  1e9,
  1e15,
  2 ** 53,
  1e308,
  -1e308,
  Number.MAX_VALUE,
);
/** Values that are not numbers but look like them, or nothing at all. */
const notANumber = fc.constantFrom('NaN', 'Infinity', '1e999', '-Infinity', '', null, true, [], {});
/** What a numeric field is replaced with. */
const numberValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: extremeNumber },
  { weight: 2, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
  { weight: 1, arbitrary: notANumber },
);

/** Durations that stall, overflow or barely exist. */
const extremeDistribution = fc.constantFrom(
  { kind: 'constant', ms: 0 },
  { kind: 'constant', ms: 1e-9 },
  { kind: 'constant', ms: 86_400_000 },
  { kind: 'uniform', minMs: 0, maxMs: 0 },
  { kind: 'normal', meanMs: 0, stdDevMs: 0 },
  { kind: 'normal', meanMs: 0, stdDevMs: 86_400_000 },
  { kind: 'exponential', meanMs: 1e-300 },
  { kind: 'lognormal', meanMs: 1e-3, stdDevMs: 1 },
  { kind: 'lognormal', meanMs: 86_400_000, stdDevMs: 86_400_000 },
  { kind: 'lognormal', meanMs: 1e-300, stdDevMs: 1e-297 },
);

/** Every path to a leaf or an object in a JSON value, as key lists. */
function paths(value: Json, prefix: (string | number)[] = [], out: (string | number)[][] = []) {
  out.push(prefix);
  if (value !== null && typeof value === 'object') {
    for (const key of Object.keys(value))
      paths(value[key], [...prefix, Array.isArray(value) ? Number(key) : key], out);
  }
  return out;
}

function at(value: Json, path: readonly (string | number)[]): Json {
  return path.reduce((v, k) => (v === null || v === undefined ? undefined : v[k]), value);
}

function setAt(value: Json, path: readonly (string | number)[], next: unknown): void {
  if (path.length === 0) return;
  const parent = at(value, path.slice(0, -1));
  if (parent !== null && typeof parent === 'object') parent[path[path.length - 1]!] = next;
}

function deleteAt(value: Json, path: readonly (string | number)[]): void {
  if (path.length === 0) return;
  const parent = at(value, path.slice(0, -1));
  const key = path[path.length - 1]!;
  if (Array.isArray(parent) && typeof key === 'number') parent.splice(key, 1);
  else if (parent !== null && typeof parent === 'object') delete parent[key];
}

/** One change to a document: applied in place, drawing what it needs from `pick`. */
type Mutation = (doc: Json, pick: (n: number) => number) => void;

const oneOf = <T = Json>(list: readonly T[], pick: (n: number) => number): T => list[pick(list.length)]!;
const nodeIds = (doc: Json): string[] => (Array.isArray(doc.nodes) ? doc.nodes.map((n: Json) => n?.id) : []);

const faultKinds = [
  'killInstance',
  'restartInstance',
  'addLatency',
  'errorRate',
  'partition',
  'configChange',
  'linkFaults',
  'busFaults',
  'clockSkew',
  'grayFailure',
  'slowDisk',
];

/** The mutations, each a way real input goes wrong. */
const mutations = (numbers: unknown[], distributions: unknown[]): Mutation[] => [
  // A number pushed to an edge.
  (doc, pick) => {
    const leaves = paths(doc).filter((p) => typeof at(doc, p) === 'number');
    if (leaves.length > 0) setAt(doc, oneOf(leaves, pick), oneOf(numbers, pick));
  },
  // A number scaled by orders of magnitude: often still valid, so the run meets it.
  (doc, pick) => {
    const leaves = paths(doc).filter((p) => typeof at(doc, p) === 'number');
    if (leaves.length === 0) return;
    const path = oneOf(leaves, pick);
    const scaled = at(doc, path) * oneOf([0, 1e-6, 1e-3, 0.5, 2, 1000, 1e6], pick);
    setAt(doc, path, Number.isInteger(at(doc, path)) ? Math.round(scaled) : scaled);
  },
  // A field removed.
  (doc, pick) => {
    const all = paths(doc).filter((p) => p.length > 0);
    if (all.length > 0) deleteAt(doc, oneOf(all, pick));
  },
  // A node turned into another kind, keeping or dropping its config.
  (doc, pick) => {
    const node: Json = Array.isArray(doc.nodes) && doc.nodes.length > 0 ? oneOf<Json>(doc.nodes, pick) : null;
    if (!node) return;
    node.kind = oneOf(nodeKinds, pick);
    if (pick(2) === 0) node.config = {};
  },
  // A fault at a random early time on a random node.
  (doc, pick) => {
    const ids = nodeIds(doc);
    if (ids.length === 0) return;
    doc.scenario ??= {};
    doc.scenario.faults ??= [];
    const kind = oneOf(faultKinds, pick);
    const fault: Json = { kind, atSec: pick(5), nodeId: oneOf(ids, pick) };
    if (kind === 'addLatency') fault.latencyMs = oneOf(numbers, pick);
    if (kind === 'errorRate') fault.errorRate = pick(2);
    if (kind === 'partition')
      Object.assign(fault, { a: oneOf(ids, pick), b: oneOf(ids, pick), nodeId: undefined });
    if (kind === 'configChange')
      Object.assign(fault, {
        service: oneOf(ids, pick),
        key: oneOf(['timeoutMs', 'routes', 'weights.0', 'errorRate', 'maxRetries', 'rateLimit.burst'], pick),
        value: oneOf(['0', '[]', '{', -1, 1e308, true], pick),
      });
    if (kind === 'linkFaults' || kind === 'busFaults') {
      for (const rate of ['lossRate', 'duplicateRate', 'reorderRate']) fault[rate] = oneOf([0, 0.5, 1], pick);
      if (kind === 'linkFaults')
        Object.assign(fault, { edgeId: oneOf<Json>(doc.edges ?? [{}], pick)?.id, nodeId: undefined });
    }
    if (kind === 'clockSkew') fault.skewMs = oneOf([-86_400_000, -1, 0, 1e-9, 86_400_000], pick);
    if (kind === 'grayFailure') Object.assign(fault, { share: oneOf([0, 0.5, 1], pick), factor: 1000 });
    if (kind === 'slowDisk') fault.factor = oneOf([1, 1000], pick);
    if (kind === 'killInstance' || kind === 'restartInstance' || kind === 'grayFailure')
      fault.instance = pick(3);
    if (pick(2) === 0 && kind !== 'killInstance' && kind !== 'restartInstance') fault.durationSec = pick(3);
    doc.scenario.faults.push(fault);
  },
  // A duration replaced by one that stalls or overflows.
  (doc, pick) => {
    const dists = paths(doc).filter((p) => {
      const v = at(doc, p);
      return (
        v !== null &&
        typeof v === 'object' &&
        typeof v.kind === 'string' &&
        ('ms' in v || 'meanMs' in v || 'maxMs' in v)
      );
    });
    if (dists.length > 0) setAt(doc, oneOf(dists, pick), structuredClone(oneOf(distributions, pick)));
  },
  // An edge pointed somewhere else, or reversed.
  (doc, pick) => {
    const edge: Json = Array.isArray(doc.edges) && doc.edges.length > 0 ? oneOf<Json>(doc.edges, pick) : null;
    if (!edge) return;
    if (pick(2) === 0) [edge.source, edge.target] = [edge.target, edge.source];
    else edge.target = oneOf(nodeIds(doc), pick);
  },
  // A short run, so a change early in the timeline is reached.
  (doc, pick) => {
    doc.scenario ??= {};
    doc.scenario.durationSec = oneOf([0.001, 0.5, 3, 20], pick);
  },
];

/** A document from the seeds with one to five mutations applied. */
export const mutatedDocument: fc.Arbitrary<{ seed: string; text: string }> = fc
  .record({
    seed: fc.nat(seedDocuments.length - 1),
    numbers: fc.array(numberValue, { minLength: 4, maxLength: 4 }),
    distributions: fc.array(extremeDistribution, { minLength: 2, maxLength: 2 }),
    steps: fc.array(fc.tuple(fc.nat(), fc.array(fc.nat(), { minLength: 8, maxLength: 8 })), {
      minLength: 1,
      maxLength: 5,
    }),
  })
  .map(({ seed, numbers, distributions, steps }) => {
    const source = seedDocuments[seed]!;
    const doc = structuredClone(source.document);
    const all = mutations(numbers, distributions);
    for (const [which, draws] of steps) {
      let k = 0;
      const pick = (n: number) => (n <= 0 ? 0 : draws[k++ % draws.length]! % n);
      all[which % all.length]!(doc, pick);
    }
    return { seed: source.name, text: JSON.stringify(doc) };
  });
