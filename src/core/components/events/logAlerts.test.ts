import { describe, expect, it } from 'vitest';
import { type AlertFiring, AlertRule, LogMetrics } from './logAlerts';

const scope = (values: Record<string, string | number>) => (name: string) => values[name] ?? null;

function rule(spec: Partial<ConstructorParameters<typeof AlertRule>[0]> = {}): AlertRule {
  return new AlertRule(
    { id: 'r', name: '', aggregate: 'count', op: '>', threshold: 2, windowSec: 3, ...spec },
    'p',
  );
}

describe('alert rules', () => {
  it('counts the entries of the last windowSec whole seconds before the evaluation', () => {
    const r = rule();
    for (const t of [500, 1500, 2500]) r.observe(scope({}), t);
    // At 3 s the window is [0 s, 3 s): three entries; at 4 s it is [1 s, 4 s); at 5 s, [2 s, 5 s).
    expect(r.value(3000)).toBe(3);
    r.observe(scope({}), 3500);
    expect(r.value(4000)).toBe(3);
    expect(r.value(5000)).toBe(2);
    expect(r.value(7000)).toBe(0);
  });

  it('counts only entries matching where, and aggregates a numeric field', () => {
    const r = rule({ where: "level == 'error'", aggregate: 'avg', field: 'ms' });
    r.observe(scope({ level: 'error', ms: 100 }), 100);
    r.observe(scope({ level: 'error', ms: '300' }), 200);
    r.observe(scope({ level: 'info', ms: 10_000 }), 300);
    r.observe(scope({ level: 'error', ms: 'n/a' }), 400);
    expect(r.value(1000)).toBe(200);
    expect(rule({ aggregate: 'max', field: 'ms' }).value(1000)).toBe(0);
  });

  it('fires when the condition starts to hold and resolves when it stops, once each', () => {
    const r = rule({ threshold: 1, windowSec: 1 });
    const done: AlertFiring[] = [];
    r.observe(scope({}), 100);
    r.observe(scope({}), 200);
    expect(r.evaluate(1000, (f) => done.push(f))).toBe('fired');
    r.observe(scope({}), 1100);
    r.observe(scope({}), 1200);
    expect(r.evaluate(2000, (f) => done.push(f))).toBe(null);
    expect(r.evaluate(3000, (f) => done.push(f))).toBe('resolved');
    expect(done).toEqual([{ rule: 'r', node: 'p', firedAtMs: 1000, resolvedAtMs: 3000 }]);
    expect(r.firing).toBe(null);
  });
});

describe('log metrics', () => {
  it('counts by level and service, and keeps the busiest window per level', () => {
    const m = new LogMetrics(10);
    for (let i = 0; i < 5; i++) m.observe('api', 'error', 1000 + i);
    for (let i = 0; i < 3; i++) m.observe('api', 'error', 11_000 + i);
    m.observe('web', 'info', 12_000);
    const s = m.summary();
    expect(s.byLevel).toEqual({ debug: 0, info: 1, warn: 0, error: 8 });
    expect(s.byService).toEqual({
      api: { debug: 0, info: 0, warn: 0, error: 8 },
      web: { debug: 0, info: 1, warn: 0, error: 0 },
    });
    expect(s.peakPerWindow.error).toBe(5);
  });
});
