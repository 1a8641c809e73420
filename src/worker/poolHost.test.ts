import { describe, expect, it } from 'vitest';
import { type ArchDocument, exportDocument, runReplica, toRecord, validateDocument } from '../core';
import { sampleDocument } from '../core/model/sampleDocument.testkit';
import { PoolHost } from './poolHost';

function document(durationSec = 5): ArchDocument {
  const input = sampleDocument();
  const result = validateDocument({
    ...input,
    scenario: { ...input.scenario, durationSec, warmupSec: 0, workloadChanges: [], faults: [] },
  });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.document;
}

describe('PoolHost', () => {
  it('runs a task to the record the CLI keeps of it (runReplica, then toRecord)', () => {
    const task = { index: 3, document: document(), seed: 11 };
    const record = new PoolHost().runTask(task);
    expect(record).toEqual(toRecord(runReplica(task), 11));
    expect(record.index).toBe(3);
    expect(Object.keys(record.metrics).length).toBeGreaterThan(20);
  });

  it('refuses a task whose document does not validate, naming the path', () => {
    const doc = document();
    const broken = { ...doc, edges: [{ ...doc.edges[0]!, target: 'nowhere' }] };
    expect(() => new PoolHost().runTask({ index: 0, document: broken, seed: 1 })).toThrow(/edges\[0\]/);
  });

  it('exports the same bytes as the core, reporting an OTLP run in whole percents up to 1', () => {
    const doc = document(3);
    const shares: number[] = [];
    const result = new PoolHost().exportDocument(doc, 'otlp', { sampleEvery: 5 }, (s) => shares.push(s));
    expect(result).toEqual(exportDocument(doc, 'otlp', { sampleEvery: 5 }));
    expect(shares.at(-1)).toBe(1);
    expect(new Set(shares).size).toBe(shares.length);
    expect(shares.every((s) => Math.abs(s * 100 - Math.round(s * 100)) < 1e-9)).toBe(true);
    expect(new PoolHost().exportDocument(doc, 'mermaid', {})).toEqual(exportDocument(doc, 'mermaid'));
  });

  it('imports through the core converters and never throws on bad input', () => {
    const host = new PoolHost();
    const ok = host.importText('services:\n  api:\n    image: api\n  db:\n    image: postgres\n', 'compose');
    expect(ok.ok).toBe(true);
    const bad = host.importText(': not yaml : [', 'k8s');
    expect(bad.ok).toBe(false);
  });
});
