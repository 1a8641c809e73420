import type { EdgeConfig } from '../core';
import { durationText, parseDuration } from '../durations';

type RetryOn = EdgeConfig['retry']['retryOn'][number];

/** archplay retry conditions as Envoy `retry_on` tokens (Istio `retries.retryOn`). */
const TOKEN_OF: Record<RetryOn, string> = {
  '5xx': '5xx',
  // Envoy's `reset` covers an upstream that does not answer in time (per-try timeout).
  timeout: 'reset',
  connect: 'connect-failure',
  // Istio adds a status code in retryOn to Envoy's retriable_status_codes.
  '429': '429',
};

/** Envoy tokens read back, with the archplay condition each stands for. */
const CONDITION_OF: Record<string, RetryOn> = {
  '5xx': '5xx',
  'gateway-error': '5xx',
  reset: 'timeout',
  'connect-failure': 'connect',
  'refused-stream': 'connect',
  '429': '429',
};

/** The Istio retries of an edge: attempts = retries after the first try, as in Istio. */
export function istioRetries(retry: EdgeConfig['retry']): {
  attempts: number;
  perTryTimeout?: string;
  retryOn?: string;
} {
  const out: { attempts: number; perTryTimeout?: string; retryOn?: string } = { attempts: retry.maxRetries };
  if (retry.perTryTimeoutMs > 0) out.perTryTimeout = durationText(retry.perTryTimeoutMs);
  if (retry.retryOn.length > 0) out.retryOn = retry.retryOn.map((c) => TOKEN_OF[c]).join(',');
  return out;
}

/** Istio's retry policy when a route sets none: 2 attempts on connect-failure, refused-stream, unavailable, cancelled, retriable-status-codes. */
export const ISTIO_DEFAULT_RETRIES = {
  attempts: 2,
  retryOn: 'connect-failure,refused-stream,unavailable,cancelled,retriable-status-codes',
};

/** An Istio retries object read back into archplay retry fields; unknown tokens are reported. */
export function readRetries(
  retries: Record<string, unknown>,
  where: string,
  ignored: string[],
): { maxRetries: number; retryOn: RetryOn[]; perTryTimeoutMs: number } {
  const attempts = typeof retries.attempts === 'number' ? retries.attempts : 0;
  const maxRetries = Math.max(0, Math.min(10, Math.round(attempts)));
  if (maxRetries !== attempts)
    ignored.push(`${where}.retries.attempts: ${attempts} is outside 0..10; kept ${maxRetries}`);
  const retryOn: RetryOn[] = [];
  const text = typeof retries.retryOn === 'string' ? retries.retryOn : '';
  for (const token of text
    .split(',')
    .map((t) => t.trim())
    .filter((t) => t !== '')) {
    const condition = CONDITION_OF[token] ?? (/^5\d\d$/.test(token) ? '5xx' : undefined);
    if (condition === undefined)
      ignored.push(`${where}.retries.retryOn: "${token}" has no archplay condition`);
    else if (!retryOn.includes(condition)) retryOn.push(condition);
  }
  let perTryTimeoutMs = 0;
  if (typeof retries.perTryTimeout === 'string') {
    const ms = parseDuration(retries.perTryTimeout);
    if (ms === null)
      ignored.push(`${where}.retries.perTryTimeout: "${retries.perTryTimeout}" is not a duration`);
    else perTryTimeoutMs = ms;
  }
  return { maxRetries, retryOn, perTryTimeoutMs };
}
