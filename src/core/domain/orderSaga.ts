/** A request to create an order. */
export interface OrderRequest {
  readonly orderId: string;
  readonly userId: string;
  readonly productId: string;
  readonly quantity: number;
}

/** Steps of the create-order saga: forward steps, then compensations. */
export type SagaStepName =
  | 'validateUser'
  | 'fetchProduct'
  | 'reserveStock'
  | 'createOrder'
  | 'chargePayment'
  | 'recordPayment'
  | 'commitStock'
  | 'confirmOrder'
  | 'publishOrderCreated'
  | 'refundPayment'
  | 'releaseStock'
  | 'failOrder';

/** The forward steps of the saga, in the order they run. */
export const SAGA_FORWARD_STEPS = [
  'validateUser',
  'fetchProduct',
  'reserveStock',
  'createOrder',
  'chargePayment',
  'recordPayment',
  'commitStock',
  'confirmOrder',
  'publishOrderCreated',
] as const satisfies readonly SagaStepName[];

/** The steps that undo a failure before the pivot, in the order they run. */
export const SAGA_COMPENSATIONS = [
  'refundPayment',
  'releaseStock',
  'failOrder',
] as const satisfies readonly SagaStepName[];

/** The service a step calls; the runtime maps it to a node of the diagram. */
export type SagaService = 'user' | 'product' | 'inventory' | 'orderStore' | 'payment' | 'bus';

/** Why an order failed. */
export type OrderFailureReason =
  | 'unknownUser'
  | 'inactiveUser'
  | 'unknownProduct'
  | 'insufficientStock'
  | 'invalidQuantity'
  | 'paymentDeclined'
  | 'orderConflict'
  | 'userServiceUnavailable'
  | 'productServiceUnavailable'
  | 'inventoryUnavailable'
  | 'orderStoreUnavailable'
  | 'paymentUnavailable';

/** What a step's call returned: success (with data), a business refusal, or the service was unreachable. */
export type StepOutcome =
  | { readonly kind: 'ok'; readonly priceCents?: number; readonly paymentId?: string }
  | { readonly kind: 'rejected'; readonly reason: OrderFailureReason }
  | { readonly kind: 'unavailable' };

/** The call the runtime must make next. */
export interface SagaCommand {
  readonly step: SagaStepName;
  readonly service: SagaService;
  readonly request: OrderRequest;
  readonly amountCents: number;
  readonly paymentId: string | undefined;
  readonly failureReason: OrderFailureReason | undefined;
  /** Earlier attempts of this same step (retries of retriable steps). */
  readonly attempt: number;
}

/** One recorded transition, for the step-through view. */
export interface SagaTransition {
  readonly step: SagaStepName;
  readonly outcome: StepOutcome['kind'];
  readonly next: SagaStepName | 'completed' | 'failed';
  readonly atMs: number;
}

const serviceOf: Record<SagaStepName, SagaService> = {
  validateUser: 'user',
  fetchProduct: 'product',
  reserveStock: 'inventory',
  createOrder: 'orderStore',
  chargePayment: 'payment',
  recordPayment: 'orderStore',
  commitStock: 'inventory',
  confirmOrder: 'orderStore',
  publishOrderCreated: 'bus',
  refundPayment: 'payment',
  releaseStock: 'inventory',
  failOrder: 'orderStore',
};

/** Reason used when a step's service is unreachable before the pivot. */
const unavailableReason: Partial<Record<SagaStepName, OrderFailureReason>> = {
  validateUser: 'userServiceUnavailable',
  fetchProduct: 'productServiceUnavailable',
  reserveStock: 'inventoryUnavailable',
  createOrder: 'orderStoreUnavailable',
  chargePayment: 'paymentUnavailable',
  recordPayment: 'orderStoreUnavailable',
  commitStock: 'inventoryUnavailable',
};

/** Steps after the pivot (the stock commit) and compensations: they must eventually succeed, so they retry. */
const retriable = new Set<SagaStepName>([
  'confirmOrder',
  'publishOrderCreated',
  'refundPayment',
  'releaseStock',
  'failOrder',
]);

