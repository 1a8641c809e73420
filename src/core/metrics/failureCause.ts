/**
 * Why a request failed, as a closed list. A cause is a small integer carried beside the status on
 * every reply (no allocation, no string per request): assigned where the failure originates (a
 * gateway's route match, a full queue, a breaker, a deadline, a dead instance, a business rule) and
 * passed on unchanged by every caller, so a client's failure is counted under its root cause. A
 * success carries `none`. The order is the order of the codes; docs/failure-causes.md lists them.
 */
const CAUSE_NAMES = [
  'none',
  'noRoute',
  'methodNotAllowed',
  'unauthorized',
  'forbidden',
  'rateLimited',
  'queueFull',
  'poolExhausted',
  'connectionLimit',
  'breakerOpen',
  'switchedOff',
  'timeout',
  'instanceDown',
  'noHealthyUpstream',
  'partitioned',
  'messageLost',
  'tlsRefused',
  'injectedError',
  'notWired',
  'badRequest',
  'conflict',
  'paymentDeclined',
  'outOfStock',
  'unknownEntity',
  'invalidOrder',
  'commandRejected',
] as const;

/** A failure cause by name; `none` is the cause of a success. */
export type FailureCauseName = (typeof CAUSE_NAMES)[number];

/** A cause a failure can carry: every cause but `none`. */
export type CauseName = Exclude<FailureCauseName, 'none'>;

/** The code of each cause, its index in the list: `CAUSE.timeout`, never a bare number. */
export const CAUSE = Object.freeze(Object.fromEntries(CAUSE_NAMES.map((name, code) => [name, code]))) as {
  readonly [K in FailureCauseName]: number;
};

/** Failures of one node, edge or log line by cause: only the causes it had. */
export type SomeCauseCounts = Partial<Record<CauseName, number>>;

/** A cause's code, as it travels with a reply. */
export type FailureCause = number;

/** How many codes there are: the length of a by-cause counter array. */
export const CAUSE_COUNT = CAUSE_NAMES.length;

/** Whether a cause is a technical one (the system failed) or a business one (the domain said no). */
type CauseGroup = 'technical' | 'business';

/** How people read a cause: a short label for charts, the status it answers with, and why it happens. */
export interface CauseInfo {
  readonly label: string;
  readonly group: CauseGroup;
  /** The status the node where the failure starts answers with (0: no response, a reset connection). */
  readonly status: number;
  readonly description: string;
}

