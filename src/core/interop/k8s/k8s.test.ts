import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import type { ArchDocument, ArchEdge, NodeOfKind } from '../../model/schema';
import { serializeDocument } from '../../model/validate';
import { documentFrom, examples, meshExamples } from '../testkit';
import { exportK8s } from './export';
import { importK8s } from './import';
import { schemaProblems } from './schemaCheck';

function yamlOf(doc: ArchDocument): string {
  return exportK8s(doc).files[0]!.text;
}

function imported(text: string): ArchDocument {
  const result = importK8s(text);
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.document;
}

/** The YAML without archplay's ConfigMaps: only what Kubernetes and Istio objects say. */
function withoutConfigMaps(text: string): string {
  return YAML.parseAllDocuments(text)
    .filter((d) => (d.toJS() as { kind: string }).kind !== 'ConfigMap')
    .map((d) => d.toString())
    .join('---\n');
}

/** The mesh fields the issue lists, per node and per sidecar edge, for a field-by-field comparison. */
function meshFields(doc: ArchDocument) {
  const out: Record<string, unknown> = {};
  const edgeTo = (source: string, target: string) =>
    doc.edges.find((e) => e.source === source && e.target === target && e.kind === 'sync') as ArchEdge;
  for (const node of doc.nodes) {
    if (node.kind === 'service') out[`${node.id}.instances`] = node.config.instances;
    if (node.kind === 'service') out[`${node.id}.version`] = node.config.version;
    if (node.kind === 'gateway') out[`${node.id}.routes`] = node.config.routes;
    if (node.kind !== 'proxy') continue;
    const p = node as NodeOfKind<'proxy'>;
    out[`${p.id}.attachedTo`] = p.config.attachedTo;
    out[`${p.id}.routes`] = p.config.routes;
    out[`${p.id}.policies`] = p.config.policies;
    out[`${p.id}.mtls`] = p.config.mtls;
    out[`${p.id}.connectionPool`] = p.config.connectionPool;
    const { maxEjectionTimeMs: _noIstioField, ...outlier } = p.config.outlierDetection;
    out[`${p.id}.outlierDetection`] = outlier;
    const targets =
      p.config.routes.length === 0
        ? [p.config.attachedTo!]
        : p.config.routes.flatMap((r) => r.destinations.map((d) => d.target));
    for (const target of new Set(targets)) {
      const e = edgeTo(p.id, target).config;
      out[`${p.id}->${target}.timeoutMs`] = e.timeoutMs;
      out[`${p.id}->${target}.retry`] = [e.retry.maxRetries, e.retry.retryOn, e.retry.perTryTimeoutMs];
      out[`${p.id}->${target}.loadBalancer`] = [
        e.loadBalancer.policy,
        e.loadBalancer.hashHeader,
        e.loadBalancer.panicThresholdPercent,
      ];
    }
  }
  return out;
}

