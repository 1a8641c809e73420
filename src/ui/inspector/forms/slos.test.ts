import { describe, expect, it } from 'vitest';
import microservices from '../../../../public/examples/microservices-flow.json';
import { type ArchDocument, type Scenario, scenarioSchema, sloSchema } from '../../../core/model/schema';
import { validateDocument } from '../../../core/model/validate';
import { checkEdit } from '../configPath';
import type { Field } from '../formSpec';
import { sloSection, withoutEmptySlos } from './slos';

function template(): ArchDocument {
  const result = validateDocument(microservices);
  if (!result.ok) throw new Error('example invalid');
  return result.document;
}

const listOf = (doc: ArchDocument) => sloSection(doc).fields[0] as Extract<Field, { t: 'list' }>;
const withSlos = (doc: ArchDocument, slos: unknown[]) =>
  validateDocument({ ...doc, scenario: { ...doc.scenario, slos } });

describe('the SLO editor', () => {
  it('has one field for every SLO setting', () => {
    const keys = listOf(template()).fields.map((f) => f.key);
    expect(keys.sort()).toEqual(Object.keys(sloSchema.shape).sort());
  });

  it('adds a valid SLO on the first client with a free id', () => {
    const doc = template();
    const first = listOf(doc).make({ firstId: () => '' });
    expect(first).toMatchObject({ id: 'slo-1', target: 'web', metric: 'p99Ms', op: '<=' });
    const once = withSlos(doc, [first]);
    expect(once.ok).toBe(true);
    if (!once.ok) return;
    const second = listOf(once.document).make({ firstId: () => '' }) as { id: string };
    expect(second.id).toBe('slo-2');
    expect(withSlos(doc, [first, second]).ok).toBe(true);
  });

  it('offers the whole system, every node and every link as targets', () => {
    const doc = template();
    const target = listOf(doc).fields.find((f) => f.key === 'target') as Extract<Field, { t: 'enum' }>;
    expect(target.options).toEqual(['system', ...doc.nodes.map((n) => n.id), ...doc.edges.map((e) => e.id)]);
    expect(target.labels?.web).toBe('Web shop · client');
  });

  it('a window past the run is refused by the document check, naming the field', () => {
    const doc = template();
    const slo = { ...(listOf(doc).make({ firstId: () => '' }) as object), toSec: 999 };
    const result = withSlos(doc, [slo]);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]!.path).toBe('scenario.slos[0].toSec');
  });

  it('an empty window bound is left out, and removing the last SLO leaves no slos field', () => {
    const scenario = scenarioSchema.parse({
      slos: [{ id: 'a', target: 'system', metric: 'errorRate', op: '<', value: 0.01 }],
    });
    const cleared = checkEdit(scenarioSchema, scenario, ['slos', 0, 'fromSec'], undefined);
    expect(cleared.ok && 'fromSec' in (cleared.value as Scenario).slos![0]!).toBe(false);
    const removed = checkEdit(scenarioSchema, scenario, ['slos'], []);
    expect(removed.ok && withoutEmptySlos(removed.value as Scenario)).not.toHaveProperty('slos');
    expect(withoutEmptySlos(scenario)).toBe(scenario);
  });
});
