import { describe, expect, it } from 'vitest';
import microservices from '../../../public/examples/microservices-flow.json';
import { applyValues } from '../../core/experiments';
import type { ArchDocument, Slo } from '../../core/model/schema';
import { validateDocument } from '../../core/model/validate';
import { defaultRange, defaultSweepForm, metricChoices, numericFields, sloLinesFor } from './sweepChoices';

function template(): ArchDocument {
  const result = validateDocument(microservices);
  if (!result.ok) throw new Error('example invalid');
  return result.document;
}

const slo = (id: string, target: string, metric: Slo['metric']): Slo => ({
  id,
  name: '',
  target,
  metric,
  op: '<=',
  value: 100,
});

describe('what a sweep can vary and plot', () => {
  it('lists numeric fields by the paths --vary takes, each one settable, and never the seed or positions', () => {
    const doc = template();
    const fields = numericFields(doc);
    expect(fields.map((f) => f.path)).toContain('nodes.web.config.workload.ratePerSec');
    expect(fields.map((f) => f.path)).toContain('edges.order-payment.config.timeoutMs');
    expect(fields.map((f) => f.path)).toContain('scenario.durationSec');
    expect(fields.some((f) => f.path === 'scenario.seed' || f.path.includes('position'))).toBe(false);
    for (const f of fields.slice(0, 40)) {
      const applied = applyValues(doc, [[f.path, f.value]]);
      expect(applied.ok, f.path).toBe(true);
    }
  });

  it('opens on the first client rate, up to twice where the analysis expects saturation', () => {
    const form = defaultSweepForm(template());
    expect(form.path).toBe('nodes.web.config.workload.ratePerSec');
    expect(form.metric).toBe('nodes.web.latencyMs.p99');
    // The order service saturates near 5 800 requests/s at the template's peak mix.
    expect(form.to).toBeGreaterThan(8000);
    expect(Math.abs(form.from - form.to / 10)).toBeLessThan(form.to / 100);
    expect(form.steps).toBe(8);
  });

  it('keeps the top of a proposed rate range to a million requests a run', () => {
    const doc = template();
    const long = { ...doc, scenario: { ...doc.scenario, durationSec: 3600 } };
    expect(defaultSweepForm(long).to).toBeLessThanOrEqual(1_000_000 / 3600);
  });

  it('ranges any other field from half its value to three times it', () => {
    expect(defaultRange(template(), 'nodes.order.config.instances')).toEqual({ from: 1.5, to: 9, steps: 6 });
  });

  it('offers the SLOs first, then requests, nodes and sync links', () => {
    const doc = template();
    const withSlo = { ...doc, scenario: { ...doc.scenario, slos: [slo('p99', 'web', 'p99Ms')] } };
    const choices = metricChoices(withSlo);
    expect(choices[0]).toMatchObject({ path: 'slo:p99', group: 'SLOs' });
    expect(choices.map((c) => c.path)).toContain('nodes.payment.utilization');
    expect(choices.map((c) => c.path)).toContain('edges.order-payment.retries');
  });

  it('draws an SLO line only on the metric it measures', () => {
    const slos = [
      slo('p99', 'web', 'p99Ms'),
      slo('err', 'order', 'errorRate'),
      slo('sys', 'system', 'p99Ms'),
    ];
    expect(sloLinesFor('nodes.web.latencyMs.p99', slos).map((s) => s.id)).toEqual(['p99']);
    expect(sloLinesFor('nodes.order.errorRate', slos).map((s) => s.id)).toEqual(['err']);
    expect(sloLinesFor('nodes.web.latencyMs.p50', slos)).toEqual([]);
  });
});
