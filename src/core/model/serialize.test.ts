import fc from 'fast-check';
import { describe, it } from 'vitest';
import { connectionRule } from './connections';
import type { DocumentInput } from './schema';
import { type NodeKind, nodeKinds } from './schema';
import { parseDocument, serializeDocument, validateDocument } from './validate';

const finite = (min: number, max: number) => fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
// 'binary' draws any code point, lone surrogates and U+2028 included; 30 of them fit every length cap.
const text = fc.string({ unit: 'binary', maxLength: 30 });

const distribution = fc.oneof(
  fc.record({ kind: fc.constant('constant' as const), ms: finite(0, 1e4) }),
  fc.record({ kind: fc.constant('exponential' as const), meanMs: finite(0.001, 1e4) }),
  fc.record({ kind: fc.constant('normal' as const), meanMs: finite(0, 1e4), stdDevMs: finite(0, 1e3) }),
  fc.record({
    kind: fc.constant('lognormal' as const),
    meanMs: finite(0.001, 1e4),
    stdDevMs: finite(0, 1e3),
  }),
  fc
    .tuple(finite(0, 1e4), finite(0, 1e4))
    .map(([a, b]) => ({ kind: 'uniform' as const, minMs: Math.min(a, b), maxMs: Math.max(a, b) })),
);

/** Config fields that vary per kind; everything not generated is left to the schema's defaults. */
function configFor(kind: NodeKind): fc.Arbitrary<Record<string, unknown>> {
  switch (kind) {
    case 'service':
      return fc.record(
        {
          instances: fc.integer({ min: 1, max: 1000 }),
          concurrency: fc.integer({ min: 1, max: 64 }),
          queueCapacity: fc.nat(1000),
          errorRate: finite(0, 1),
          serviceTimeMs: distribution,
          version: text,
        },
        { requiredKeys: [] },
      );
    case 'client':
      return fc.record(
        {
          workload: fc.oneof(
            fc.record({ kind: fc.constant('open'), ratePerSec: finite(0, 1e5) }),
            fc.record({ kind: fc.constant('closed'), users: fc.nat(1000), thinkTimeMs: distribution }),
          ),
          requestMix: fc.array(
            fc.record({
              weight: finite(0, 10),
              path: text.map((s) => `/${s}`),
              headers: fc.dictionary(
                fc
                  .string({ minLength: 1, maxLength: 8 })
                  .filter((k) => !['__proto__', 'constructor', 'prototype'].includes(k)),
                text,
                { maxKeys: 3 },
              ),
            }),
            { minLength: 1, maxLength: 3 },
          ),
        },
        { requiredKeys: [] },
      );
    case 'registry':
      return fc.record(
        { heartbeatIntervalMs: finite(1, 1e5), leaseMs: finite(1, 1e6) },
        { requiredKeys: [] },
      );
    case 'eventBus':
      return fc.record(
        {
          topics: fc.array(
            fc.record({
              name: fc.string({ minLength: 1, maxLength: 10 }),
              partitions: fc.integer({ min: 1, max: 64 }),
            }),
            { maxLength: 3 },
          ),
        },
        { requiredKeys: [] },
      );
    default:
      return fc.constant({});
  }
}

const node = (i: number) =>
  fc.constantFrom(...nodeKinds).chain((kind) =>
    fc.record({
      id: fc.constant(`n${i}`),
      kind: fc.constant(kind),
      label: text,
      position: fc.record({ x: finite(-1e6, 1e6), y: finite(-1e6, 1e6) }),
      config: configFor(kind),
    }),
  );

const edgeConfig = fc.record(
  {
    latencyMs: distribution,
    timeoutMs: finite(0, 1e5),
    retry: fc.record({ maxRetries: fc.nat(10), baseBackoffMs: finite(0, 100) }, { requiredKeys: [] }),
    fallback: fc.oneof(
      fc.constant({ kind: 'fail' }),
      fc.record({ kind: fc.constant('static'), status: fc.integer({ min: 200, max: 599 }) }),
    ),
  },
  { requiredKeys: [] },
);

/** Valid documents: edges drawn only between pairs the connection rules allow, with the implied kind. */
const documentArb: fc.Arbitrary<DocumentInput> = fc
  .integer({ min: 1, max: 8 })
  .chain((count) => fc.tuple(...Array.from({ length: count }, (_, i) => node(i))))
  .chain((nodes) => {
    const pairs = nodes.flatMap((s) =>
      nodes.flatMap((t) => {
        const rule = connectionRule(s.kind, t.kind);
        return s.id !== t.id && rule.ok ? [{ source: s.id, target: t.id, kind: rule.kind }] : [];
      }),
    );
    const edges =
      pairs.length === 0
        ? fc.constant([])
        : fc.uniqueArray(fc.constantFrom(...pairs), {
            maxLength: 10,
            selector: (p) => `${p.source}>${p.target}`,
          });
    return fc.record({
      format: fc.constant('archplay' as const),
      version: fc.constant(2 as const),
      name: text,
      nodes: fc.constant(nodes),
      edges: edges.chain((list) =>
        fc.tuple(...list.map((e, i) => edgeConfig.map((config) => ({ id: `e${i}`, ...e, config })))),
      ),
      scenario: fc
        .tuple(finite(1, 86_400), fc.nat(0xffffffff), finite(0, 0.99))
        .map(([durationSec, seed, warm]) => ({ durationSec, seed, warmupSec: durationSec * warm })),
    }) as fc.Arbitrary<DocumentInput>;
  });

describe('serializeDocument round trip (property)', () => {
  it('generated documents are valid', () => {
    fc.assert(
      fc.property(documentArb, (doc) => {
        const result = validateDocument(doc);
        if (!result.ok) throw new Error(JSON.stringify(result.errors));
      }),
      { numRuns: 200 },
    );
  });

  it('export -> import -> export is byte-identical', () => {
    fc.assert(
      fc.property(documentArb, (doc) => {
        const first = validateDocument(doc);
        if (!first.ok) return false;
        const exported = serializeDocument(first.document);
        const imported = parseDocument(exported);
        return imported.ok && serializeDocument(imported.document) === exported;
      }),
      { numRuns: 200 },
    );
  });

  it('the export does not depend on the order of fixed fields in the input', () => {
    // Records (headers, config keys) are user data and keep their order; fixed fields follow the schema.
    const records = new Set(['headers', 'keys']);
    const reversed = (value: unknown, keepOrder = false): unknown => {
      if (Array.isArray(value)) return value.map((v) => reversed(v));
      if (value === null || typeof value !== 'object') return value;
      const entries = Object.entries(value).map(([k, v]) => [k, reversed(v, records.has(k))] as const);
      return Object.fromEntries(keepOrder ? entries : entries.reverse());
    };
    fc.assert(
      fc.property(documentArb, (doc) => {
        const a = validateDocument(doc);
        const b = validateDocument(reversed(doc));
        return a.ok && b.ok && serializeDocument(a.document) === serializeDocument(b.document);
      }),
      { numRuns: 100 },
    );
  });
});
