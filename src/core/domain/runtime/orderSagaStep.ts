import { CAUSE, type FailureCause } from '../../metrics/failureCause';
import type { Step } from '../../model/schema';
import type { Call, EdgeLink } from '../../sim/edgeLink';
import type { CustomStep } from '../../sim/endpoints';
import type { NodeRequest } from '../../sim/types';
import type { World } from '../../sim/world';
import { orderStreamId } from '../order';
import { performStep, startOrder } from '../orderFlow';
import type {
  OrderRequest,
  OrderSaga,
  SagaCommand,
  SagaService,
  SagaStepName,
  StepOutcome,
} from '../orderSaga';
import { type DomainRuntime, domainOf } from './domainContext';
import { drawOrder } from './orderRequests';
import { failureStatus, rejectionCauseOf, type SAGA_CALL_HEADER, type SagaCall } from './sagaCalls';
import { noteTracedSaga } from './tracedSagas';

/** The edges the order service reaches each saga service over; null = handled in-process. */
export type SagaLinks = Record<SagaService, EdgeLink | null>;

/** Method and path of each step's call on a domain service. */
const routes: Record<SagaStepName, readonly [string, string]> = {
  validateUser: ['GET', '/users'],
  fetchProduct: ['GET', '/products'],
  reserveStock: ['POST', '/inventory/reserve'],
  commitStock: ['POST', '/inventory/commit'],
  releaseStock: ['POST', '/inventory/release'],
  chargePayment: ['POST', '/payments/charge'],
  refundPayment: ['POST', '/payments/refund'],
  createOrder: ['POST', '/append'],
  recordPayment: ['POST', '/append'],
  confirmOrder: ['POST', '/append'],
  failOrder: ['POST', '/append'],
  publishOrderCreated: ['POST', '/publish'],
};

/** Paths a domain service of each kind must serve for the saga. */
export function sagaRoutesOf(kind: SagaService): (readonly [string, string])[] {
  const prefix = {
    user: '/users',
    product: '/products',
    inventory: '/inventory',
    payment: '/payments',
  } as Record<SagaService, string | undefined>;
  const p = prefix[kind];
  return p ? Object.values(routes).filter(([, path]) => path.startsWith(p)) : [];
}

const MAX_RETRY_DELAY_MS = 2000;

interface SagaRun {
  readonly world: World;
  readonly ctx: DomainRuntime;
  readonly saga: OrderSaga;
  readonly links: SagaLinks;
  /** The message step of each store or bus call, built once per order service (never changed). */
  readonly messages: Partial<Record<SagaStepName, Step | null>>;
  readonly req: NodeRequest;
  readonly span: number;
  readonly done: (status: number, cause: FailureCause) => void;
  /** The order's quantity as a header value, built once per order. */
  readonly quantity: string;
  /** Why the order failed, set with the saga's failure reason: the refusal, or the failed call's cause. */
  failCause: FailureCause;
  /** The call in flight: a saga makes one at a time. */
  call: SagaCall | null;
}

/** The domain kind behind a link's target: a domain service, or the service a sidecar fronts. */
function domainKindOf(world: World, link: EdgeLink): string | undefined {
  const byId = (id: string | undefined) => world.document.nodes.find((n) => n.id === id);
  let node = byId(link.target.id);
  if (node?.kind === 'proxy') node = byId(node.config.attachedTo);
  return node?.kind === 'service' ? node.config.domain : undefined;
}

/** Finds, for each saga service, the first outgoing edge of `nodeId` that reaches it. */
export function resolveSagaLinks(world: World, nodeId: string): SagaLinks {
  const links: SagaLinks = {
    user: null,
    product: null,
    inventory: null,
    payment: null,
    orderStore: null,
    bus: null,
  };
  for (const link of world.linksFrom(nodeId)) {
    const kind = link.target.kind;
    if (kind === 'eventStore') links.orderStore ??= link;
    else if (kind === 'eventBus') links.bus ??= link;
    else {
      const d = domainKindOf(world, link);
      if (d === 'user' || d === 'product' || d === 'inventory' || d === 'payment') links[d] ??= link;
    }
  }
  return links;
}

function messageStep(cmd: SagaCommand, link: EdgeLink, topic: string): Step | null {
  if (cmd.service === 'orderStore') return { kind: 'append', target: link.target.id, eventType: cmd.step };
  if (cmd.service === 'bus') return { kind: 'publish', target: link.target.id, topic, key: 'x-order-id' };
  return null;
}

