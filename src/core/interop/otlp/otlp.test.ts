import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRun } from '../../run/createRun';
import { example } from '../testkit';
import { runTraced } from './collect';
import { exportOtlp, SPAN_KIND, tracesToOtlp } from './export';
import { coveredMs, fitLognormal } from './fit';
import { importOtlp } from './import';

interface Span {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  kind: number;
  startTimeUnixNano: string;
  endTimeUnixNano: string;
  status?: { code: number };
  attributes: { key: string; value: Record<string, unknown> }[];
}

function spansOf(text: string): { service: string; span: Span }[] {
  const otlp = JSON.parse(text) as {
    resourceSpans: {
      resource: { attributes: { key: string; value: { stringValue: string } }[] };
      scopeSpans: { spans: Span[] }[];
    }[];
  };
  return otlp.resourceSpans.flatMap((r) => {
    const service = r.resource.attributes.find((a) => a.key === 'service.name')!.value.stringValue;
    return r.scopeSpans.flatMap((s) => s.spans.map((span) => ({ service, span })));
  });
}

describe('OTLP export', () => {
  const doc = example('ecommerce');
  const text = exportOtlp(doc, { sampleEvery: 20, durationSec: 20 }).files[0]!.text;
  const spans = spansOf(text);

  it('writes resourceSpans with service.name per node and spans with hex ids, parents, times and statuses', () => {
    const services = new Set(spans.map((s) => s.service));
    for (const id of ['web', 'gateway', 'order-sidecar', 'order', 'users', 'payment'])
      expect(services.has(id)).toBe(true);
    const ids = new Set(spans.map(({ span }) => `${span.traceId}/${span.spanId}`));
    for (const { span } of spans) {
      expect(span.traceId).toMatch(/^[0-9a-f]{32}$/);
      expect(span.spanId).toMatch(/^[0-9a-f]{16}$/);
      if (span.parentSpanId !== undefined) expect(ids.has(`${span.traceId}/${span.parentSpanId}`)).toBe(true);
      expect(BigInt(span.endTimeUnixNano) >= BigInt(span.startTimeUnixNano)).toBe(true);
      expect(Object.values(SPAN_KIND)).toContain(span.kind);
    }
    const roots = spans.filter(({ span }) => span.parentSpanId === undefined);
    expect(roots.every(({ service, span }) => service === 'web' && span.kind === SPAN_KIND.internal)).toBe(
      true,
    );
    expect(roots[0]!.span.attributes).toContainEqual({ key: 'sampler.param', value: { doubleValue: 0.05 } });
    const failed = spans.filter(({ span }) => span.status?.code === 2);
    expect(failed.length).toBeGreaterThan(0);
    expect(spans.some(({ span }) => span.kind === SPAN_KIND.producer)).toBe(true);
  });

  it('is deterministic: the same document and seed give the same bytes, progress reported or not', () => {
    const progress: number[] = [];
    const again = exportOtlp(doc, {
      sampleEvery: 20,
      durationSec: 20,
      onProgress: (nowMs, durationMs) => progress.push(nowMs / durationMs),
    });
    expect(again.files[0]!.text).toBe(text);
    expect(progress.length).toBeGreaterThan(100);
    expect(progress.every((p, i) => i === 0 || p >= progress[i - 1]!)).toBe(true);
    expect(progress.at(-1)).toBe(1);
  });

  it('collects every sampled trace even when the run keeps only its newest 200', () => {
    const run = runTraced(doc, { sampleEvery: 2, durationSec: 10 });
    expect(run.lost).toBe(0);
    expect(run.traces.length).toBeGreaterThan(600);
    expect(run.traces.map((t) => t.traceId)).toEqual(run.traces.map((_, i) => i + 1));
  });
});

describe('OTLP round trip', () => {
  it('runs the design imported from an e-commerce run within 10 % of the original mean latency per service', () => {
    const doc = example('ecommerce');
    const original = runTraced(doc, { sampleEvery: 5 });
    const result = importOtlp(tracesToOtlp(doc, original.traces, doc.scenario.seed, 5));
    if (!result.ok) throw new Error(result.errors.join('\n'));
    const run = createRun(result.document, { durationSec: doc.scenario.durationSec });
    run.runToEnd();
    const imported = run.summary().nodes;
    const compared: string[] = [];
    for (const node of doc.nodes) {
      if (node.kind !== 'service' && node.kind !== 'gateway' && node.kind !== 'proxy') continue;
      const want = original.summary.nodes[node.id]!.latencyMs.mean;
      const got = imported[node.id]?.latencyMs.mean;
      if (got === undefined) continue;
      compared.push(node.id);
      expect(
        Math.abs(got / want - 1),
        `${node.id}: ${got.toFixed(2)} ms vs ${want.toFixed(2)} ms`,
      ).toBeLessThanOrEqual(0.1);
    }
    expect(compared).toEqual([
      'gateway',
      'order-sidecar',
      'order',
      'users',
      'products',
      'inventory',
      'payment',
    ]);
    // The notification service is reached only through the bus, whose deliveries are not traced.
    expect(imported.notify).toBeUndefined();
    expect(result.ignored.join('\n')).toMatch(/no consumer spans/);
  });
});

