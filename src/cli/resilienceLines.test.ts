import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli as cli } from './cliHarness';

const examples = join(import.meta.dirname, '../../public/examples');

describe('archplay run: resilience lines', () => {
  it('shows the breaker transitions of the basics template: open after the payment crash, closed after recovery', async () => {
    const { code, stdout } = await cli(['run', join(examples, 'microservices-basics.json')]);
    expect(code).toBe(0);
    const line = stdout.split('\n').find((l) => l.startsWith('breaker order-payment:'))!;
    expect(line).toMatch(/^breaker order-payment: CLOSED, \d+ rejected; OPEN at 2\d\.\d{3} s, HALF_OPEN at /);
    expect(line).toMatch(/CLOSED at 4\d\.\d{3} s$/);
    expect(stdout).toMatch(
      /gateway gateway: [1-9]\d* rate-limited \(429\), [1-9]\d* unauthorized \(401\), [1-9]\d* not found \(404\)/,
    );
    expect(stdout).toContain('registry registry: members user=2, order=3, payment=2');
    expect(stdout).toContain('config config: order v1/1');
    expect(stdout).toContain('invariants: ok');
  });

  it('shows the canary template ejecting the dead v1 instance and denying /admin', async () => {
    const { code, stdout } = await cli(['run', join(examples, 'service-mesh-canary.json'), '--json']);
    expect(code).toBe(0);
    const s = JSON.parse(stdout);
    expect(s.edges['proxy-v1'].outlier.ejections[0].instance).toBe(0);
    expect(s.nodes['reviews-proxy'].proxy.denied).toBeGreaterThan(0);
    const pushes = s.nodes.istiod.controlPlane.pushes;
    expect(pushes).toEqual([
      {
        changedAtMs: 30000,
        appliedAtMs: 32000,
        proxy: 'reviews-proxy',
        key: 'weights.canary-split',
        version: 1,
      },
    ]);
  });
});