function headersOf(call: SagaCall, r: OrderRequest, quantity: string): Record<string, string> {
  // NOTE: literal keys (SAGA_CALL_HEADER's value), so the object is built from one boilerplate.
  return {
    'x-saga-call': call.id,
    'x-order-id': r.orderId,
    'x-user-id': r.userId,
    'x-product-id': r.productId,
    'x-quantity': quantity,
  } satisfies Record<typeof SAGA_CALL_HEADER | `x-${string}`, string>;
}

/** Runs the saga's next call, or ends the request when the saga is finished. */
function drive(run: SagaRun): void {
  const { saga, ctx, world } = run;
  const cmd = saga.command();
  if (!cmd) {
    ctx.domain.ledger.finish(saga);
    ctx.calls.forget(saga.request.orderId);
    ctx.domain.orders.release(orderStreamId(saga.request.orderId));
    if (saga.step === 'completed') run.done(201, CAUSE.none);
    else run.done(failureStatus(saga.failureReason!), run.failCause);
    return;
  }
  const link = run.links[cmd.service];
  if (!link) {
    // No such node in the diagram: the order service does the step in-process.
    advance(run, performStep(ctx.domain, cmd, ctx.rng, world.sim.now), CAUSE.none);
    return;
  }
  const call = ctx.calls.open(cmd);
  run.call = call;
  const [method, path] = routes[cmd.step];
  let step = run.messages[cmd.step];
  if (step === undefined) {
    step = messageStep(cmd, link, ctx.domain.orderCreatedTopic);
    run.messages[cmd.step] = step;
  }
  link.call(
    method,
    path,
    headersOf(call, cmd.request, run.quantity),
    step,
    run.req.trace,
    run.span,
    callDone,
    run,
  );
}

function callDone(run: SagaRun, _status: number, call: Call): void {
  // A reply lost after the callee acted is reconciled by the idempotency key: the recorded outcome
  // counts. Without one the step never took effect and never will (the callee drops late calls),
  // and the call's failure is why (a success without a record: the callee did not perform it).
  const recorded = run.ctx.calls.close(run.call!);
  run.call = null;
  advance(
    run,
    recorded ?? { kind: 'unavailable' },
    call.cause === CAUSE.none ? CAUSE.badRequest : call.cause,
  );
}

/** Applies a step's outcome; `unreachable` is why the service could not be reached, if it could not. */
function advance(run: SagaRun, outcome: StepOutcome, unreachable: FailureCause): void {
  const saga = run.saga;
  const before = saga.step;
  const hadFailed = saga.failureReason !== undefined;
  saga.advance(outcome, run.world.sim.now);
  if (!hadFailed && saga.failureReason !== undefined)
    run.failCause = rejectionCauseOf(saga.failureReason) ?? unreachable;
  if (saga.step === before && !saga.done) {
    // A step that must eventually succeed (after the pivot, or a compensation) is retried with backoff.
    const delay = Math.min(MAX_RETRY_DELAY_MS, 50 * 2 ** Math.min(saga.attempt - 1, 10));
    run.world.sim.schedule(delay, drive, run);
    return;
  }
  run.world.sim.schedule(0, drive, run);
}

/**
 * The create-order endpoint's business step: draws the order from the request (see drawOrder),
 * starts a saga and drives it one real call at a time over the order service's edges (user,
 * product, inventory and payment services, the event store, the bus), so their latency, errors,
 * breakers and faults decide the outcome. The client gets 201, or the failure's status (404 unknown
 * user or product, 409 out of stock, 402 declined, 503 a service down). Saga state is durable: a
 * saga whose order-service instance dies still runs to its end; only the client's reply is lost.
 */
export function orderSagaStep(world: World, nodeId: string): CustomStep {
  let links: SagaLinks | null = null;
  const messages: Partial<Record<SagaStepName, Step | null>> = {};
  return {
    kind: 'custom',
    run(req, span, done) {
      links ??= resolveSagaLinks(world, nodeId);
      const ctx = domainOf(world);
      const saga = startOrder(ctx.domain, drawOrder(ctx, req.headers));
      if (req.trace) noteTracedSaga(req.trace, saga);
      const quantity = String(saga.request.quantity);
      drive({
        world,
        ctx,
        saga,
        links,
        messages,
        req,
        span,
        done,
        quantity,
        failCause: CAUSE.none,
        call: null,
      });
    },
  };
}
