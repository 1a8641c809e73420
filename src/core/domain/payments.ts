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

/**
 * The payment service's state. A charge is idempotent per order id: a retried charge returns the
 * first result without drawing again, so a retry never charges twice.
 */
export class PaymentService {
  private readonly payments = new Map<string, Payment>();
  private totalsMut = { charges: 0, declines: 0, refunds: 0, chargedCents: 0, refundedCents: 0 };

  constructor(readonly declineProbability = 0) {}

  charge(orderId: string, amountCents: number, rng: Rng, nowMs: number): ChargeResult {
    const previous = this.payments.get(orderId);
    if (previous) {
      return previous.status === 'declined'
        ? { status: 'declined' }
        : { status: 'charged', paymentId: previous.paymentId, amountCents: previous.amountCents };
    }
    const declined = rng.next() < this.declineProbability;
    const paymentId = `pay-${orderId}`;
    this.payments.set(orderId, {
      orderId,
      paymentId,
      amountCents,
      status: declined ? 'declined' : 'charged',
      atMs: nowMs,
    });
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
    const p = this.payments.get(orderId);
    if (p?.status !== 'charged') return false;
    this.payments.set(orderId, { ...p, status: 'refunded', atMs: nowMs });
    this.totalsMut.refunds++;
    this.totalsMut.refundedCents += p.amountCents;
    return true;
  }

  /**
   * Drops the record of a finished order's payment, so the service holds a window of recent orders;
   * totals keep counting it. A charge for a forgotten order would draw anew, so only orders whose
   * saga can no longer call (finished) are forgotten.
   */
  forget(orderId: string): void {
    this.payments.delete(orderId);
  }

  /** Payment records held. */
  get size(): number {
    return this.payments.size;
  }

  payment(orderId: string): Payment | undefined {
    return this.payments.get(orderId);
  }

  get totals(): PaymentTotals {
    return { ...this.totalsMut };
  }
}
