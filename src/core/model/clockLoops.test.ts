import { describe, expect, it } from 'vitest';
import { formatIssue, validateDocument } from './validate';

const zero = { kind: 'constant', ms: 0 } as const;
const node = (id: string, kind: string, config: Record<string, unknown> = {}) => ({
  id,
  kind,
  label: id,
  position: { x: 0, y: 0 },
  config,
});
const edge = (source: string, target: string, config: Record<string, unknown> = {}) => ({
  id: `${source}-${target}`,
  source,
  target,
  config,
});
const doc = (nodes: unknown[], edges: unknown[]) => ({ format: 'archplay', version: 2, nodes, edges });
const users = (thinkTimeMs: unknown) =>
  node('web', 'client', { workload: { kind: 'closed', users: 5, thinkTimeMs } });

function problems(value: unknown): string[] {
  const result = validateDocument(value);
  return result.ok ? [] : result.errors.map(formatIssue);
}

describe('models whose clock cannot advance are refused before a run', () => {
  it('users with no think time whose requests are answered at once (zero latency, zero service time)', () => {
    const found = problems(
      doc(
        [users(zero), node('api', 'service', { serviceTimeMs: zero })],
        [edge('web', 'api', { latencyMs: zero })],
      ),
    );
    expect(found).toEqual([
      'web (nodes[0], id "web").config.workload.thinkTimeMs: the clock cannot advance: the users of "web" send their next request the instant the last one ends, and GET / is answered at once (zero latency and zero work on every hop from "api" (GET /)); give the think time, a link\'s latency or a service time a duration',
    ]);
  });

  it('users with no think time and no link to send over', () => {
    expect(problems(doc([users(zero)], []))[0]).toMatch(
      /^web \(nodes\[0\], id "web"\)\.config\.workload\.thinkTimeMs: the clock cannot advance: "web" has no link/,
    );
  });

  it('follows the request through a gateway and a sidecar to the service that answers at once', () => {
    const found = problems(
      doc(
        [
          users({ kind: 'uniform', minMs: 0, maxMs: 0 }),
          node('gw', 'gateway', { serviceTimeMs: zero, routes: [{ pathPrefix: '/', target: 'side' }] }),
          node('side', 'proxy', { serviceTimeMs: zero, attachedTo: 'api' }),
          node('api', 'service', { serviceTimeMs: { kind: 'normal', meanMs: 0, stdDevMs: 0 } }),
        ],
        [
          edge('web', 'gw', { latencyMs: zero }),
          edge('gw', 'side', { latencyMs: zero }),
          edge('side', 'api', { latencyMs: zero }),
        ],
      ),
    );
    expect(found).toHaveLength(1);
    expect(found[0]).toContain('"gw" (GET /)');
  });

  it('a cycle of sync calls with zero latency and zero work, whatever the client', () => {
    const caller = (id: string, target: string) =>
      node(id, 'service', {
        serviceTimeMs: zero,
        endpoints: [{ path: '/', steps: [{ kind: 'call', target, path: '/' }] }],
      });
    const found = problems(
      doc(
        [node('web', 'client'), caller('a', 'b'), caller('b', 'a')],
        [edge('web', 'a'), edge('a', 'b', { latencyMs: zero }), edge('b', 'a', { latencyMs: zero })],
      ),
    );
    expect(found).toEqual([
      'a (nodes[1], id "a").config.endpoints: the clock cannot advance: "a" (GET /) calls "b" (GET /) calls "a" (GET /) again at the same instant, forever (zero latency and zero work before every call); give a work step or a link\'s latency a duration, or break the cycle',
    ]);
  });

  it('accepts the same shapes as soon as one hop takes time', () => {
    const tick = { kind: 'constant', ms: 0.01 };
    expect(
      problems(
        doc(
          [users(tick), node('api', 'service', { serviceTimeMs: zero })],
          [edge('web', 'api', { latencyMs: zero })],
        ),
      ),
    ).toEqual([]);
    expect(
      problems(doc([users(zero), node('api', 'service', { serviceTimeMs: zero })], [edge('web', 'api')])),
    ).toEqual([]);
    expect(
      problems(doc([users(zero), node('api', 'service')], [edge('web', 'api', { latencyMs: zero })])),
    ).toEqual([]);
  });

  it('accepts calls that go in a circle through different endpoints', () => {
    const found = problems(
      doc(
        [
          node('web', 'client'),
          node('a', 'service', {
            serviceTimeMs: zero,
            endpoints: [
              { path: '/start', steps: [{ kind: 'call', target: 'b', path: '/' }] },
              { path: '/end', steps: [{ kind: 'work' }] },
            ],
          }),
          node('b', 'service', {
            serviceTimeMs: zero,
            endpoints: [{ path: '/', steps: [{ kind: 'call', target: 'a', path: '/end' }] }],
          }),
        ],
        [edge('web', 'a'), edge('a', 'b', { latencyMs: zero }), edge('b', 'a', { latencyMs: zero })],
      ),
    );
    expect(found).toEqual([]);
  });
});
