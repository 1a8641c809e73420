import { describe, expect, it } from 'vitest';
import ecommerce from '../../../public/examples/ecommerce.json';
import flow from '../../../public/examples/microservices-flow.json';
import { type ArchDocument, documentSchema } from '../model/schema';
import { createRun, type RunOptions } from './createRun';
import { buildDocument, constant } from './run.testkit';
import type { WalkthroughStepResult } from './walkthrough';

const shop = documentSchema.parse(ecommerce);

/** Steps a walkthrough until it says done (bounded so a broken cursor fails instead of hanging). */
function walk(document: ArchDocument, options: RunOptions = {}): WalkthroughStepResult[] {
  const run = createRun(document, { walkthrough: {}, ...options });
  const out: WalkthroughStepResult[] = [];
  for (let i = 0; i < 400; i++) {
    const r = run.walkthroughStep();
    out.push(r);
    if (r.done) return out;
  }
  throw new Error('the walkthrough never finished');
}

/** The shop template with its first order's headers and one node's config replaced. */
function shopVariant(headers: Record<string, string>, nodeId?: string, config?: Record<string, unknown>) {
  type Loose = { id: string; config: Record<string, unknown> };
  const raw = structuredClone(ecommerce) as unknown as { nodes: Loose[] };
  const web = raw.nodes.find((n) => n.id === 'web')!;
  (web.config.requestMix as { headers: Record<string, string> }[])[0]!.headers = headers;
  if (nodeId) {
    const node = raw.nodes.find((n) => n.id === nodeId)!;
    node.config = { ...node.config, ...config };
  }
  return documentSchema.parse(raw);
}

const requestTargets = (steps: WalkthroughStepResult[]) =>
  steps.flatMap((s) =>
    s.event?.kind === 'request' && s.event.toNodeId !== 'logs' ? [s.event.toNodeId] : [],
  );

describe('order walkthrough', () => {
  it('visits the e-commerce saga hop by hop in the saga order and ends with the client reply', () => {
    const steps = walk(shop);
    expect(requestTargets(steps)).toEqual([
      'gateway',
      'order-sidecar',
      'order',
      'users',
      'products',
      'inventory',
      'events',
      'payment',
      'events',
      'inventory',
      'events',
      'bus',
    ]);
    const last = steps.at(-1)!;
    expect(last.event).toMatchObject({ kind: 'reply', fromNodeId: 'gateway', toNodeId: 'web' });
    expect(last.event!.status).toBeGreaterThanOrEqual(200);
    expect(last.event!.status).toBeLessThan(300);
    expect(steps.slice(0, -1).every((s) => !s.done && s.event !== null)).toBe(true);
    expect(last.sagaStep).toMatchObject({ state: 'completed', failureReason: null });
    // Each saga call is named after the saga step it performs, in the order the history recorded.
    const sagaCalls = steps.flatMap((s) =>
      s.event?.kind === 'request' && s.sagaStep?.isSagaCall ? [s.sagaStep.name] : [],
    );
    expect(sagaCalls).toEqual(last.sagaStep!.history.map((t) => t.step));
  });

  it('pairs every request with one later reply on the same edge, and times never go back', () => {
    const steps = walk(shop);
    const open = new Map<number, string>();
    let t = 0;
    for (const { event } of steps) {
      expect(event!.atMs).toBeGreaterThanOrEqual(t);
      t = event!.atMs;
      if (event!.kind === 'request') open.set(event!.spanId, event!.edgeId);
      else {
        expect(open.get(event!.spanId)).toBe(event!.edgeId);
        open.delete(event!.spanId);
      }
    }
    expect(open.size).toBe(0);
    expect(steps.at(-1)!.spans.every((s) => s.endMs !== null)).toBe(true);
  });

  it('sends exactly one request from the chosen client and none from the others', () => {
    const doc = buildDocument({
      nodes: [
        { id: 'a', kind: 'client', config: { workload: { kind: 'open', ratePerSec: 200 } } },
        { id: 'b', kind: 'client', config: { workload: { kind: 'closed', users: 5 } } },
        { id: 'svc', kind: 'service', config: { serviceTimeMs: constant(3) } },
      ],
      edges: [
        { source: 'a', target: 'svc' },
        { source: 'b', target: 'svc' },
      ],
      scenario: { durationSec: 2 },
    });
    const run = createRun(doc, { walkthrough: { clientId: 'b' } });
    run.runToEnd();
    const nodes = run.summary().nodes;
    expect(nodes.a!.arrived).toBe(0);
    expect(nodes.b!.arrived).toBe(1);
    expect(nodes.svc!.arrived).toBe(1);
    expect(run.traces()).toHaveLength(1);
  });

  it('ends early on an unknown product: no stock, payment or store hop, and the client gets 404', () => {
    const steps = walk(shopVariant({ 'x-product-id': 'p999' }));
    expect(requestTargets(steps)).toEqual(['gateway', 'order-sidecar', 'order', 'users', 'products']);
    const last = steps.at(-1)!;
    expect(last.event).toMatchObject({ kind: 'reply', toNodeId: 'web', status: 404 });
    expect(last.sagaStep).toMatchObject({ state: 'failed', failureReason: 'unknownProduct' });
  });

  it('shows the compensation when payment fails after stock was reserved', () => {
    const steps = walk(shopVariant({ 'x-quantity': '1' }, 'payment', { errorRate: 1 }));
    const sagaCalls = steps.flatMap((s) =>
      s.event?.kind === 'request' && s.sagaStep?.isSagaCall ? [s.sagaStep.name] : [],
    );
    expect(sagaCalls.slice(-2)).toEqual(['releaseStock', 'failOrder']);
    expect(sagaCalls).not.toContain('commitStock');
    expect(steps.some((s) => s.sagaStep?.state === 'compensating')).toBe(true);
    const last = steps.at(-1)!;
    expect(last.event).toMatchObject({ kind: 'reply', toNodeId: 'web', status: 503 });
    expect(last.sagaStep).toMatchObject({ state: 'failed', failureReason: 'paymentUnavailable' });
  });

  it('follows any request in a diagram without the saga, with no saga data', () => {
    const steps = walk(documentSchema.parse(flow));
    expect(requestTargets(steps)[0]).toBe('gateway');
    expect(steps.every((s) => s.sagaStep === undefined)).toBe(true);
    expect(steps.at(-1)!.event).toMatchObject({ kind: 'reply', toNodeId: 'web' });
  });

  it('is deterministic: the same document and seed give the same steps', () => {
    expect(JSON.stringify(walk(shop, { seed: 7 }))).toBe(JSON.stringify(walk(shop, { seed: 7 })));
  });

  it('stays done after the last hop and reports nothing more', () => {
    const run = createRun(documentSchema.parse(flow), { walkthrough: {} });
    while (!run.walkthroughStep().done) {
      // step through
    }
    expect(run.walkthroughStep()).toMatchObject({ done: true, event: null, events: 0 });
  });

  it('is over at once when the document has no client to follow', () => {
    const doc = buildDocument({ nodes: [{ id: 'svc', kind: 'service' }] });
    expect(createRun(doc, { walkthrough: {} }).walkthroughStep()).toMatchObject({ done: true, event: null });
  });
});
