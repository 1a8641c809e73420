import { describe, expect, it } from 'vitest';
import { formatCount } from './liveFormat';

describe('formatCount', () => {
  it('keeps every count to five characters or fewer, so a queue badge fits its card', () => {
    const cases: [number, string][] = [
      [0, '0'],
      [950, '950'],
      [9999, '9999'],
      [12_345, '12.3k'],
      [99_949, '99.9k'],
      [99_950, '100k'],
      [500_300, '500k'],
      [999_499, '999k'],
      [999_500, '1.0M'],
      [1_234_567, '1.2M'],
      [98_700_000, '98.7M'],
    ];
    for (const [n, text] of cases) expect(formatCount(n), String(n)).toBe(text);
    for (let n = 1; n < 1e8; n *= 1.37) expect(formatCount(n).length, String(n)).toBeLessThanOrEqual(5);
  });
});
