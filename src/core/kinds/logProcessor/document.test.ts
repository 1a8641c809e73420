import { describe, expect, it } from 'vitest';
import template from '../../../../public/examples/monitoring.json';
import { formatIssue, validateDocument } from '../../model/validate';

const monitoring = (): ReturnType<typeof JSON.parse> => structuredClone(template);

function problems(change: (doc: ReturnType<typeof JSON.parse>) => void): string[] {
  const doc = monitoring();
  change(doc);
  const r = validateDocument(doc);
  return r.ok ? [] : r.errors.map(formatIssue);
}

const processorIndex = monitoring().nodes.findIndex((n: { kind: string }) => n.kind === 'logProcessor');
/** How an error names node `i`: as the canvas shows it, then its index and id. */
const named = (i: number) => {
  const n = monitoring().nodes[i];
  return `${n.label} (nodes[${i}], id "${n.id}")`;
};
const at = `${named(processorIndex)}.config`;

describe('log processor document', () => {
  it('accepts the monitoring template', () => {
    expect(problems(() => {})).toEqual([]);
  });

  it('refuses a bad expression at import with its path and what is wrong', () => {
    expect(problems((d) => (d.nodes[processorIndex].config.filter = "level = 'error'"))).toEqual([
      `${at}.filter: bad expression: unexpected "=" at 7`,
    ]);
    expect(problems((d) => (d.nodes[processorIndex].config.alerts[0].where = 'lower(level'))).toEqual([
      `${at}.alerts[0].where: bad expression: expected ")" at 12`,
    ]);
  });

  it('refuses a pattern RE2 cannot run, with re2js reason', () => {
    const out = problems((d) => (d.nodes[processorIndex].config.patterns[0].pattern = '(?=lookahead)'));
    expect(out).toHaveLength(1);
    const prefix = `${at}.patterns[0].pattern: is not a valid RE2 regular expression: `;
    expect(out[0]!.slice(0, prefix.length)).toBe(prefix);
  });

  it('refuses duplicate alert ids, an aggregate without its field, and a field named like the entry', () => {
    expect(
      problems((d) => {
        const c = d.nodes[processorIndex].config;
        c.alerts[1].id = c.alerts[0].id;
        c.alerts[2].field = undefined;
        c.enrich[0].field = 'level';
      }),
    ).toEqual([
      `${at}.enrich[0].field: must not be one of the entry's own names (service, level, message, timeMs, traceId)`,
      `${at}.alerts[2].field: sum, avg, min and max need the field they aggregate`,
      `${at}.alerts[1].id: duplicate alert id "error-burst"`,
    ]);
  });

  it('refuses an access log that names no log router', () => {
    expect(problems((d) => (d.nodes[2].config.accessLog.target = 'processor'))).toEqual([
      `${named(2)}.config.accessLog.target: "processor" is a log processor, but an access log needs a log router`,
    ]);
  });
});
