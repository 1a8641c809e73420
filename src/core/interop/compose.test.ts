import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { createRun } from '../run/createRun';
import { exportCompose } from './compose';
import { importCompose } from './composeImport';
import { documentFrom, example } from './testkit';

describe('Compose export', () => {
  it('writes one service per archplay service and gateway, with replicas and depends_on from call links', () => {
    const doc = example('ecommerce');
    const compose = YAML.parse(exportCompose(doc).files[0]!.text);
    expect(Object.keys(compose.services)).toEqual([
      'gateway',
      'order',
      'users',
      'products',
      'inventory',
      'payment',
      'notify',
    ]);
    expect(compose.services.order.deploy.replicas).toBe(3);
    expect(compose.services.order.depends_on).toEqual(['users', 'products', 'inventory', 'payment']);
    // The gateway calls the order sidecar: in Compose it depends on the order service itself.
    expect(compose.services.gateway.depends_on).toEqual(['order']);
    expect(compose.services.order.labels).toEqual({ 'archplay.id': 'order', 'archplay.kind': 'service' });
  });

  it('turns config server keys into environment variables and notes what Compose cannot hold', () => {
    const doc = example('microservices-basics');
    const result = exportCompose(doc);
    const compose = YAML.parse(result.files[0]!.text);
    const config = doc.nodes.find((n) => n.kind === 'configServer');
    if (config?.kind !== 'configServer') throw new Error('example has no config server');
    for (const [service, keys] of Object.entries(config.config.keys)) {
      expect(compose.services[service].environment).toEqual(
        Object.fromEntries(Object.entries(keys).map(([k, v]) => [k, String(v)])),
      );
    }
    expect(result.notes.some((n) => /client has no Compose service/.test(n))).toBe(true);
  });
});

describe('Compose import', () => {
  it('gives back the services, replicas and dependencies an export wrote', () => {
    const doc = example('ecommerce');
    const result = importCompose(exportCompose(doc).files[0]!.text);
    if (!result.ok) throw new Error(result.errors.join('\n'));
    const services = result.document.nodes.filter((n) => n.kind === 'service');
    const original = doc.nodes.filter((n) => n.kind === 'service' || n.kind === 'gateway');
    expect(services.map((n) => n.id)).toEqual(original.map((n) => n.id));
    for (const n of services) {
      const o = original.find((x) => x.id === n.id)!;
      expect(n.kind === 'service' && n.config.instances).toBe(o.config.instances);
    }
    const calls = result.document.edges.filter((e) => e.source === 'order').map((e) => e.target);
    expect(calls).toEqual(['users', 'products', 'inventory', 'payment']);
  });

  it('reads depends_on in both forms as assumed sync calls, replicas from deploy or scale, and runs', () => {
    const text = `
name: shop
services:
  web:
    image: nginx
    ports: ["80:80"]
    depends_on: [api]
  api:
    image: api:1
    scale: 3
    environment: ["DB_URL=postgres://db/shop", "MODE=prod"]
    depends_on:
      db: { condition: service_healthy }
  db:
    image: postgres:16
    volumes: [data:/var/lib/postgresql/data]
volumes:
  data: {}
`;
    const result = importCompose(text);
    if (!result.ok) throw new Error(result.errors.join('\n'));
    const { document } = result;
    const api = document.nodes.find((n) => n.id === 'api');
    expect(api?.kind === 'service' && api.config.instances).toBe(3);
    expect(api?.kind === 'service' && api.config.endpoints[0]!.steps).toEqual([
      { kind: 'work' },
      { kind: 'call', target: 'db', method: 'GET', path: '/' },
    ]);
    const client = document.nodes.find((n) => n.kind === 'client')!;
    expect(document.edges.filter((e) => e.source === client.id).map((e) => e.target)).toEqual(['web']);
    const config = document.nodes.find((n) => n.kind === 'configServer');
    expect(config?.kind === 'configServer' && config.config.keys).toEqual({
      api: { DB_URL: 'postgres://db/shop', MODE: 'prod' },
    });
    expect(result.assumed.join('\n')).toMatch(/services\.web: no deploy\.replicas/);
    expect(result.ignored).toEqual(
      expect.arrayContaining([
        'volumes: not read',
        'services.web.ports: not read',
        'services.db.volumes: not read',
      ]),
    );
    const run = createRun(document, { durationSec: 5 });
    run.runToEnd();
    const summary = run.summary();
    expect(summary.nodes.db!.completed).toBeGreaterThan(20);
    expect(summary.requests.failed).toBe(0);
  });

  it('refuses a file without services and YAML it cannot read, naming the problem', () => {
    const none = importCompose('version: "3"\n');
    expect(none).toEqual({ ok: false, errors: ['services: expected a mapping of Compose services'] });
    const broken = importCompose('services: [a\n');
    expect(broken.ok).toBe(false);
    if (!broken.ok) expect(broken.errors[0]).toMatch(/^\(root\): /);
  });

  it('keeps archplay ids that are not Compose names through the labels', () => {
    const doc = documentFrom({
      format: 'archplay',
      version: 1,
      nodes: [{ id: 'Pay.v2', kind: 'service', label: 'p', position: { x: 0, y: 0 } }],
      edges: [],
    });
    const result = importCompose(exportCompose(doc).files[0]!.text);
    expect(result.ok && result.document.nodes.map((n) => n.id)).toContain('Pay.v2');
  });
});
