import { describe, expect, it } from 'vitest';
import { checkStock } from './invariants';
import { Inventory } from './inventory';

function inv(): Inventory {
  const i = new Inventory();
  i.addProduct('p', 10);
  return i;
}

describe('Inventory', () => {
  it('refuses a reservation beyond the stock on hand and never goes negative', () => {
    const i = inv();
    expect(i.reserve('o1', 'p', 8)).toEqual({ ok: true });
    expect(i.reserve('o2', 'p', 3)).toEqual({ ok: false, reason: 'insufficientStock' });
    expect(i.level('p')).toMatchObject({ onHand: 2, reserved: 8 });
    expect(i.reserve('o3', 'x', 1)).toEqual({ ok: false, reason: 'unknownProduct' });
    expect(i.reserve('o4', 'p', 0)).toEqual({ ok: false, reason: 'invalidQuantity' });
  });

  it('conserves received = onHand + reserved + sold through reserve, commit, release and restock', () => {
    const i = inv();
    i.reserve('o1', 'p', 3);
    i.reserve('o2', 'p', 4);
    i.commit('o1');
    i.release('o2');
    i.restock('p', 5);
    expect(i.level('p')).toEqual({ productId: 'p', received: 15, onHand: 12, reserved: 0, sold: 3 });
    expect(checkStock(i)).toEqual([]);
  });

  it('treats a repeated reservation of the same order as a retry and a second release as a no-op', () => {
    const i = inv();
    expect(i.reserve('o1', 'p', 3).ok).toBe(true);
    expect(i.reserve('o1', 'p', 3).ok).toBe(true);
    expect(i.reserve('o1', 'p', 4)).toEqual({ ok: false, reason: 'orderHasReservation' });
    expect(i.level('p')!.reserved).toBe(3);
    expect([i.release('o1'), i.release('o1'), i.commit('o1')]).toEqual([true, false, false]);
    expect(i.level('p')!.onHand).toBe(10);
  });
});
