/** Stock of one product. `received` counts the initial stock plus restocks. */
export interface StockLevel {
  readonly productId: string;
  readonly received: number;
  readonly onHand: number;
  readonly reserved: number;
  readonly sold: number;
}

/** A hold on stock for one order until it is committed (sold) or released. */
export interface Reservation {
  readonly orderId: string;
  readonly productId: string;
  readonly quantity: number;
}

/** Why a reservation was refused. */
type ReserveFailure = 'unknownProduct' | 'insufficientStock' | 'invalidQuantity' | 'orderHasReservation';

/** Result of a reservation. */
export type ReserveResult = { readonly ok: true } | { readonly ok: false; readonly reason: ReserveFailure };

interface MutableLevel {
  productId: string;
  received: number;
  onHand: number;
  reserved: number;
  sold: number;
}

/**
 * The inventory service's state. Stock moves onHand -> reserved -> sold (or back to onHand on
 * release), so received = onHand + reserved + sold always holds and nothing goes negative.
 */
export class Inventory {
  private readonly levels = new Map<string, MutableLevel>();
  private readonly reservations = new Map<string, Reservation>();

  addProduct(productId: string, initialStock: number): void {
    if (!Number.isInteger(initialStock) || initialStock < 0)
      throw new RangeError('initial stock must be >= 0');
    this.levels.set(productId, {
      productId,
      received: initialStock,
      onHand: initialStock,
      reserved: 0,
      sold: 0,
    });
  }

  restock(productId: string, quantity: number): boolean {
    const l = this.levels.get(productId);
    if (!l || !Number.isInteger(quantity) || quantity <= 0) return false;
    l.received += quantity;
    l.onHand += quantity;
    return true;
  }

  /** Holds stock for an order; a repeat of the same reservation is accepted (idempotent retry). */
  reserve(orderId: string, productId: string, quantity: number): ReserveResult {
    const existing = this.reservations.get(orderId);
    if (existing) {
      const same = existing.productId === productId && existing.quantity === quantity;
      return same ? { ok: true } : { ok: false, reason: 'orderHasReservation' };
    }
    const l = this.levels.get(productId);
    if (!l) return { ok: false, reason: 'unknownProduct' };
    if (!Number.isInteger(quantity) || quantity <= 0) return { ok: false, reason: 'invalidQuantity' };
    if (l.onHand < quantity) return { ok: false, reason: 'insufficientStock' };
    l.onHand -= quantity;
    l.reserved += quantity;
    this.reservations.set(orderId, { orderId, productId, quantity });
    return { ok: true };
  }

  /** Turns an order's reservation into a sale; false when it holds none. */
  commit(orderId: string): boolean {
    const r = this.reservations.get(orderId);
    if (!r) return false;
    const l = this.levels.get(r.productId)!;
    l.reserved -= r.quantity;
    l.sold += r.quantity;
    this.reservations.delete(orderId);
    return true;
  }

  /** Returns an order's reserved stock to onHand; a no-op (false) when it holds none, so it is safe to retry. */
  release(orderId: string): boolean {
    const r = this.reservations.get(orderId);
    if (!r) return false;
    const l = this.levels.get(r.productId)!;
    l.reserved -= r.quantity;
    l.onHand += r.quantity;
    this.reservations.delete(orderId);
    return true;
  }

  level(productId: string): StockLevel | undefined {
    const l = this.levels.get(productId);
    return l ? { ...l } : undefined;
  }

  reservation(orderId: string): Reservation | undefined {
    return this.reservations.get(orderId);
  }

  /** Every product's stock, for metrics and invariants. */
  allLevels(): StockLevel[] {
    return [...this.levels.values()].map((l) => ({ ...l }));
  }

  /** Open reservations, for invariants (reserved must equal their sum per product). */
  openReservations(): Reservation[] {
    return [...this.reservations.values()];
  }
}