/** A mesh that uses what the examples do not: every header match, consistent hashing, per-try timeouts, principals. */
const richMesh = documentFrom({
  format: 'archplay',
  version: 1,
  name: 'Rich mesh',
  nodes: [
    {
      id: 'Web.Client',
      kind: 'client',
      label: 'web',
      position: { x: 0, y: 0 },
      config: { requestMix: [{ path: '/api' }] },
    },
    {
      id: 'edge:gw',
      kind: 'gateway',
      label: 'gw',
      position: { x: 1, y: 0 },
      config: {
        routes: [
          {
            pathPrefix: '/api',
            headers: { 'x-tenant': 'a' },
            target: 'api.sidecar',
            rewritePath: '/',
            timeoutMs: 2500,
          },
        ],
      },
    },
    {
      id: 'api.sidecar',
      kind: 'proxy',
      label: 'sidecar',
      position: { x: 2, y: 0 },
      config: {
        attachedTo: 'API_v1',
        mtls: 'STRICT',
        routes: [
          {
            name: 'beta',
            match: {
              pathPrefix: '/api',
              headers: {
                'x-beta': { kind: 'present' },
                'x-user': { kind: 'regex', value: '^u[0-9]+$' },
                'x-group': { kind: 'prefix', value: 'eng' },
              },
            },
            destinations: [{ target: 'api-v2' }],
          },
          {
            name: 'split',
            destinations: [
              { target: 'API_v1', weight: 75 },
              { target: 'api-v2', weight: 25 },
            ],
          },
        ],
        policies: [
          {
            name: 'only-gateway',
            action: 'ALLOW',
            principals: ['edge:gw', 'ops*'],
            methods: ['GET', 'POST'],
          },
          { name: '', action: 'DENY', paths: ['/api/admin*', '*/debug'] },
        ],
        connectionPool: { maxConnections: 10, maxPendingRequests: 0 },
        outlierDetection: { consecutive5xx: 3, baseEjectionTimeMs: 1500, maxEjectionPercent: 100 },
      },
    },
    {
      id: 'API_v1',
      kind: 'service',
      label: 'api v1',
      position: { x: 3, y: 0 },
      config: { instances: 4, version: 'v1' },
    },
    {
      id: 'api-v2',
      kind: 'service',
      label: 'api v2',
      position: { x: 3, y: 1 },
      config: { instances: 1, version: 'v2.0-rc1' },
    },
  ],
  edges: [
    { id: 'e1', source: 'Web.Client', target: 'edge:gw' },
    {
      id: 'e2',
      source: 'edge:gw',
      target: 'api.sidecar',
      config: { retry: { maxRetries: 1, retryOn: ['connect'] } },
    },
    {
      id: 'e3',
      source: 'api.sidecar',
      target: 'API_v1',
      config: {
        timeoutMs: 0,
        retry: { maxRetries: 3, retryOn: ['timeout', '429', '5xx'], perTryTimeoutMs: 250 },
        loadBalancer: { policy: 'consistentHash', hashHeader: 'x-user' },
      },
    },
    {
      id: 'e4',
      source: 'api.sidecar',
      target: 'api-v2',
      config: { timeoutMs: 1500, loadBalancer: { policy: 'leastRequest', panicThresholdPercent: 30 } },
    },
  ],
});

/** Corners the mapping has no Istio form for: they must still come back through the ConfigMaps. */
const corners = documentFrom({
  format: 'archplay',
  version: 1,
  name: 'Corners',
  nodes: [
    { id: 'c', kind: 'client', label: 'c', position: { x: 0, y: 0 } },
    {
      id: 'lonely',
      kind: 'proxy',
      label: 'no service',
      position: { x: 1, y: 0 },
      config: { outlierDetection: { enabled: false, consecutive5xx: 9 } },
    },
    {
      id: 'p1',
      kind: 'proxy',
      label: 'first',
      position: { x: 1, y: 1 },
      config: {
        attachedTo: 's',
        routes: [
          {
            destinations: [
              { target: 's', weight: 1 },
              { target: 't', weight: 2 },
            ],
          },
        ],
      },
    },
    {
      id: 'p2',
      kind: 'proxy',
      label: 'second on s',
      position: { x: 1, y: 2 },
      config: { attachedTo: 's', mtls: 'DISABLE' },
    },
    { id: 's', kind: 'service', label: 's', position: { x: 2, y: 0 }, config: { version: 'v 1' } },
    { id: 't', kind: 'service', label: 't', position: { x: 2, y: 1 } },
  ],
  edges: [
    { id: 'c-p1', source: 'c', target: 'p1' },
    {
      id: 'p1-s',
      source: 'p1',
      target: 's',
      config: {
        retry: { maxRetries: 1, baseBackoffMs: 5 },
        loadBalancer: { policy: 'weighted', weights: [1, 3] },
      },
    },
    { id: 'p1-t', source: 'p1', target: 't', config: { timeoutMs: 123, breaker: {} } },
    { id: 's-t', source: 's', target: 't', config: { breaker: { failureRateThreshold: 25 } } },
  ],
});

