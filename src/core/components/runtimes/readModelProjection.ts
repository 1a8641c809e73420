import type { OrderHistoryDoc } from '../../domain/orderHistory';
import { orderHistoryProjection } from '../../domain/orderHistory';
import type { ProjectionDefinition } from '../events/projection';
import type { ReadModel } from '../events/readModel';

/** A read-model document of a non-order stream: where the stream is and what happened last. */
interface StreamDoc {
  readonly streamId: string;
  readonly version: number;
  readonly lastType: string;
  readonly updatedAtMs: number;
}

/** A document of a read model node: an order's history, or a stream's latest state. */
export type ReadModelDoc = OrderHistoryDoc | StreamDoc;

/** Stream id prefix of the Order aggregate. */
const ORDER_PREFIX = 'order-';

/**
 * The projection every read model node runs: order streams become order-history documents (keyed
 * by order id), every other stream one document keyed by stream id. Deterministic, so a replay
 * rebuilds the same model.
 */
export const readModelProjection: ProjectionDefinition<ReadModelDoc> = {
  name: 'readModel',
  apply(model, e) {
    if (e.streamId.startsWith(ORDER_PREFIX)) {
      orderHistoryProjection.apply(model as ReadModel<OrderHistoryDoc>, e);
      return;
    }
    model.set(e.streamId, {
      streamId: e.streamId,
      version: e.version,
      lastType: e.type,
      updatedAtMs: e.recordedAtMs,
    });
  },
};

/** The stream a query asks about, from `x-order-id` (an order stream) or `x-aggregate-id`. */
export function queriedStream(headers: Readonly<Record<string, string>>): string | undefined {
  const order = headers['x-order-id'];
  if (order !== undefined) return `${ORDER_PREFIX}${order}`;
  return headers['x-aggregate-id'];
}

/** The read-model key of a stream's document. */
export function docKeyOf(streamId: string): string {
  return streamId.startsWith(ORDER_PREFIX) ? streamId.slice(ORDER_PREFIX.length) : streamId;
}
