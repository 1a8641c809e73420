import type { NodeKind } from '../../core/model/schema';
import type { WalkthroughEvent, WalkthroughSaga, WalkthroughStepResult } from '../../worker/protocol';
import { uiKinds } from '../kinds';

/** What the narrative needs to know of a node: its label and kind. */
export interface NodeInfo {
  label: string;
  kind: NodeKind;
}

/** One numbered hop of the narrative: a request and, once it came back, its reply. */
export interface Hop {
  /** 1-based position in the narrative. */
  n: number;
  spanId: number;
  fromNodeId: string;
  toNodeId: string;
  edgeId: string;
  /** The sentence: who asks whom for what. */
  text: string;
  /** What was called, e.g. `POST /inventory/reserve`, or the message kind (`append`, `log`). */
  call: string;
  /** Log shipping: real hops, but beside the request's business path. */
  side: boolean;
  sagaStep: string | null;
  atMs: number;
  /** Set once the reply reached the caller. */
  status: number | null;
  durationMs: number | null;
}

const statusText: Record<number, string> = {
  0: 'no response',
  200: 'OK',
  201: 'Created',
  400: 'Bad Request',
  401: 'Unauthorized',
  402: 'Payment Required',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  422: 'Unprocessable',
  429: 'Too Many Requests',
  500: 'Internal Error',
  502: 'Bad Gateway',
  503: 'Unavailable',
  504: 'Timeout',
};

/** `404 Not Found`, or `no response` for a refused or reset connection. */
export function describeStatus(status: number): string {
  if (status === 0) return statusText[0]!;
  const text = statusText[status];
  return text ? `${status} ${text}` : String(status);
}

/** Whether a status is a success (2xx or 3xx). */
export const isOk = (status: number): boolean => status >= 200 && status < 400;

/** Milliseconds for people: `0.8 ms`, `8.4 ms`, `105 ms`, `2.10 s`. */
export function formatMs(ms: number): string {
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms >= 100) return `${Math.round(ms)} ms`;
  return `${ms.toFixed(1)} ms`;
}

/** Cents as dollars: `$652.42`. */
export function formatCents(cents: number): string {
  return `$${(cents / 100).toFixed(2)}`;
}

type Order = WalkthroughSaga['order'];

function product(o: Order): string {
  // Non-breaking, so "2 × Laptop 4" never wraps apart.
  return `${o.quantity}\u00a0×\u00a0${o.productName ?? o.productId}`;
}

/** What the order service asks for at each saga step (the target's label comes first). */
const sagaPhrases: Record<string, (to: string, o: Order) => string> = {
  validateUser: (to, o) => `asks ${to} to check the customer ${o.userName ?? o.userId}`,
  fetchProduct: (to, o) => `asks ${to} for ${o.productName ?? o.productId} and its price`,
  reserveStock: (to, o) => `asks ${to} to reserve ${product(o)}`,
  createOrder: (to, o) => `records order ${o.orderId} as placed in ${to}`,
  chargePayment: (to, o) => `asks ${to} to charge ${formatCents(o.amountCents)}`,
  recordPayment: (to) => `records the payment in ${to}`,
  commitStock: (to, o) => `asks ${to} to commit the reserved ${product(o)}`,
  confirmOrder: (to, o) => `records order ${o.orderId} as confirmed in ${to}`,
  publishOrderCreated: (to) => `publishes order_created on ${to}`,
  refundPayment: (to, o) => `asks ${to} to refund ${formatCents(o.amountCents)}`,
  releaseStock: (to, o) => `asks ${to} to release the reserved ${product(o)}`,
  failOrder: (to, o) => `records order ${o.orderId} as failed in ${to}`,
};

/** Plain-language names of the saga's steps, for the progress strip. */
export const sagaStepLabels: Record<string, string> = {
  validateUser: 'Check user',
  fetchProduct: 'Fetch product',
  reserveStock: 'Reserve stock',
  createOrder: 'Place order',
  chargePayment: 'Charge',
  recordPayment: 'Record payment',
  commitStock: 'Commit stock',
  confirmOrder: 'Confirm',
  publishOrderCreated: 'Publish',
  refundPayment: 'Refund',
  releaseStock: 'Release stock',
  failOrder: 'Fail order',
};

