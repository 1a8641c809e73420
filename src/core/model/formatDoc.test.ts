import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import doc from '../../../docs/diagram-format.md?raw';
import { DEFAULT_RUN_LIMITS } from '../run/limits';
import { connectionRule } from './connections';
import * as fields from './fields';
import { MAX_MATCHED_VALUE_LENGTH, MAX_PATTERN_LENGTH } from './patterns';
import {
  edgeConfigSchema,
  nodeConfigSchemas,
  nodeKinds,
  scenarioSchema,
  sloMetrics,
  sloSchema,
} from './schema';
import { parseDocument } from './validate';

const fieldsOf = (schema: z.ZodObject) => Object.keys(schema.shape);

describe('docs/diagram-format.md', () => {
  it('has a section for every node kind', () => {
    for (const kind of nodeKinds) expect(doc).toContain(`### \`${kind}\``);
  });

  it('names every config field of every node kind, of edges and of the scenario', () => {
    const missing: string[] = [];
    const check = (owner: string, schema: z.ZodObject) => {
      for (const field of fieldsOf(schema))
        if (!doc.includes(`\`${field}\``)) missing.push(`${owner}.${field}`);
    };
    for (const kind of nodeKinds) check(kind, nodeConfigSchemas[kind] as unknown as z.ZodObject);
    check('edge.config', edgeConfigSchema as unknown as z.ZodObject);
    check('scenario', scenarioSchema as unknown as z.ZodObject);
    check('scenario.slos[]', sloSchema as unknown as z.ZodObject);
    for (const metric of sloMetrics) if (!doc.includes(`\`${metric}\``)) missing.push(`slo metric ${metric}`);
    expect(missing).toEqual([]);
  });

  it('lists every allowed connection in its rules table', () => {
    for (const source of nodeKinds) {
      for (const target of nodeKinds) {
        const rule = connectionRule(source, target);
        if (!rule.ok) continue;
        const row = doc.split('\n').find((line) => {
          const cells = line.split('|').map((c) => c.trim());
          return cells[1]?.includes(`\`${source}\``) && cells[2]?.includes(`\`${target}\``);
        });
        expect(row?.split('|')[3]?.trim(), `${source} -> ${target}`).toBe(`\`${rule.kind}\``);
      }
    }
  });

  it('states every limit of the format and every run limit in its Limits section', () => {
    const section = doc.slice(
      doc.indexOf('## Limits: what a run can hold'),
      doc.indexOf('## Canonical form'),
    );
    const limits = {
      ...Object.fromEntries(Object.entries(fields).filter(([name]) => /^(MAX|MIN)_/.test(name))),
      MAX_PATTERN_LENGTH,
      MAX_MATCHED_VALUE_LENGTH,
      ...DEFAULT_RUN_LIMITS,
    };
    const missing = Object.entries(limits).filter(
      ([, n]) => !section.includes(String(n)) && !section.includes(Number(n).toLocaleString('en-US')),
    );
    expect(missing).toEqual([]);
  });

  it('ends with a complete example that validates', () => {
    const blocks = [...doc.matchAll(/```json\n([\s\S]*?)```/g)];
    const example = blocks[blocks.length - 1]?.[1] ?? '';
    const result = parseDocument(example);
    expect(result.ok ? 'valid' : result.errors).toBe('valid');
  });
});
