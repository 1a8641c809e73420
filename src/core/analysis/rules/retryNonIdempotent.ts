import { finding, type Rule } from '../context';
import type { Finding } from '../types';

const UNSAFE = new Set(['POST', 'PATCH']);

/** Flags retried POST / PATCH calls: a retry after a lost answer repeats the side effect. */
export const retryNonIdempotentRule: Rule = ({ graph }) => {
  const out: Finding[] = [];
  for (const s of graph.ofKind('service')) {
    const steps = [
      ...s.config.endpoints.flatMap((e) => e.steps),
      ...s.config.subscriptions.flatMap((x) => x.steps),
    ];
    const seen = new Set<string>();
    for (const step of steps) {
      if (step.kind !== 'call' || !UNSAFE.has(step.method)) continue;
      const edge = graph.edge(s.id, step.target);
      if (!edge || edge.config.retry.maxRetries === 0) continue;
      const retryOn = edge.config.retry.retryOn.filter((r) => r === '5xx' || r === 'timeout');
      if (retryOn.length === 0) continue;
      const request = `${step.method} ${step.path}`;
      if (seen.has(`${edge.id} ${request}`)) continue;
      seen.add(`${edge.id} ${request}`);
      out.push(
        finding('retry-non-idempotent', `${edge.id}/${request}`, 'info', {
          title: `${request} is retried`,
          detail: `${graph.label(s.id)} retries ${request} on ${graph.label(step.target)} up to ${edge.config.retry.maxRetries}x on ${retryOn.join(' / ')}: if the first attempt succeeded but its answer was lost, the operation runs twice.`,
          nodeIds: [s.id, step.target],
          edgeIds: [edge.id],
          suggestion: `Make ${request} idempotent (an idempotency key the callee deduplicates on), or retry only on connect failures.`,
        }),
      );
    }
  }
  return out;
};
