import { describe, expect, it } from 'vitest';
import { findingIds, node } from '../analysis.testkit';
import { readModelSourceRule } from './readModelSource';

describe('readModelSourceRule', () => {
  it('flags a read model without a source', () => {
    expect(findingIds(readModelSourceRule, [node('rm', 'readModel')])).toEqual([
      'read-model-without-source:rm',
    ]);
  });
  it('accepts a read model with a source event store', () => {
    expect(
      findingIds(readModelSourceRule, [node('es', 'eventStore'), node('rm', 'readModel', { source: 'es' })]),
    ).toEqual([]);
  });
});
