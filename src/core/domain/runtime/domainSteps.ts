import type { CustomStep } from '../../sim/endpoints';
import type { NodeRequest } from '../../sim/types';
import type { World } from '../../sim/world';
import { performStep } from '../orderFlow';
import type { SagaService } from '../orderSaga';
import { domainOf, peekDomain } from './domainContext';
import { statusOf } from './sagaCalls';

/** Status a callee answers for a saga call that the caller already gave up on (its deadline passed). */
export const ABANDONED_STATUS = 504;

/**
 * Answers a saga call as the service `service`: performs its command once (idempotent per order
 * and step) on the run's domain state and returns the HTTP status. Returns -1 when the request is
 * not a saga call; 504 when the caller no longer waits; 400 when the command is for another service.
 */
export function answerSagaCall(world: World, req: NodeRequest, service: SagaService): number {
  // Saga calls come from the order domain: a run that has none has no saga call to answer (and
  // must not grow an empty orders section in its summary).
  const ctx = peekDomain(world);
  if (ctx === undefined) return -1;
  const call = ctx.calls.callOf(req);
  if (call === null) return -1;
  if (call === undefined || !call.open) return ABANDONED_STATUS;
  if (call.cmd.service !== service) return 400;
  const now = world.sim.now;
  return statusOf(ctx.calls.perform(call, (cmd) => performStep(ctx.domain, cmd, ctx.rng, now)));
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
 * browsing `GET /products` with `x-product-id: p404` gets a real 404.
 */
function plainLookup(world: World, kind: string, req: NodeRequest): number {
  const d = domainOf(world).domain;
  if (kind === 'user') {
    const id = req.headers['x-user-id'];
    return id === undefined || d.users.get(id) ? 200 : 404;
  }
  if (kind === 'product' || kind === 'inventory') {
    const id = req.headers['x-product-id'];
    return id === undefined || d.catalog.get(id) ? 200 : 404;
  }
  return 200;
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
      const saga = service ? answerSagaCall(world, req, service) : -1;
      done(saga >= 0 ? saga : plainLookup(world, kind, req));
    },
  };
}