function requestText(
  e: WalkthroughEvent,
  saga: WalkthroughSaga | undefined,
  label: (id: string) => NodeInfo,
) {
  const from = label(e.fromNodeId);
  const to = label(e.toNodeId).label;
  const retry = e.attempt > 1 ? ` (retry ${e.attempt - 1})` : '';
  if (saga?.isSagaCall) {
    const phrase = sagaPhrases[saga.name];
    if (phrase) return `${from.label} ${phrase(to, saga.order)}${retry}`;
  }
  const [verb] = e.name.split(' ');
  if (verb === 'log') return `${from.label} ships a log entry to ${to}${retry}`;
  if (verb === 'publish') return `${from.label} publishes a message on ${to}${retry}`;
  if (verb === 'append') return `${from.label} appends an event to ${to}${retry}`;
  if (verb === 'query') return `${from.label} queries ${to}${retry}`;
  return `${from.label} ${uiKinds[from.kind].callVerb} ${to}${retry}`;
}

/**
 * Folds walkthrough steps into numbered hops: each request starts a hop, its reply completes the
 * same hop (matched by the attempt span). Returns the hops and, for each step, the hop it touched.
 */
export function buildHops(
  steps: readonly WalkthroughStepResult[],
  label: (id: string) => NodeInfo,
): { hops: Hop[]; hopOfStep: number[] } {
  const hops: Hop[] = [];
  const bySpan = new Map<number, Hop>();
  const hopOfStep: number[] = [];
  for (const step of steps) {
    const e = step.event;
    if (!e) {
      hopOfStep.push(-1);
      continue;
    }
    if (e.kind === 'request') {
      const hop: Hop = {
        n: hops.length + 1,
        spanId: e.spanId,
        fromNodeId: e.fromNodeId,
        toNodeId: e.toNodeId,
        edgeId: e.edgeId,
        text: requestText(e, step.sagaStep, label),
        call: callOf(e.name),
        side: e.name.startsWith('log '),
        sagaStep: step.sagaStep?.isSagaCall ? step.sagaStep.name : null,
        atMs: e.atMs,
        status: null,
        durationMs: null,
      };
      hops.push(hop);
      bySpan.set(e.spanId, hop);
      hopOfStep.push(hops.length - 1);
      continue;
    }
    const hop = bySpan.get(e.spanId);
    if (hop) {
      hop.status = e.status ?? 0;
      hop.durationMs = e.durationMs ?? null;
    }
    hopOfStep.push(hop ? hop.n - 1 : -1);
  }
  return { hops, hopOfStep };
}

/** Step messages are named `<kind> <target id>`; the kind says it all once the target is drawn. */
const messageKinds: Record<string, string> = {
  log: 'a log entry',
  append: 'an append',
  publish: 'a publish',
  query: 'a query',
};

function callOf(name: string): string {
  const [verb] = name.split(' ');
  return verb && messageKinds[verb] ? verb : name;
}

/** One line saying what the latest step did, for the caption above the hop list. */
export function describeStep(step: WalkthroughStepResult, label: (id: string) => NodeInfo): string {
  const e = step.event;
  if (!e) return step.done ? 'The request is complete.' : 'Nothing happened within the step budget.';
  if (e.kind === 'request') {
    const call = callOf(e.name);
    return `${label(e.toNodeId).label} receives ${messageKinds[call] ?? call}.`;
  }
  const status = describeStatus(e.status ?? 0);
  const took = e.durationMs !== undefined ? ` after ${formatMs(e.durationMs)}` : '';
  return `${label(e.fromNodeId).label} answers ${label(e.toNodeId).label}: ${status}${took}.`;
}

function words(camel: string): string {
  return camel.replace(/([A-Z])/g, ' $1').toLowerCase();
}

/** The end of a finished walkthrough in one or two sentences: the reply, and the order's fate. */
export function describeOutcome(
  last: WalkthroughStepResult,
  label: (id: string) => NodeInfo,
): { ok: boolean; text: string } | null {
  const e = last.event;
  if (!last.done || !e || e.kind !== 'reply') return null;
  const status = e.status ?? 0;
  const head = `${label(e.toNodeId).label} got ${describeStatus(status)} after ${formatMs(e.durationMs ?? 0)}.`;
  const saga = last.sagaStep;
  if (!saga) return { ok: isOk(status), text: head };
  const tail =
    saga.state === 'completed'
      ? `Order ${saga.order.orderId} is confirmed and order_created was published.`
      : `Order ${saga.order.orderId} failed: ${words(saga.failureReason ?? 'unknown')}.`;
  return { ok: isOk(status) && saga.state === 'completed', text: `${head} ${tail}` };
}
