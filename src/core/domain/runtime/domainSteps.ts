import { CAUSE } from '../../metrics/failureCause';
import type { CustomStep } from '../../sim/endpoints';
import type { NodeRequest } from '../../sim/types';
import type { World } from '../../sim/world';
import { performStep } from '../orderFlow';
import type { SagaService } from '../orderSaga';
import { domainOf, peekDomain } from './domainContext';
import { ABANDONED_ANSWER, answerOf, type SagaAnswer, WRONG_SERVICE_ANSWER } from './sagaCalls';

/**
 * Answers a saga call as the service `service`: performs its command once (idempotent per order
 * and step) on the run's domain state and returns the answer. Returns null when the request is
 * not a saga call; a timeout (504) when the caller no longer waits; a bad request (400) when the
 * command is for another service.
 */
export function answerSagaCall(world: World, req: NodeRequest, service: SagaService): SagaAnswer | null {
  // Saga calls come from the order domain: a run that has none has no saga call to answer (and
  // must not grow an empty orders section in its summary).
  const ctx = peekDomain(world);
  if (ctx === undefined) return null;
  const call = ctx.calls.callOf(req);
  if (call === null) return null;
  if (call === undefined || !call.open) return ABANDONED_ANSWER;
  if (call.cmd.service !== service) return WRONG_SERVICE_ANSWER;
  const now = world.sim.now;
  return answerOf(ctx.calls.perform(call, (cmd) => performStep(ctx.domain, cmd, ctx.rng, now)));
}

/** Which saga service a domain kind of service node plays. */
const sagaServiceOf: Partial<Record<string, SagaService>> = {
  user: 'user',
  product: 'product',
  inventory: 'inventory',
  payment: 'payment',
};

/**
 * A plain (non-saga) request to a domain service: a lookup of the id its headers name, so a client
 * browsing `GET /products` with `x-product-id: p404` gets a real 404. True when the id is known.
 */
function plainLookup(world: World, kind: string, req: NodeRequest): boolean {
  const d = domainOf(world).domain;
  if (kind === 'user') {
    const id = req.headers['x-user-id'];
    return id === undefined || d.users.get(id) !== undefined;
  }
  if (kind === 'product' || kind === 'inventory') {
    const id = req.headers['x-product-id'];
    return id === undefined || d.catalog.get(id) !== undefined;
  }
  return true;
}

/**
 * The business step of a domain service's endpoints, run after the endpoint's own steps: saga calls
 * are performed on the shared domain state; other requests are read-only lookups.
 */
export function domainStep(world: World, kind: string): CustomStep {
  const service = sagaServiceOf[kind];
  return {
    kind: 'custom',
    run(req, _span, done) {
      const saga = service ? answerSagaCall(world, req, service) : null;
      if (saga) done(saga.status, saga.cause);
      else if (plainLookup(world, kind, req)) done(200, CAUSE.none);
      else done(404, CAUSE.unknownEntity);
    },
  };
}
