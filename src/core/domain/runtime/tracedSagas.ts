import type { Trace } from '../../metrics/traces';
import type { OrderSaga } from '../orderSaga';

// Keyed weakly by the trace, so a saga is forgotten with its trace once the trace ring drops it.
const sagaByTrace = new WeakMap<Trace, OrderSaga>();

/** Remembers the saga a sampled request started, so a walkthrough can show the saga's state beside the hops. */
export function noteTracedSaga(trace: Trace, saga: OrderSaga): void {
  sagaByTrace.set(trace, saga);
}

/** The create-order saga the traced request drives, if it started one. */
export function sagaOfTrace(trace: Trace): OrderSaga | undefined {
  return sagaByTrace.get(trace);
}
