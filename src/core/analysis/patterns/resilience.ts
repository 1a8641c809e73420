import type { ArchEdge } from '../../model/schema';
import type { AnalysisContext } from '../context';
import { fmtMs, listWords, plural } from '../numbers';
import type { PatternMatch } from '../types';

function edgesMatch(edges: ArchEdge[]): { nodeIds: string[]; edgeIds: string[] } {
  return {
    nodeIds: [...new Set(edges.flatMap((e) => [e.source, e.target]))],
    edgeIds: edges.map((e) => e.id),
  };
}

const name = (ctx: AnalysisContext, e: ArchEdge) =>
  `${ctx.graph.label(e.source)} -> ${ctx.graph.label(e.target)}`;

/** Resilience patterns: circuit breakers, retries with backoff, timeouts, fallbacks and bulkheads. */
export function resiliencePatterns(ctx: AnalysisContext): PatternMatch[] {
  const { graph } = ctx;
  const out: PatternMatch[] = [];
  const sync = graph.edges.filter((e) => e.kind === 'sync');
  const breakers = sync.filter((e) => e.config.breaker?.enabled === true);
  if (breakers.length > 0) {
    out.push({
      pattern: 'circuitBreaker',
      name: 'Circuit breaker',
      detail: breakers
        .map((e) => {
          const b = e.config.breaker!;
          return `${name(ctx, e)} opens at ${b.failureRateThreshold}% failures over ${b.slidingWindowSize} ${b.slidingWindowType === 'count' ? 'calls' : 's'}, waits ${fmtMs(b.waitDurationInOpenStateMs / 1000)} s`;
        })
        .join('; ')
        .concat('.'),
      ...edgesMatch(breakers),
    });
  }
  const retries = graph.edges.filter((e) => e.config.retry.maxRetries > 0);
  if (retries.length > 0) {
    out.push({
      pattern: 'retryBackoff',
      name: 'Retries with backoff',
      detail: retries
        .map(
          (e) =>
            `${name(ctx, e)} retries ${e.config.retry.maxRetries}x on ${e.config.retry.retryOn.join('/')} (jittered ${fmtMs(e.config.retry.baseBackoffMs)}-${fmtMs(e.config.retry.maxBackoffMs)} ms${e.config.retry.perTryTimeoutMs > 0 ? `, ${fmtMs(e.config.retry.perTryTimeoutMs)} ms per try` : ''})`,
        )
        .join('; ')
        .concat('.'),
      ...edgesMatch(retries),
    });
  }
  const timeouts = sync.filter((e) => e.config.timeoutMs > 0);
  if (timeouts.length > 0) {
    out.push({
      pattern: 'timeout',
      name: 'Timeouts',
      detail: `${plural(timeouts.length, 'sync call')} of ${sync.length} carry a deadline over all attempts (${[...new Set(timeouts.map((e) => `${fmtMs(e.config.timeoutMs)} ms`))].join(', ')}).`,
      ...edgesMatch(timeouts),
    });
  }
  const fallbacks = graph.edges.filter((e) => e.config.fallback.kind === 'static');
  if (fallbacks.length > 0) {
    out.push({
      pattern: 'fallback',
      name: 'Fallback',
      detail: `${listWords(fallbacks.map((e) => name(ctx, e)))} answer${fallbacks.length === 1 ? 's' : ''} with a static response when the call fails or the breaker is open.`,
      ...edgesMatch(fallbacks),
    });
  }
  const stations = [...graph.ofKind('service'), ...graph.ofKind('gateway')];
  const pools = graph.ofKind('proxy');
  if (stations.length > 0 || pools.length > 0) {
    const parts: string[] = [];
    if (stations.length > 0)
      parts.push(
        `${plural(stations.length, 'service or gateway', 'services and gateways')} ${stations.length === 1 ? 'isolates' : 'isolate'} work in fixed slot pools with bounded queues (overflow -> fast 503)`,
      );
    if (pools.length > 0)
      parts.push(
        `${plural(pools.length, 'sidecar')} ${pools.length === 1 ? 'caps' : 'cap'} connections and pending requests`,
      );
    out.push({
      pattern: 'bulkhead',
      name: 'Bulkheads',
      detail: `${parts.join('; ')}.`,
      nodeIds: [...stations, ...pools].map((n) => n.id),
      edgeIds: [],
    });
  }
  return out;
}
