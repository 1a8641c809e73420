import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importK8s } from './import';

/** A hand-written Bookinfo-style manifest, as a cluster holds it: no archplay annotations or ConfigMaps. */
const BOOKINFO = `
apiVersion: apps/v1
kind: Deployment
metadata: { name: reviews-v1 }
spec:
  replicas: 3
  selector: { matchLabels: { app: reviews, version: v1 } }
  template:
    metadata: { labels: { app: reviews, version: v1, sidecar.istio.io/inject: "true" } }
    spec: { containers: [{ name: reviews, image: reviews:v1 }] }
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: reviews-v2 }
spec:
  selector: { matchLabels: { app: reviews-v2 } }
  template:
    metadata: { labels: { app: reviews-v2, version: v2 } }
    spec: { containers: [{ name: reviews, image: reviews:v2 }] }
---
apiVersion: v1
kind: Service
metadata: { name: reviews }
spec: { selector: { app: reviews }, ports: [{ port: 9080 }] }
---
apiVersion: networking.istio.io/v1beta1
kind: VirtualService
metadata: { name: reviews }
spec:
  hosts: [reviews.default.svc.cluster.local]
  http:
    - match: [{ headers: { end-user: { exact: jason } } }]
      route: [{ destination: { host: reviews-v2 } }]
    - route:
        - { destination: { host: reviews, subset: v1 }, weight: 80 }
        - { destination: { host: reviews-v2 }, weight: 20 }
      retries: { attempts: 3, perTryTimeout: 2s, retryOn: "gateway-error,connect-failure,retriable-4xx" }
      timeout: 10s
---
apiVersion: networking.istio.io/v1beta1
kind: DestinationRule
metadata: { name: reviews }
spec:
  host: reviews
  trafficPolicy:
    loadBalancer: { simple: LEAST_CONN }
    outlierDetection: { consecutive5xxErrors: 7, interval: 5m, baseEjectionTime: 15m }
---
apiVersion: security.istio.io/v1beta1
kind: AuthorizationPolicy
metadata: { name: reviews-viewer }
spec:
  selector: { matchLabels: { app: reviews } }
  action: ALLOW
  rules:
    - from: [{ source: { principals: ["cluster.local/ns/default/sa/productpage"] } }]
      to: [{ operation: { methods: [GET] } }]
---
apiVersion: v1
kind: Secret
metadata: { name: token }
`;

describe('Kubernetes import of a real cluster manifest', () => {
  it('reads services, the sidecar routes, retries, timeouts, balancing, outliers and policies', () => {
    const result = importK8s(BOOKINFO);
    if (!result.ok) throw new Error(result.errors.join('\n'));
    const { document } = result;
    const byId = new Map(document.nodes.map((n) => [n.id, n]));
    const v1 = byId.get('reviews-v1');
    expect(v1?.kind === 'service' && v1.config.instances).toBe(3);
    const proxy = byId.get('reviews-v1-sidecar');
    if (proxy?.kind !== 'proxy') throw new Error('no sidecar');
    expect(proxy.config.attachedTo).toBe('reviews-v1');
    expect(proxy.config.routes.map((r) => r.destinations)).toEqual([
      [{ target: 'reviews-v2', weight: 100 }],
      [
        { target: 'reviews-v1', weight: 80 },
        { target: 'reviews-v2', weight: 20 },
      ],
    ]);
    expect(proxy.config.routes[0]!.match.headers).toEqual({ 'end-user': { kind: 'exact', value: 'jason' } });
    expect(proxy.config.outlierDetection).toMatchObject({
      enabled: true,
      consecutive5xx: 7,
      baseEjectionTimeMs: 900_000,
    });
    expect(proxy.config.policies).toEqual([
      { name: 'reviews-viewer', action: 'ALLOW', principals: ['productpage'], paths: [], methods: ['GET'] },
    ]);
    const toV1 = document.edges.find((e) => e.source === proxy.id && e.target === 'reviews-v1')!;
    expect(toV1.config.retry).toMatchObject({
      maxRetries: 3,
      retryOn: ['5xx', 'connect'],
      perTryTimeoutMs: 2000,
    });
    expect(toV1.config.timeoutMs).toBe(10_000);
    expect(toV1.config.loadBalancer.policy).toBe('leastRequest');
    // The first route (the only one leading to v2) has no retries: Istio's default policy, reported.
    const toV2 = document.edges.find((e) => e.source === proxy.id && e.target === 'reviews-v2')!;
    expect(toV2.config.retry.maxRetries).toBe(2);
    expect(result.assumed.join('\n')).toMatch(/Istio's default applies/);
    expect(result.assumed.join('\n')).toMatch(/reviews-v2.*no replicas/);
    expect(result.ignored.join('\n')).toMatch(/retriable-4xx/);
    expect(result.ignored.join('\n')).toMatch(/interval/);
    expect(result.ignored.join('\n')).toMatch(/v1 Secret is not read/);
  });

  it('adds a client calling the entry points, since Kubernetes does not record traffic', () => {
    const result = importK8s(BOOKINFO);
    if (!result.ok) throw new Error(result.errors.join('\n'));
    const client = result.document.nodes.find((n) => n.kind === 'client')!;
    expect(result.document.edges.filter((e) => e.source === client.id).map((e) => e.target)).toEqual([
      'reviews-v1-sidecar',
    ]);
    expect(result.assumed.join('\n')).toMatch(/who calls whom/);
    expect(new Set(result.document.nodes.map((n) => `${n.position.x},${n.position.y}`)).size).toBe(
      result.document.nodes.length,
    );
  });

  it('refuses YAML syntax errors and empty input with a message naming the document', () => {
    const broken = importK8s('apiVersion: v1\nkind: Service\nmetadata: { name: a\n');
    expect(broken.ok).toBe(false);
    if (!broken.ok) expect(broken.errors[0]).toMatch(/^document 1: /);
    const empty = importK8s('');
    expect(empty.ok).toBe(false);
  });

  it('never throws, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        const result = importK8s(text);
        expect(typeof result.ok).toBe('boolean');
      }),
      { numRuns: 300 },
    );
    const mangled = BOOKINFO.replace(/replicas: 3/, 'replicas: many').replace('weight: 80', 'weight: [1]');
    expect(() => importK8s(mangled)).not.toThrow();
  });
});
