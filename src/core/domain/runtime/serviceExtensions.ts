import { DeliveryRequest, subscriptionPath } from '../../components/runtimes/eventBusRuntime';
import { CAUSE } from '../../metrics/failureCause';
import type { NodeOfKind } from '../../model/schema';
import {
  type CustomStep,
  compileSteps,
  type Endpoint,
  type LinkLookup,
  ServiceResolver,
  workStep,
} from '../../sim/endpoints';
import type { World } from '../../sim/world';
import type { OrderCreatedMessage } from '../orderFlow';
import type { SagaService } from '../orderSaga';
import { domainOf } from './domainContext';
import { domainStep } from './domainSteps';
import { orderSagaStep, sagaRoutesOf } from './orderSagaStep';

/** An endpoint a service resolves by method and path. */
export type RoutedEndpoint = Endpoint & { method: string; path: string };

/** The notification consumer's business step: one notification per order_created, deduplicated. */
function notificationStep(world: World): CustomStep {
  return {
    kind: 'custom',
    run(req, _span, done) {
      if (req instanceof DeliveryRequest) {
        const body = req.delivery.payload.body as OrderCreatedMessage | null;
        if (body?.type === 'order_created')
          domainOf(world).domain.notifications.handle(req.delivery.messageId, body.orderId);
      }
      done(200, CAUSE.none);
    },
  };
}

function withStep(ep: RoutedEndpoint, step: CustomStep): RoutedEndpoint {
  return { ...ep, steps: [...ep.steps, step] };
}

/**
 * Completes a service's endpoints with what the document implies beyond its endpoint list: one
 * endpoint per subscription (deliveries arrive on the subscription path and run its steps), and for
 * a domain service its business behaviour — the order service's create-order endpoint (the first
 * POST under /orders, added when missing) drives the saga; user, product, inventory and payment
 * services run their domain step after each endpoint's steps and serve the saga's paths.
 */
export function extendServiceEndpoints(
  world: World,
  node: NodeOfKind<'service'>,
  endpoints: readonly RoutedEndpoint[],
  linkTo: LinkLookup,
): RoutedEndpoint[] {
  const c = node.config;
  const domain = c.domain;
  // The shop is created with the first domain service, so even an idle run reports it.
  if (domain !== undefined) domainOf(world);
  let out = [...endpoints];
  if (domain === 'order') {
    const i = Math.max(
      out.findIndex((e) => e.method === 'POST' && e.path.startsWith('/orders')),
      out.findIndex((e) => e.method === 'POST'),
    );
    const create =
      i >= 0
        ? out[i]!
        : {
            method: 'POST',
            path: '/orders',
            name: 'POST /orders',
            steps: [workStep(null)],
            propagate: false,
          };
    const withSaga = withStep(create, orderSagaStep(world, node.id));
    if (i >= 0) out[i] = withSaga;
    else out.push(withSaga);
  } else if (domain === 'user' || domain === 'product' || domain === 'inventory' || domain === 'payment') {
    const step = domainStep(world, domain);
    out = out.map((e) => withStep(e, step));
    const resolver = new ServiceResolver(out);
    for (const [method, path] of sagaRoutesOf(domain as SagaService)) {
      if (typeof resolver.resolve(method, path) === 'number') {
        out.push({
          method,
          path,
          name: `${method} ${path}`,
          steps: [workStep(null), step],
          propagate: false,
        });
      }
    }
  }
  for (const sub of c.subscriptions) {
    const steps = compileSteps(sub.steps, linkTo);
    if (domain === 'notification') steps.push(notificationStep(world));
    const path = subscriptionPath(sub.bus, sub.topic, sub.group);
    out.push({ method: 'POST', path, name: `consume ${sub.topic} (${sub.group})`, steps, propagate: false });
  }
  return out;
}
