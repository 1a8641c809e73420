import { describe, expect, it } from 'vitest';
import { sampleDocument } from '../model/sampleDocument.testkit';
import { validateDocument } from '../model/validate';
import { client, edge, makeDoc, node } from './analysis.testkit';
import { analyzeDocument } from './index';
import { compareFindings } from './rules';

function sample() {
  const r = validateDocument(sampleDocument());
  if (!r.ok) throw new Error('sample document is invalid');
  return r.document;
}

describe('analyzeDocument', () => {
  it('recognises every style the sample document wires up', () => {
    expect(analyzeDocument(sample()).style.map((s) => s.style)).toEqual([
      'microservices',
      'serviceMesh',
      'eventDriven',
      'cqrsEventSourcing',
      'distributedLogging',
    ]);
  });

  it('detects the sample patterns with the edges involved', () => {
    const patterns = analyzeDocument(sample()).patterns;
    const breaker = patterns.find((p) => p.pattern === 'circuitBreaker');
    expect(breaker?.edgeIds).toEqual(['orders-payments']);
    expect(patterns.map((p) => p.pattern)).toEqual(
      expect.arrayContaining([
        'apiGateway',
        'serviceDiscovery',
        'externalizedConfig',
        'pubSub',
        'eventSourcing',
        'cqrsReadModel',
      ]),
    );
  });

  it('describes a gateway from its routes, rate limit and auth', () => {
    const doc = makeDoc(
      [
        client('c', 10, 'GET', '/orders'),
        node('gw', 'gateway', {
          routes: [
            { pathPrefix: '/orders', target: 'order-service' },
            { pathPrefix: '/users', target: 'user-service' },
          ],
          rateLimit: { ratePerSec: 200, burst: 50 },
          auth: { requiredHeader: 'Authorization' },
        }),
        { ...node('order-service', 'service'), label: 'order-service' },
        { ...node('user-service', 'service'), label: 'user-service' },
      ],
      [edge('c', 'gw'), edge('gw', 'order-service'), edge('gw', 'user-service')],
    );
    const gw = analyzeDocument(doc).components.find((c) => c.nodeId === 'gw');
    expect(gw?.responsibilities).toContain(
      'Routes /orders to order-service and /users to user-service; rate-limits to 200 req/s (burst 50); requires the Authorization header',
    );
  });

  it('names the per-try timeout of a retrying edge, and only when it has one', () => {
    const retry = { maxRetries: 2, retryOn: ['timeout'] };
    const doc = makeDoc(
      [node('a', 'service'), node('b', 'service'), node('c', 'service')],
      [edge('a', 'b', { retry: { ...retry, perTryTimeoutMs: 150 } }), edge('a', 'c', { retry })],
    );
    const detail = analyzeDocument(doc).patterns.find((p) => p.pattern === 'retryBackoff')?.detail ?? '';
    expect(detail).toContain('a -> b retries 2x on timeout (jittered 25-250 ms, 150 ms per try)');
    expect(detail).toContain('a -> c retries 2x on timeout (jittered 25-250 ms)');
  });

  it('recognises a saga when order, payment and inventory services have domains', () => {
    const doc = makeDoc([
      node('o', 'service', { domain: 'order' }),
      node('p', 'service', { domain: 'payment' }),
      node('i', 'service', { domain: 'inventory' }),
    ]);
    expect(analyzeDocument(doc).patterns.find((p) => p.pattern === 'saga')?.nodeIds).toEqual(['o', 'p', 'i']);
  });

  it('sorts findings by severity then id, and is deterministic and JSON-safe', () => {
    const a = analyzeDocument(sample());
    expect([...a.findings].sort(compareFindings)).toEqual(a.findings);
    const json = JSON.stringify(a);
    expect(JSON.stringify(analyzeDocument(sample()))).toBe(json);
    expect(JSON.parse(json)).toEqual(a);
  });
});
