import type { NodeRequest } from '../../sim/types';
import type { World } from '../../sim/world';
import type { OrderCreatedMessage } from '../orderFlow';
import { domainOf } from './domainContext';
import {
  ABANDONED_ANSWER,
  answerOf,
  SAGA_CALL_HEADER,
  type SagaAnswer,
  WRONG_SERVICE_ANSWER,
} from './sagaCalls';

/** What the bus node publishes for the saga: the consumer-visible headers and the message. */
export type SagaPublisher = (
  key: string,
  message: { headers: Readonly<Record<string, string>>; body: OrderCreatedMessage },
) => void;

/**
 * Publishes the saga's order_created on a bus node, once per order whatever the retries (an
 * idempotent producer), and records it in the order ledger. Returns null for a request that is not
 * a saga call, else the answer.
 */
export function publishSagaEvent(world: World, req: NodeRequest, publish: SagaPublisher): SagaAnswer | null {
  if (req.headers[SAGA_CALL_HEADER] === undefined) return null;
  const ctx = domainOf(world);
  const call = ctx.calls.callOf(req);
  if (!call?.open) return ABANDONED_ANSWER;
  if (call.cmd.step !== 'publishOrderCreated') return WRONG_SERVICE_ANSWER;
  const outcome = ctx.calls.perform(call, (cmd) => {
    const r = cmd.request;
    const body: OrderCreatedMessage = {
      type: 'order_created',
      orderId: r.orderId,
      userId: r.userId,
      productId: r.productId,
      quantity: r.quantity,
      amountCents: cmd.amountCents,
    };
    const headers = { 'x-order-id': r.orderId, 'x-user-id': r.userId, 'x-product-id': r.productId };
    publish(r.orderId, { headers, body });
    ctx.domain.ledger.recordPublication(r.orderId);
    return { kind: 'ok' };
  });
  return answerOf(outcome);
}