/** The one table of causes: labels, statuses and descriptions, in code order after `none`. */
export const CAUSE_INFO: Readonly<Record<CauseName, CauseInfo>> = {
  noRoute: {
    label: 'no route',
    group: 'technical',
    status: 404,
    description:
      'Nothing takes the path: a gateway without a matching route, a proxy without a matching mesh route, a service without the endpoint, or a call to a client.',
  },
  methodNotAllowed: {
    label: 'method not allowed',
    group: 'technical',
    status: 405,
    description: 'A service endpoint covers the path, but not with the request method.',
  },
  unauthorized: {
    label: 'unauthorized',
    group: 'technical',
    status: 401,
    description: "The gateway's auth check: the required header is missing.",
  },
  forbidden: {
    label: 'forbidden',
    group: 'technical',
    status: 403,
    description:
      "A sidecar's authorization policy denies the caller (a DENY rule, or no ALLOW rule matched).",
  },
  rateLimited: {
    label: 'rate limited',
    group: 'technical',
    status: 429,
    description: "The gateway's token bucket is empty.",
  },
  queueFull: {
    label: 'queue full',
    group: 'technical',
    status: 503,
    description: 'Every slot of the instance is busy and its queue is full: a fast 503.',
  },
  poolExhausted: {
    label: 'pool exhausted',
    group: 'technical',
    status: 503,
    description: "A sidecar's connection pool is full (maxConnections busy, maxPendingRequests waiting).",
  },
  connectionLimit: {
    label: 'connection limit',
    group: 'technical',
    status: 503,
    description:
      'An eventLoop instance already holds maxConnections requests (waiting on their calls included): a fast 503.',
  },
  breakerOpen: {
    label: 'breaker open',
    group: 'technical',
    status: 503,
    description:
      "The edge's circuit breaker is open (or half-open with no call permitted): the call is refused.",
  },
  switchedOff: {
    label: 'switched off',
    group: 'technical',
    status: 503,
    description: 'A config key switched the dependency off (a kill switch): every call is refused.',
  },
  timeout: {
    label: 'timeout',
    group: 'technical',
    status: 504,
    description:
      "The call's deadline (or its per-try timeout, with no retry left) passed before an answer came back.",
  },
  instanceDown: {
    label: 'instance down',
    group: 'technical',
    status: 0,
    description:
      'Connection refused: the instance picked is down, died holding the request, or the node is a control node that is down.',
  },
  noHealthyUpstream: {
    label: 'no healthy upstream',
    group: 'technical',
    status: 503,
    description:
      'The load balancer has no routable instance (all down, evicted or ejected), or every destination of a mesh route weighs 0.',
  },
  partitioned: {
    label: 'partitioned',
    group: 'technical',
    status: 0,
    description: 'A network partition separates the caller from the callee.',
  },
  messageLost: {
    label: 'message lost',
    group: 'technical',
    status: 0,
    description:
      'A link fault (loss on the timeline) lost the request or its reply: the caller sees a reset connection.',
  },
  tlsRefused: {
    label: 'mTLS refused',
    group: 'technical',
    status: 0,
    description: 'A STRICT mTLS sidecar resets a plaintext connection from a caller outside the mesh.',
  },
  injectedError: {
    label: 'injected error',
    group: 'technical',
    status: 500,
    description:
      "The node's error probability: its config's errorRate, or an errorRate fault on the timeline.",
  },
  notWired: {
    label: 'not wired',
    group: 'technical',
    status: 502,
    description:
      'A step calls a node with no edge drawn to it, a proxy has nothing to forward to, or a client has no outgoing edge.',
  },
  badRequest: {
    label: 'bad request',
    group: 'technical',
    status: 400,
    description:
      'A data node got a request it cannot serve: a plain call to an event bus, an event store, a read model or a log node instead of its step kind.',
  },
  conflict: {
    label: 'conflict',
    group: 'technical',
    status: 409,
    description:
      'A write refused for a version mismatch: an append with a stale expected version, an order that already exists, a projected event out of sequence.',
  },
  paymentDeclined: {
    label: 'payment declined',
    group: 'business',
    status: 402,
    description: 'The payment service declined the charge.',
  },
  outOfStock: {
    label: 'out of stock',
    group: 'business',
    status: 409,
    description: 'The inventory could not reserve the quantity ordered.',
  },
  unknownEntity: {
    label: 'unknown user or product',
    group: 'business',
    status: 404,
    description: 'The user or product the request names does not exist.',
  },
  invalidOrder: {
    label: 'invalid order',
    group: 'business',
    status: 422,
    description: 'The order is refused as such: an inactive user (403) or an invalid quantity (422).',
  },
  commandRejected: {
    label: 'command rejected',
    group: 'business',
    status: 422,
    description: "A declared aggregate's rule refused the command against its stream's state.",
  },
};

/** Every cause a failure can carry, in code order (without `none`): `FAILURE_CAUSES[code - 1]`. */
export const FAILURE_CAUSES: readonly CauseName[] = CAUSE_NAMES.slice(1) as CauseName[];

/** The causes of a by-code counter array that are not zero, in code order; null when there are none. */
export function someCauses(counts: ArrayLike<number>): SomeCauseCounts | null {
  let out: SomeCauseCounts | null = null;
  for (let code = 1; code < CAUSE_COUNT; code++) {
    const n = counts[code]!;
    if (n === 0) continue;
    out ??= {};
    out[FAILURE_CAUSES[code - 1]!] = n;
  }
  return out;
}

/** Each code's status, looked up by index on the request path (a refusal reads no table by name). */
const STATUS_BY_CODE = Int16Array.from(CAUSE_NAMES, (name) =>
  name === 'none' ? 200 : CAUSE_INFO[name].status,
);

/** The status a node answers with when it refuses a request for `cause` itself (a resolver's refusal). */
export function refusalStatus(cause: FailureCause): number {
  return STATUS_BY_CODE[cause] ?? 200;
}
