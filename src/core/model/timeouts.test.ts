import { describe, expect, it } from 'vitest';
import { tighterTimeoutMs } from './timeouts';

describe('tighterTimeoutMs', () => {
  it('takes the smaller of two set timeouts', () => {
    expect(tighterTimeoutMs(500, 200)).toBe(200);
    expect(tighterTimeoutMs(200, 500)).toBe(200);
  });

  it('treats 0 as no timeout, so the other side applies alone', () => {
    expect(tighterTimeoutMs(0, 300)).toBe(300);
    expect(tighterTimeoutMs(300, 0)).toBe(300);
    expect(tighterTimeoutMs(0, 0)).toBe(0);
  });
});
