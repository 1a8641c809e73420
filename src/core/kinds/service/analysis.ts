import type { AnalysisContext } from '../../analysis/analysisContext';
import { describeDistribution } from '../../analysis/distributionMean';
import { fmtPercent, listWords, plural } from '../../analysis/numbers';
import type { Step } from '../../model/schema';
import type { KindAnalysis } from '../kindAnalysis';
import { serviceDocument } from './document';

function stepPhrase(ctx: AnalysisContext, step: Step): string | null {
  const to = (id: string) => ctx.graph.label(id);
  switch (step.kind) {
    case 'work':
      return null;
    case 'call':
      return `calls ${to(step.target)} ${step.method} ${step.path}`;
    case 'publish':
      return `publishes "${step.topic}" to ${to(step.target)}`;
    case 'append':
      return step.command !== undefined
        ? `sends command ${step.command} to ${to(step.target)}`
        : `appends ${step.eventType} to ${to(step.target)}`;
    case 'query':
      return `queries ${to(step.target)}`;
    case 'log':
      return `logs to ${to(step.target)}`;
    case 'request':
      return `requests "${step.topic}" over ${to(step.target)} and waits for the reply`;
  }
}

function stepsPhrase(ctx: AnalysisContext, steps: readonly Step[]): string {
  const phrases = steps.map((s) => stepPhrase(ctx, s)).filter((p): p is string => p !== null);
  return phrases.length > 0 ? ` (${listWords(phrases)})` : '';
}

/** A service: its endpoints and subscriptions with their steps, its capacity and its e-commerce domain. */
export const serviceAnalysis: KindAnalysis<'service'> = {
  role: (n) => (n.config.domain ? `${n.config.domain} service` : serviceDocument.name),
  responsibilities(n, ctx) {
    const c = n.config;
    const eps = c.endpoints.map((e) => `${e.method} ${e.path}${stepsPhrase(ctx, e.steps)}`);
    const parts = [`Serves ${listWords(eps)}`];
    for (const s of c.subscriptions) {
      parts.push(
        `consumes "${s.topic}" from ${ctx.graph.label(s.bus)} as group ${s.group}${stepsPhrase(ctx, s.steps)}`,
      );
    }
    const capacity = `${plural(c.instances, 'instance')} x ${c.concurrency} slots, queue ${c.queueCapacity}, service time ${describeDistribution(c.serviceTimeMs)}`;
    const errors = c.errorRate > 0 ? `; fails ${fmtPercent(c.errorRate)} of requests` : '';
    const domain = c.domain ? ` Holds the ${c.domain} domain of the e-commerce flow.` : '';
    return `${parts.join('; ')}. ${capacity}${errors}.${domain}`;
  },
  slots: (n) => n.config.instances * n.config.concurrency,
};
