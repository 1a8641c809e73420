import { describe, expect, it } from 'vitest';
import doc from '../../../docs/failure-causes.md?raw';
import { CAUSE, CAUSE_INFO, FAILURE_CAUSES, refusalStatus } from './failureCause';

/** The rows of the causes table: key, label, status, where it starts. */
const rows = doc
  .split('\n')
  .filter((line) => line.startsWith('| `'))
  .map((line) =>
    line
      .split('|')
      .slice(1, -1)
      .map((cell) => cell.trim()),
  );

describe('docs/failure-causes.md', () => {
  it('lists every cause once, in code order, with its label', () => {
    expect(rows.map((r) => r[0])).toEqual(FAILURE_CAUSES.map((c) => `\`${c}\``));
    for (const [key, label] of rows) expect(label).toBe(CAUSE_INFO[key!.slice(1, -1) as 'timeout'].label);
  });

  it("gives each cause the status its node answers with ('no response' for none)", () => {
    for (const [key, , status] of rows) {
      const code = CAUSE[key!.slice(1, -1) as 'timeout'];
      const expected = refusalStatus(code) === 0 ? 'no response' : String(refusalStatus(code));
      expect(status!.split(' / ')).toContain(expected);
    }
  });
});
