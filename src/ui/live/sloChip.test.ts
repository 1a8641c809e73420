import { describe, expect, it } from 'vitest';
import { chipText } from './sloChip';

const reading = (state: 'waiting' | 'open' | 'final', ok: boolean, observed: number | null) => ({
  id: 'p99',
  state,
  ok,
  observed,
  op: '<=' as const,
  value: 300,
});

describe('chipText', () => {
  it('reads waiting until the window has run time, whatever the verdict field says', () => {
    expect(chipText(undefined).className).toBe('slo-chip is-waiting');
    expect(chipText(reading('waiting', true, null))).toEqual({
      value: 'waiting',
      state: 'waiting',
      className: 'slo-chip is-waiting',
    });
  });

  it('is green or red by the value so far, and marked final once the window is over', () => {
    expect(chipText(reading('open', true, 123.456789))).toEqual({
      value: '123.5',
      state: 'open',
      className: 'slo-chip is-ok',
    });
    expect(chipText(reading('final', false, 2759.2)).className).toBe('slo-chip is-failed is-final');
  });
});
