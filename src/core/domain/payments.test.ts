import { describe, expect, it } from 'vitest';
import { Sfc32 } from '../engine/rng';
import { PaymentService } from './payments';

describe('PaymentService', () => {
  it('is idempotent per order: a retried charge returns the first result and charges once', () => {
    const p = new PaymentService(0);
    const rng = new Sfc32(3);
    const first = p.charge('o1', 500, rng, 0);
    const again = p.charge('o1', 500, rng, 1);
    expect(again).toEqual(first);
    expect(p.totals).toMatchObject({ charges: 1, chargedCents: 500 });
  });

  it('declines at about the configured probability, deterministically per seed', () => {
    const count = (seed: number) => {
      const p = new PaymentService(0.3);
      const rng = new Sfc32(seed);
      for (let i = 0; i < 2000; i++) p.charge(`o${i}`, 100, rng, 0);
      return p.totals.declines;
    };
    expect(count(9)).toBe(count(9));
    expect(count(9)).toBeGreaterThan(520);
    expect(count(9)).toBeLessThan(680);
  });

  it('refunds a charged payment once and nothing else', () => {
    const p = new PaymentService(0);
    p.charge('o1', 700, new Sfc32(1), 0);
    expect([p.refund('o1', 1), p.refund('o1', 2), p.refund('nope', 3)]).toEqual([true, false, false]);
    expect(p.totals.refundedCents).toBe(700);
    expect(p.payment('o1')?.status).toBe('refunded');
  });
});
