import type { OrderRequest } from '../orderSaga';
import type { DomainRuntime } from './domainContext';

/**
 * The order a create-order request asks for. Headers `x-user-id`, `x-product-id` and `x-quantity`
 * name it; a header that is absent or `*` is drawn from the run's seeded shop (a random user, a
 * random product, 1-3 items), so one request-mix entry yields a realistic spread of orders while
 * other entries can pin unknown ids or huge quantities to exercise the failure branches.
 */
export function drawOrder(ctx: DomainRuntime, headers: Readonly<Record<string, string>>): OrderRequest {
  const rng = ctx.rng;
  const pick = (value: string | undefined, ids: readonly string[]) =>
    value === undefined || value === '*' ? ids[Math.floor(rng.next() * ids.length)]! : value;
  const userId = pick(headers['x-user-id'], ctx.userIds);
  const productId = pick(headers['x-product-id'], ctx.productIds);
  const q = headers['x-quantity'];
  const quantity =
    q === undefined || q === '*' ? 1 + Math.floor(rng.next() * 3) : Number.parseInt(q, 10) || 0;
  return { orderId: `o${ctx.nextOrder++}`, userId, productId, quantity };
}
