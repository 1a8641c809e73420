import { describe, expect, it } from 'vitest';
import { applyChange } from '../model/documentChange';
import { validateDocument } from '../model/validate';
import { linkNodes } from '../model/wiring';
import { client, edge, makeDoc, node } from './analysis.testkit';
import { analyzeDocument, problemsOf } from './index';

/** A design with one of each wiring problem the analysis knows. */
const broken = makeDoc(
  [
    client('web', 10, 'GET', '/orders'),
    client('lost', 5),
    node('gw', 'gateway', { routes: [{ pathPrefix: '/pay', target: 'pay' }] }),
    node('orders', 'service', {
      endpoints: [{ path: '/', steps: [{ kind: 'work' }, { kind: 'query', target: 'view' }] }],
    }),
    node('pay', 'service'),
    node('side', 'proxy'),
    node('bus', 'eventBus'),
    node('mail', 'service', { subscriptions: [{ bus: 'bus', topic: 'ghost', group: 'mail' }] }),
    node('store', 'eventStore'),
    node('view', 'readModel'),
  ],
  [edge('web', 'gw'), edge('gw', 'orders'), edge('side', 'orders'), edge('orders', 'bus', {}, 'async')],
);

describe('the problems list', () => {
  it('names each wiring problem once, and none of the design advice', () => {
    const ids = problemsOf(analyzeDocument(broken)).map((p) => p.id);
    expect(ids).toEqual([
      'client-without-target:lost',
      'unlinked-reference:gw/routes/0',
      'unlinked-reference:orders/endpoints/0/steps/1',
      'unserved-noRoute:gw/GET /orders',
      'read-model-without-source:view',
      'sidecar-without-service:side',
      'subscription-without-publisher:mail/0',
      'unused-link:gw-orders',
      'unused-link:orders-bus',
    ]);
    expect(analyzeDocument(broken).findings.some((f) => !f.problem)).toBe(true);
  });

  it('every fix is a valid document change that makes its problem go away', () => {
    for (const problem of problemsOf(analyzeDocument(broken))) {
      for (const fix of problem.fixes) {
        const fixed = applyChange(broken, fix.change);
        expect(fixed, fix.label).not.toBe(broken);
        const valid = validateDocument(JSON.parse(JSON.stringify(fixed)));
        expect(valid.ok ? [] : valid.errors, fix.label).toEqual([]);
        const after = problemsOf(analyzeDocument(fixed)).map((p) => p.id);
        expect(after, `${problem.id}: ${fix.label}`).not.toContain(problem.id);
      }
    }
  });

  it("finds an event processor's unpublished source, unlinked output and unused links, and each fix removes its problem", () => {
    const doc = makeDoc(
      [
        node('bus', 'eventBus', { topics: [{ name: 'orders' }] }),
        node('shop', 'service', {
          endpoints: [{ path: '/', steps: [{ kind: 'publish', target: 'bus', topic: 'orders' }] }],
        }),
        node('typo', 'eventProcessor', { source: { bus: 'bus', topic: 'order', group: 'typo' } }),
        node('unlinked', 'eventProcessor', {
          source: { bus: 'bus', topic: 'orders', group: 'unlinked' },
          output: { bus: 'bus', topic: 'totals' },
        }),
        node('idle', 'eventProcessor'),
      ],
      [
        edge('shop', 'bus', {}, 'async'),
        edge('bus', 'typo', {}, 'async'),
        edge('bus', 'unlinked', {}, 'async'),
        edge('bus', 'idle', {}, 'async'),
        edge('idle', 'bus', {}, 'async'),
      ],
    );
    const problems = problemsOf(analyzeDocument(doc));
    expect(problems.map((p) => p.id)).toEqual([
      'unlinked-reference:unlinked/output',
      'subscription-without-publisher:typo/source',
      'topic-without-subscriber:bus/totals',
      'unused-link:bus-idle',
      'unused-link:idle-bus',
    ]);
    for (const problem of problems.filter((p) => p.id !== 'topic-without-subscriber:bus/totals')) {
      expect(problem.fixes.length, problem.id).toBeGreaterThan(0);
      for (const fix of problem.fixes) {
        const fixed = applyChange(doc, fix.change);
        const valid = validateDocument(JSON.parse(JSON.stringify(fixed)));
        expect(valid.ok ? [] : valid.errors, fix.label).toEqual([]);
        expect(
          problemsOf(analyzeDocument(fixed)).map((p) => p.id),
          fix.label,
        ).not.toContain(problem.id);
      }
    }
  });

  it('a design wired by drawing its links has no problem', () => {
    let doc = makeDoc([
      node('web', 'client'),
      node('gw', 'gateway'),
      node('orders', 'service'),
      node('pay', 'proxy'),
      node('payments', 'service'),
      node('bus', 'eventBus'),
      node('mail', 'service'),
      node('store', 'eventStore'),
      node('view', 'readModel'),
      node('logs', 'logRouter'),
      node('shard', 'logStore'),
      node('registry', 'registry'),
    ]);
    const links = [
      ['web', 'gw'],
      ['gw', 'orders'],
      ['pay', 'payments'],
      ['orders', 'pay'],
      ['orders', 'bus'],
      ['bus', 'mail'],
      ['orders', 'store'],
      ['store', 'view'],
      ['mail', 'view'],
      ['orders', 'logs'],
      ['logs', 'shard'],
      ['orders', 'registry'],
    ] as const;
    for (const [source, target] of links) {
      const result = linkNodes(doc, source, target);
      if (!result.ok) throw new Error(result.reason);
      doc = result.document;
    }
    expect(problemsOf(analyzeDocument(doc))).toEqual([]);
  });
});
