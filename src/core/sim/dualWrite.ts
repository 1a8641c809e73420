import { CAUSE, type FailureCause } from '../metrics/failureCause';
import type { Step } from '../model/schema';
import type { Call, EdgeLink } from './edgeLink';
import { isSuccess } from './status';
import type { NodeRequest } from './types';

type AppendStep = Extract<Step, { kind: 'append' }>;

/** A custom step (endpoints.ts's CustomStep, restated here so the two modules do not import each other). */
interface DualWriteStep {
  kind: 'custom';
  run(
    req: NodeRequest,
    spanId: number,
    done: (status: number, cause: FailureCause) => void,
    alive: () => boolean,
  ): void;
}

/** Header carrying the id a producer gives an event, read by the event store, the bus and the ledger. */
export const EVENT_ID_HEADER = 'x-event-id';

/**
 * An `append` step with `publish.via: "dualWrite"`: the service appends the event to its store and,
 * once the store answered, publishes it to the bus itself, two writes with nothing tying them
 * together. When the instance dies while the append is on its way, the event is stored and never
 * published; when the publish fails, the request fails but the event stays stored. Either way the
 * ledger counts the event as lost.
 */
export function dualWriteStep(step: AppendStep, store: EdgeLink | null, bus: EdgeLink | null): DualWriteStep {
  const publish = step.publish!;
  const appendOnly: Step = {
    kind: 'append',
    target: step.target,
    ...(step.eventType !== undefined ? { eventType: step.eventType } : {}),
    ...(step.command !== undefined ? { command: step.command } : {}),
  };
  const publishStep: Step = {
    kind: 'publish',
    target: publish.target,
    topic: publish.topic,
    ...(publish.key !== undefined ? { key: publish.key } : {}),
  };
  let seq = 0;
  return {
    kind: 'custom',
    run(req, span, done, alive) {
      if (!store || !bus) {
        done(502, CAUSE.notWired);
        return;
      }
      const ledger = store.world.publishLedger;
      const id = `${store.source.id}:${++seq}`;
      const headers = { ...req.headers, [EVENT_ID_HEADER]: id };
      // The store records the write in the ledger; the intent to publish travels with the step.
      const appendWithIntent: Step = { ...appendOnly, publish };
      store.call(
        'POST',
        '/append',
        headers,
        appendWithIntent,
        req.trace,
        span,
        (_ctx: null, status: number, call: Call) => {
          if (!isSuccess(status)) {
            ledger.settled(id);
            done(status, call.cause);
            return;
          }
          if (!alive()) {
            // The instance died between the write and the publish: nobody publishes the event.
            ledger.settled(id);
            return;
          }
          bus.call(
            'POST',
            '/publish',
            headers,
            publishStep,
            req.trace,
            span,
            (_c: null, published: number, publishCall: Call) => {
              ledger.settled(id);
              if (isSuccess(published)) done(200, CAUSE.none);
              else done(502, publishCall.cause);
            },
            null,
          );
        },
        null,
      );
    },
  };
}
