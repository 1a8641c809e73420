import type { Rng } from '../engine/rng';

/** A payment as the payment service records it. */
export interface Payment {
  readonly orderId: string;
  readonly paymentId: string;
  readonly amountCents: number;
  readonly status: 'charged' | 'declined' | 'refunded';
  readonly atMs: number;
}

/** Result of a charge: a payment id, or a decline. */
export type ChargeResult =
  | { readonly status: 'charged'; readonly paymentId: string; readonly amountCents: number }
  | { readonly status: 'declined' };

/** Totals of the payment service. */
export interface PaymentTotals {
  readonly charges: number;
  readonly declines: number;
  readonly refunds: number;
  readonly chargedCents: number;
  readonly refundedCents: number;
}

const STATUSES = ['charged', 'declined', 'refunded'] as const;
const CHARGED = 0;
const DECLINED = 1;
const REFUNDED = 2;

/**
 * The payment service's state. A charge is idempotent per order id: a retried charge returns the
 * first result without drawing again, so a retry never charges twice.
 *
 * NOTE: the records sit in columns, one row a payment (rows of forgotten payments reused), not an
 * object each: the service keeps a window of the last 10 000 orders' payments (about a minute and a
 * half in the e-commerce template), so each record outlived the young generation and was copied by
 * the scavenger with the heap number of its time. `payment()` makes the object when asked.
 */
export class PaymentService {
  /** Row of each order's payment. */
  private readonly rows = new Map<string, number>();
  private readonly paymentIds: string[] = [];
  private readonly amounts: number[] = [];
  /** Index into STATUSES. */
  private readonly statuses: number[] = [];
  private readonly times: number[] = [];
  private readonly free: number[] = [];
  private totalsMut = { charges: 0, declines: 0, refunds: 0, chargedCents: 0, refundedCents: 0 };

  constructor(readonly declineProbability = 0) {}

  charge(orderId: string, amountCents: number, rng: Rng, nowMs: number): ChargeResult {
    const previous = this.rows.get(orderId);
    if (previous !== undefined) {
      return this.statuses[previous] === DECLINED
        ? { status: 'declined' }
        : { status: 'charged', paymentId: this.paymentIds[previous]!, amountCents: this.amounts[previous]! };
    }
    const declined = rng.next() < this.declineProbability;
    const paymentId = `pay-${orderId}`;
    this.record(orderId, paymentId, amountCents, declined ? DECLINED : CHARGED, nowMs);
    if (declined) {
      this.totalsMut.declines++;
      return { status: 'declined' };
    }
    this.totalsMut.charges++;
    this.totalsMut.chargedCents += amountCents;
    return { status: 'charged', paymentId, amountCents };
  }

  /** Refunds a charged payment; a no-op (false) otherwise, so a compensation can be retried. */
  refund(orderId: string, nowMs: number): boolean {
    const row = this.rows.get(orderId);
    if (row === undefined || this.statuses[row] !== CHARGED) return false;
    this.statuses[row] = REFUNDED;
    this.times[row] = nowMs;
    this.totalsMut.refunds++;
    this.totalsMut.refundedCents += this.amounts[row]!;
    return true;
  }

  /**
   * Drops the record of a finished order's payment, so the service holds a window of recent orders;
   * totals keep counting it. A charge for a forgotten order would draw anew, so only orders whose
   * saga can no longer call (finished) are forgotten.
   */
  forget(orderId: string): void {
    const row = this.rows.get(orderId);
    if (row === undefined) return;
    this.rows.delete(orderId);
    this.paymentIds[row] = '';
    this.free.push(row);
  }

  /** Payment records held. */
  get size(): number {
    return this.rows.size;
  }

  payment(orderId: string): Payment | undefined {
    const row = this.rows.get(orderId);
    if (row === undefined) return undefined;
    return {
      orderId,
      paymentId: this.paymentIds[row]!,
      amountCents: this.amounts[row]!,
      status: STATUSES[this.statuses[row]!]!,
      atMs: this.times[row]!,
    };
  }

  get totals(): PaymentTotals {
    return { ...this.totalsMut };
  }

  private record(
    orderId: string,
    paymentId: string,
    amountCents: number,
    status: number,
    nowMs: number,
  ): void {
    let row = this.free.pop();
    if (row === undefined) {
      row = this.paymentIds.length;
      this.paymentIds.push(paymentId);
      this.amounts.push(amountCents);
      this.statuses.push(status);
      this.times.push(nowMs);
    } else {
      this.paymentIds[row] = paymentId;
      this.amounts[row] = amountCents;
      this.statuses[row] = status;
      this.times[row] = nowMs;
    }
    this.rows.set(orderId, row);
  }
}
