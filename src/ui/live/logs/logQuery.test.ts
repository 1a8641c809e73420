import { describe, expect, it } from 'vitest';
import { initialLogQuery, logQueryOf } from './logQuery';

describe('log query form', () => {
  it('reads a blank To as up to now, with now included', () => {
    expect(logQueryOf({ ...initialLogQuery, fromSec: '2' }, 9000)).toEqual({
      query: { startMs: 2000, endMs: 9001, limit: 200 },
    });
  });

  it('filters by service and level only when they are chosen', () => {
    const parsed = logQueryOf({ ...initialLogQuery, service: 'payment', minLevel: 'warn', toSec: '5' }, 0);
    expect(parsed).toEqual({
      query: { startMs: 0, endMs: 5000, limit: 200, service: 'payment', minLevel: 'warn' },
    });
  });

  it('refuses a range that ends before it starts, or times that are not seconds ≥ 0', () => {
    expect(logQueryOf({ ...initialLogQuery, fromSec: '5', toSec: '5' }, 0)).toEqual({
      problem: 'To must be after From',
    });
    expect(logQueryOf({ ...initialLogQuery, fromSec: '-1' }, 0)).toEqual({
      problem: 'From and To must be seconds ≥ 0',
    });
    expect(logQueryOf({ ...initialLogQuery, toSec: 'soon' }, 0)).toEqual({
      problem: 'From and To must be seconds ≥ 0',
    });
  });

  it('takes a whole limit from 1 to 5000', () => {
    for (const limit of ['0', '2.5', '5001', 'all'])
      expect(logQueryOf({ ...initialLogQuery, limit }, 1000)).toEqual({
        problem: 'Limit must be a whole number from 1 to 5000',
      });
    expect(logQueryOf({ ...initialLogQuery, limit: '5000' }, 1000)).toMatchObject({ query: { limit: 5000 } });
  });
});
