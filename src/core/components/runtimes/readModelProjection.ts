import type { OrderHistoryDoc } from '../../domain/orderHistory';
import { orderHistoryProjection } from '../../domain/orderHistory';
import type { DeclaredFields, DeclaredProjections } from '../events/declaredProjections';
import type { ProjectionDefinition } from '../events/projection';
import type { ReadModel } from '../events/readModel';

/** A read-model document of a non-order stream: where the stream is and what happened last. */
interface StreamDoc {
  readonly streamId: string;
  readonly version: number;
  readonly lastType: string;
  readonly updatedAtMs: number;
}

/** A document of a declared projection: the stream and the fields its updates wrote. */
interface DeclaredDoc extends StreamDoc {
  readonly fields: DeclaredFields;
}

/** A document of a read model node: an order's history, a stream's latest state, or declared fields. */
export type ReadModelDoc = OrderHistoryDoc | StreamDoc | DeclaredDoc;

/**
 * The projection of a read model with declared projections: events they list update their stream's
 * fields; every other event is projected as usual.
 */
export function declaredProjection(declared: DeclaredProjections): ProjectionDefinition<ReadModelDoc> {
  return {
    name: 'declared',
    apply(model, e) {
      if (!declared.handles(e.type)) {
        readModelProjection.apply(model, e);
        return;
      }
      const prev = model.get(e.streamId);
      const params = (e.data as { params?: Readonly<Record<string, string>> } | null)?.params ?? {};
      const fields = declared.apply(prev && 'fields' in prev ? prev.fields : undefined, {
        streamId: e.streamId,
        version: e.version,
        type: e.type,
        params,
      });
      model.set(e.streamId, {
        streamId: e.streamId,
        version: e.version,
        lastType: e.type,
        updatedAtMs: e.recordedAtMs,
        fields,
      });
    },
  };
}

/** Per numeric field of the declared documents: the sum over every document (a ledger's total). */
export function fieldTotals(model: ReadModel<ReadModelDoc>): Record<string, number> {
  const totals = new Map<string, number>();
  for (const key of model.keys()) {
    const doc = model.get(key);
    if (!doc || !('fields' in doc)) continue;
    for (const [k, v] of Object.entries(doc.fields))
      if (typeof v === 'number') totals.set(k, (totals.get(k) ?? 0) + v);
  }
  const out: Record<string, number> = Object.create(null);
  for (const k of [...totals.keys()].sort()) out[k] = Math.round(totals.get(k)! * 1000) / 1000;
  return out;
}

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
