import { CAUSE, type FailureCause } from '../../metrics/failureCause';
import type { NodeRequest } from '../../sim/types';
import type { World } from '../../sim/world';

/** Header of a request message that names its requester's pending request. */
const CORRELATION_HEADER = 'x-correlation-id';
/** Header of a request message that names the topic its reply goes to. */
const REPLY_TO_HEADER = 'x-reply-to';

/** Request/reply over one bus, in its summary section. */
export interface RequestReplySummary {
  requests: number;
  replied: number;
  timedOut: number;
  /** Replies that came after the first one, or after the requester gave up. */
  lateReplies: number;
}

interface Pending {
  readonly req: NodeRequest;
  readonly deadlineMs: number;
}

/**
 * Request/reply over a bus: a `request` step publishes its message with a correlation id and a reply
 * topic, and its request stays open at the bus until a consumer of the topic handled the message
 * successfully (its reply travels back, correlated by the id) or until the step's timeout (504).
 * The first reply wins; later ones, and replies to a request that timed out, are counted as late.
 */
export class RequestReply {
  private readonly pending = new Map<string, Pending>();
  private seq = 0;
  readonly counts: RequestReplySummary = { requests: 0, replied: 0, timedOut: 0, lateReplies: 0 };

  constructor(
    private readonly world: World,
    private readonly busId: string,
    private readonly answer: (req: NodeRequest, status: number, cause: FailureCause) => void,
  ) {}

  /** Opens a request: returns the headers its message carries. */
  open(req: NodeRequest, topic: string, timeoutMs: number): Record<string, string> {
    const id = `${this.busId}:${++this.seq}`;
    this.counts.requests++;
    this.pending.set(id, { req, deadlineMs: this.world.sim.now + timeoutMs });
    this.world.sim.schedule(timeoutMs, expire, { rr: this, id });
    return { ...req.headers, [CORRELATION_HEADER]: id, [REPLY_TO_HEADER]: `${topic}.replies` };
  }

  /** A consumer handled a request message: its reply reaches the requester after `latencyMs`. */
  replied(headers: Readonly<Record<string, string>>, latencyMs: number): void {
    const id = headers[CORRELATION_HEADER];
    if (id === undefined) return;
    this.world.sim.schedule(latencyMs, deliverReply, { rr: this, id });
  }

  /** The reply arrived: the first one answers the request. */
  deliver(id: string): void {
    const p = this.pending.get(id);
    if (!p) {
      this.counts.lateReplies++;
      return;
    }
    this.pending.delete(id);
    this.counts.replied++;
    this.answer(p.req, 200, CAUSE.none);
  }

  /** The timeout came first: the request fails with 504. */
  expire(id: string): void {
    const p = this.pending.get(id);
    if (!p) return;
    this.pending.delete(id);
    this.counts.timedOut++;
    this.answer(p.req, 504, CAUSE.timeout);
  }
}

function expire(arg: { rr: RequestReply; id: string }): void {
  arg.rr.expire(arg.id);
}

function deliverReply(arg: { rr: RequestReply; id: string }): void {
  arg.rr.deliver(arg.id);
}