const HISTORY_LIMIT = 64;

/**
 * The create-order saga as a state machine the runtime drives one call at a time: `command()` says
 * which service to call, `advance(outcome)` moves on. Before the stock commit (the pivot) a failure
 * compensates in reverse (refund, release stock, fail the order); after it, steps are retried
 * until they succeed, so a confirmed order is always published exactly once.
 */
export class OrderSaga {
  step: SagaStepName | 'completed' | 'failed' = 'validateUser';
  amountCents = 0;
  paymentId: string | undefined = undefined;
  failureReason: OrderFailureReason | undefined = undefined;
  /** Effects not yet undone: each is cleared by its commit or its compensation. */
  stockHeld = false;
  orderOpen = false;
  chargeHeld = false;
  attempt = 0;
  readonly history: SagaTransition[] = [];
  /** Transitions recorded, including those beyond the kept history. */
  transitions = 0;

  constructor(readonly request: OrderRequest) {}

  get done(): boolean {
    return this.step === 'completed' || this.step === 'failed';
  }

  get compensating(): boolean {
    return this.failureReason !== undefined && !this.done;
  }

  /** The next call to make, or undefined when the saga is finished. */
  command(): SagaCommand | undefined {
    if (this.step === 'completed' || this.step === 'failed') return undefined;
    return {
      step: this.step,
      service: serviceOf[this.step],
      request: this.request,
      amountCents: this.amountCents,
      paymentId: this.paymentId,
      failureReason: this.failureReason,
      attempt: this.attempt,
    };
  }

  /** Applies the outcome of the current step's call and moves to the next step. */
  advance(outcome: StepOutcome, nowMs: number): SagaTransition {
    const step = this.step;
    if (step === 'completed' || step === 'failed') throw new Error('the saga is already finished');
    const next = this.transition(step, outcome);
    this.attempt = next === step ? this.attempt + 1 : 0;
    this.step = next;
    const t: SagaTransition = { step, outcome: outcome.kind, next, atMs: nowMs };
    if (this.history.length < HISTORY_LIMIT) this.history.push(t);
    this.transitions++;
    return t;
  }

  private transition(step: SagaStepName, outcome: StepOutcome): SagaStepName | 'completed' | 'failed' {
    if (outcome.kind === 'unavailable') {
      if (retriable.has(step)) return step;
      return this.fail(unavailableReason[step]!);
    }
    if (outcome.kind === 'rejected') {
      // A compensation or post-pivot step cannot be refused by business rules; retry it.
      if (retriable.has(step)) return step;
      return this.fail(outcome.reason);
    }
    switch (step) {
      case 'validateUser':
        return 'fetchProduct';
      case 'fetchProduct':
        this.amountCents = (outcome.priceCents ?? 0) * this.request.quantity;
        return 'reserveStock';
      case 'reserveStock':
        this.stockHeld = true;
        return 'createOrder';
      case 'createOrder':
        this.orderOpen = true;
        return 'chargePayment';
      case 'chargePayment':
        this.chargeHeld = true;
        this.paymentId = outcome.paymentId;
        return 'recordPayment';
      case 'recordPayment':
        return 'commitStock';
      case 'commitStock':
        this.stockHeld = false;
        return 'confirmOrder';
      case 'confirmOrder':
        return 'publishOrderCreated';
      case 'publishOrderCreated':
        return 'completed';
      case 'refundPayment':
        this.chargeHeld = false;
        return this.nextCompensation();
      case 'releaseStock':
        this.stockHeld = false;
        return this.nextCompensation();
      case 'failOrder':
        this.orderOpen = false;
        return this.nextCompensation();
    }
  }

  private fail(reason: OrderFailureReason): SagaStepName | 'failed' {
    this.failureReason = reason;
    return this.nextCompensation();
  }

  /** Compensations run in reverse order of the forward steps they undo. */
  private nextCompensation(): SagaStepName | 'failed' {
    if (this.chargeHeld) return 'refundPayment';
    if (this.stockHeld) return 'releaseStock';
    if (this.orderOpen) return 'failOrder';
    return 'failed';
  }
}
