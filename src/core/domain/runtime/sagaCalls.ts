import type { NodeRequest } from '../../sim/types';
import type { OrderFailureReason, SagaCommand, SagaStepName, StepOutcome } from '../orderSaga';

/** Header that carries a saga call's id from the order service to the service performing it. */
export const SAGA_CALL_HEADER = 'x-saga-call';

/**
 * One call the order saga has in flight; `open` turns false when the caller stops waiting. Its
 * idempotency key, the same for every retry of one step of one order, is the order id and the step.
 */
export interface SagaCall {
  readonly id: string;
  readonly cmd: SagaCommand;
  open: boolean;
}

/** The outcomes one order's steps recorded, by step. */
type OrderOutcomes = Partial<Record<SagaStepName, StepOutcome>>;

/**
 * The saga's calls in flight and the outcomes already performed, by idempotency key. A callee
 * performs a command at most once per key (a retry gets the first result, like an idempotency key
 * on a real API) and never after the caller gave up on the call (deadline propagation), so a late
 * request cannot take effect behind the saga's back. Entries are dropped when the order finishes.
 */
export class SagaCallRegistry {
  private next = 1;
  private readonly calls = new Map<string, SagaCall>();
  /** Recorded outcomes by order id, then step: one entry per order, dropped in one go. */
  private readonly outcomes = new Map<string, OrderOutcomes>();
  private recorded = 0;

  /** Registers a call about to be sent. */
  open(cmd: SagaCommand): SagaCall {
    const call: SagaCall = { id: String(this.next++), cmd, open: true };
    this.calls.set(call.id, call);
    return call;
  }

  /** The caller stops waiting; returns what the callee recorded for the step, if it performed it. */
  close(call: SagaCall): StepOutcome | undefined {
    call.open = false;
    this.calls.delete(call.id);
    return this.outcomes.get(call.cmd.request.orderId)?.[call.cmd.step];
  }

  /** The open call a request carries, or undefined (no header, or the caller gave up). */
  callOf(req: NodeRequest): SagaCall | undefined | null {
    const id = req.headers[SAGA_CALL_HEADER];
    if (id === undefined) return null;
    return this.calls.get(id);
  }

  /** Performs a call's command once per idempotency key and records the outcome. */
  perform(call: SagaCall, perform: (cmd: SagaCommand) => StepOutcome): StepOutcome {
    const { request, step } = call.cmd;
    let byStep = this.outcomes.get(request.orderId);
    const recorded = byStep?.[step];
    if (recorded) return recorded;
    const outcome = perform(call.cmd);
    if (byStep === undefined) {
      byStep = {};
      this.outcomes.set(request.orderId, byStep);
    }
    byStep[step] = outcome;
    this.recorded++;
    return outcome;
  }

  /** Drops the recorded outcomes of a finished order, keeping memory flat over long runs. */
  forget(orderId: string): void {
    const byStep = this.outcomes.get(orderId);
    if (byStep === undefined) return;
    this.recorded -= Object.keys(byStep).length;
    this.outcomes.delete(orderId);
  }

  /** Calls in flight and outcomes kept, for leak checks. */
  get size(): { calls: number; outcomes: number } {
    return { calls: this.calls.size, outcomes: this.recorded };
  }
}

const rejectionStatus: Record<OrderFailureReason, number> = {
  unknownUser: 404,
  inactiveUser: 403,
  unknownProduct: 404,
  insufficientStock: 409,
  invalidQuantity: 422,
  paymentDeclined: 402,
  orderConflict: 409,
  userServiceUnavailable: 503,
  productServiceUnavailable: 503,
  inventoryUnavailable: 503,
  orderStoreUnavailable: 503,
  paymentUnavailable: 503,
};

/** The HTTP status a service answers for a step outcome (and the order service for a failed order). */
export function statusOf(outcome: StepOutcome): number {
  if (outcome.kind === 'ok') return 200;
  if (outcome.kind === 'unavailable') return 503;
  return rejectionStatus[outcome.reason];
}

/** The HTTP status the client gets for an order that failed for `reason`. */
export function failureStatus(reason: OrderFailureReason): number {
  return rejectionStatus[reason];
}