/** A small foreign trace file: a frontend (root server span) calling cart, and a database it never traced. */
function foreign(withDb: boolean[]): string {
  const byService: Record<string, unknown[]> = { frontend: [], cart: [] };
  withDb.forEach((db, i) => {
    const t = `${(i + 1).toString(16).padStart(32, '0')}`;
    const at = (ms: number) => String(BigInt(1_000_000_000_000 + i * 100) * 1_000_000n + BigInt(ms * 1e6));
    const attr = (key: string, v: string) => ({ key, value: { stringValue: v } });
    byService.frontend!.push(
      {
        traceId: t,
        spanId: 'a1'.padStart(16, '0'),
        kind: 2,
        name: 'GET /shop',
        startTimeUnixNano: at(0),
        endTimeUnixNano: at(30),
        attributes: [attr('http.request.method', 'GET'), attr('url.path', '/shop')],
      },
      {
        traceId: t,
        spanId: 'a2'.padStart(16, '0'),
        parentSpanId: 'a1'.padStart(16, '0'),
        kind: 3,
        name: 'GET /cart',
        startTimeUnixNano: at(5),
        endTimeUnixNano: at(25),
        attributes: [attr('peer.service', 'cart')],
      },
    );
    byService.cart!.push({
      traceId: t,
      spanId: 'b1'.padStart(16, '0'),
      parentSpanId: 'a2'.padStart(16, '0'),
      kind: 2,
      name: 'GET /cart',
      startTimeUnixNano: at(6),
      endTimeUnixNano: at(24),
      attributes: [],
    });
    if (db) {
      byService.cart!.push({
        traceId: t,
        spanId: 'b2'.padStart(16, '0'),
        parentSpanId: 'b1'.padStart(16, '0'),
        kind: 3,
        name: 'SELECT',
        startTimeUnixNano: at(8),
        endTimeUnixNano: at(20),
        attributes: [attr('peer.service', 'db')],
      });
    }
  });
  return JSON.stringify({
    resourceSpans: Object.entries(byService).map(([service, list]) => ({
      resource: { attributes: [{ key: 'service.name', value: { stringValue: service } }] },
      scopeSpans: [{ spans: list }],
    })),
  });
}

describe('OTLP import of foreign traces', () => {
  it('replays each call shape as a path variant, with a client at the roots and a leaf for the untraced database', () => {
    const result = importOtlp(foreign([true, true, true, false]));
    if (!result.ok) throw new Error(result.errors.join('\n'));
    const { document } = result;
    const client = document.nodes.find((n) => n.kind === 'client');
    if (client?.kind !== 'client') throw new Error('no client');
    expect(client.config.requestMix.map((r) => [r.path, r.weight])).toEqual([
      ['/shop', 3],
      ['/shop~v2', 1],
    ]);
    // Four roots 100 ms apart, every request traced: 10 requests per second.
    expect(client.config.workload.kind === 'open' && client.config.workload.ratePerSec).toBe(10);
    const cart = document.nodes.find((n) => n.id === 'cart');
    if (cart?.kind !== 'service') throw new Error('no cart');
    expect(cart.config.endpoints.map((e) => [e.path, e.steps.map((s) => s.kind)])).toEqual([
      ['/cart', ['work', 'call']],
      ['/cart~v2', ['work']],
    ]);
    // cart's self time, pooled over the endpoint's variants: 18 ms minus 12 ms in the database three times, 18 ms once.
    expect(cart.config.endpoints[0]!.steps[0]).toEqual({
      kind: 'work',
      durationMs: { kind: 'lognormal', meanMs: 9, stdDevMs: 6 },
    });
    expect(document.nodes.find((n) => n.id === 'db')?.kind).toBe('service');
    expect(result.assumed.join('\n')).toMatch(/no sampler\.param/);
    expect(result.assumed.join('\n')).toMatch(/db: called but never traced/);
  });

  it('refuses what is not OTLP JSON, naming the problem, and never throws', () => {
    expect(importOtlp('{')).toMatchObject({
      ok: false,
      errors: [expect.stringMatching(/^\(root\): not JSON/)],
    });
    expect(importOtlp('{"data": []}')).toEqual({
      ok: false,
      errors: ['resourceSpans: expected a list (OTLP/JSON traces)'],
    });
    expect(importOtlp('{"resourceSpans": []}')).toEqual({
      ok: false,
      errors: ['resourceSpans: no spans to import'],
    });
    fc.assert(
      fc.property(fc.json({ maxDepth: 6 }), (json) => {
        expect(typeof importOtlp(json).ok).toBe('boolean');
        expect(typeof importOtlp(JSON.stringify({ resourceSpans: [JSON.parse(json)] })).ok).toBe('boolean');
      }),
      { numRuns: 200 },
    );
  });
});

describe('fitting', () => {
  it('counts overlapping child time once and clips it to the parent', () => {
    expect(
      coveredMs(
        [
          [0, 10],
          [5, 15],
          [20, 30],
          [28, 40],
        ],
        2,
        35,
      ),
    ).toBe(13 + 15);
    expect(coveredMs([], 0, 10)).toBe(0);
  });

  it('fits a lognormal with the sample mean and standard deviation, a constant when they degenerate', () => {
    expect(fitLognormal([2, 4, 6])).toEqual({ kind: 'lognormal', meanMs: 4, stdDevMs: 2 });
    expect(fitLognormal([3, 3])).toEqual({ kind: 'constant', ms: 3 });
    expect(fitLognormal([])).toEqual({ kind: 'constant', ms: 0 });
  });
});