describe('Kubernetes + Istio export and import', () => {
  it('gives back what Istio cannot express through the ConfigMaps: lone and second sidecars, odd weights and versions, backoff, breakers', () => {
    const text = yamlOf(corners);
    expect(serializeDocument(imported(text))).toBe(serializeDocument(corners));
    expect(text).toContain('resilience4j.yaml');
    expect(schemaProblems(text).problems).toEqual([]);
  });

  it('gives every example back byte for byte (export -> import -> export)', () => {
    for (const [stem, doc] of examples()) {
      const text = yamlOf(doc);
      expect(serializeDocument(imported(text)), stem).toBe(serializeDocument(doc));
      expect(yamlOf(imported(text)), stem).toBe(text);
    }
    expect(serializeDocument(imported(yamlOf(richMesh)))).toBe(serializeDocument(richMesh));
  });

  it('validates every emitted object against its published schema, with valid names and Istio durations', () => {
    const kinds = new Set<string>();
    for (const doc of [...examples().values(), richMesh]) {
      const { checked, problems } = schemaProblems(yamlOf(doc));
      expect(problems, doc.name).toEqual([]);
      for (const k of checked) kinds.add(k);
    }
    expect([...kinds].sort()).toEqual([
      'apps/v1 Deployment',
      'networking.istio.io/v1beta1 DestinationRule',
      'networking.istio.io/v1beta1 Gateway',
      'networking.istio.io/v1beta1 VirtualService',
      'security.istio.io/v1beta1 AuthorizationPolicy',
      'security.istio.io/v1beta1 PeerAuthentication',
      'v1 ConfigMap',
      'v1 Service',
      'v1 ServiceAccount',
    ]);
  });

  it('the schema check refuses an object Istio would refuse', () => {
    const bad = yamlOf(richMesh)
      .replace('attempts: 3', 'attempts: 1.5')
      .replace('simple: LEAST_REQUEST', 'simple: FASTEST');
    const { problems } = schemaProblems(bad);
    expect(problems.some((p) => p.includes('retries/attempts must be integer'))).toBe(true);
    expect(problems.some((p) => p.includes('loadBalancer/simple'))).toBe(true);
  });

  it('carries services, instances, routes, weights, retries, timeouts, balancing and outlier settings in the Istio objects alone', () => {
    const docs = [...meshExamples().map((s) => examples().get(s)!), richMesh];
    expect(docs.length).toBeGreaterThanOrEqual(3);
    for (const doc of docs) {
      const back = imported(withoutConfigMaps(yamlOf(doc)));
      expect(meshFields(back), doc.name).toEqual(meshFields(doc));
    }
  });

  it('writes the real Istio fields for a sidecar', () => {
    const objects = YAML.parseAllDocuments(yamlOf(richMesh)).map((d) => d.toJS());
    const mesh = objects.find((o) => o.kind === 'VirtualService' && !o.spec.gateways);
    expect(mesh.spec.http[0].match[0].headers).toEqual({
      'x-beta': { regex: '.*' },
      'x-user': { regex: '^u[0-9]+$' },
      'x-group': { prefix: 'eng' },
    });
    expect(mesh.spec.http[1].route.map((r: { weight: number }) => r.weight)).toEqual([75, 25]);
    expect(mesh.spec.http[1].retries).toEqual({
      attempts: 3,
      perTryTimeout: '0.25s',
      retryOn: 'reset,429,5xx',
    });
    expect(mesh.spec.http[1].timeout).toBeUndefined();
    const rule = objects.find((o) => o.kind === 'DestinationRule' && o.spec.host.startsWith('api-v1'));
    expect(rule.spec.trafficPolicy.loadBalancer).toEqual({ consistentHash: { httpHeaderName: 'x-user' } });
    expect(rule.spec.trafficPolicy.outlierDetection).toEqual({
      consecutive5xxErrors: 3,
      baseEjectionTime: '1.5s',
      maxEjectionPercent: 100,
      minHealthPercent: 50,
    });
    const allow = objects.find((o) => o.kind === 'AuthorizationPolicy' && o.spec.action === 'ALLOW');
    expect(allow.spec.rules[0].from[0].source.principals).toEqual([
      `cluster.local/ns/default/sa/${objects.find((o) => o.kind === 'Gateway').metadata.name}`,
      'cluster.local/ns/default/sa/ops*',
    ]);
    expect(objects.find((o) => o.kind === 'PeerAuthentication').spec.mtls).toEqual({ mode: 'STRICT' });
  });

  it('names objects with DNS labels and keeps the original ids in annotations', () => {
    const objects = YAML.parseAllDocuments(yamlOf(richMesh)).map((d) => d.toJS());
    const deployment = objects.find(
      (o) => o.kind === 'Deployment' && o.metadata.annotations['archplay.dev/id'] === 'API_v1',
    );
    expect(deployment.metadata.name).toMatch(/^api-v1-[0-9a-f]{6}$/);
    expect(deployment.spec.replicas).toBe(4);
    const names = new Set(objects.filter((o) => o.kind === 'Deployment').map((o) => o.metadata.name));
    expect(names.size).toBe(2);
  });

  it('is deterministic: the same document gives the same bytes', () => {
    const doc = examples().get('ecommerce')!;
    expect(yamlOf(doc)).toBe(yamlOf(documentFrom(JSON.parse(serializeDocument(doc)))));
  });
});
