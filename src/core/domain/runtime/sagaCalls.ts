import { CAUSE, type FailureCause } from '../../metrics/failureCause';
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

/** A service's answer to a saga call: its status and, for a failure, the failure's cause. */
export interface SagaAnswer {
  readonly status: number;
  readonly cause: FailureCause;
}

const answer = (status: number, cause: FailureCause): SagaAnswer => Object.freeze({ status, cause });

/** The answer for a performed step that succeeded. */
const OK_ANSWER = answer(200, CAUSE.none);
/** The answer to a saga call the caller already gave up on (its deadline passed). */
export const ABANDONED_ANSWER = answer(504, CAUSE.timeout);
/** The answer to a saga call meant for another service. */
export const WRONG_SERVICE_ANSWER = answer(400, CAUSE.badRequest);

/** Why the saga fails an order, for the reasons that are the domain's own refusals. */
const rejectionCause: Record<OrderFailureReason, FailureCause | null> = {
  unknownUser: CAUSE.unknownEntity,
  inactiveUser: CAUSE.invalidOrder,
  unknownProduct: CAUSE.unknownEntity,
  insufficientStock: CAUSE.outOfStock,
  invalidQuantity: CAUSE.invalidOrder,
  paymentDeclined: CAUSE.paymentDeclined,
  orderConflict: CAUSE.conflict,
  // A service out of reach: the cause is that of the call that failed (a timeout, an open breaker...).
  userServiceUnavailable: null,
  productServiceUnavailable: null,
  inventoryUnavailable: null,
  orderStoreUnavailable: null,
  paymentUnavailable: null,
};

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

/** One constant answer per refusal, so answering allocates nothing. */
const rejectionAnswers = Object.fromEntries(
  Object.entries(rejectionStatus).map(([reason, status]) => [
    reason,
    answer(status, rejectionCause[reason as OrderFailureReason] ?? CAUSE.badRequest),
  ]),
) as Record<OrderFailureReason, SagaAnswer>;

/** What a service answers for a performed step's outcome (performStep never says unavailable). */
export function answerOf(outcome: StepOutcome): SagaAnswer {
  if (outcome.kind === 'rejected') return rejectionAnswers[outcome.reason];
  return outcome.kind === 'ok' ? OK_ANSWER : answer(503, CAUSE.noHealthyUpstream);
}

/** The HTTP status the client gets for an order that failed for `reason`. */
export function failureStatus(reason: OrderFailureReason): number {
  return rejectionStatus[reason];
}

/** The cause of an order that failed for a business reason; null when a service was out of reach. */
export function rejectionCauseOf(reason: OrderFailureReason): FailureCause | null {
  return rejectionCause[reason];
}
