import { nodeKindNames } from '../model/connections';
import type { ArchNode, NodeOfKind, Step } from '../model/schema';
import type { AnalysisContext } from './context';
import { describeDistribution, meanMs } from './distributionMean';
import { fmtMs, fmtNum, fmtPercent, listWords, plural } from './numbers';
import type { ComponentSummary } from './types';

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
      return `appends ${step.eventType} to ${to(step.target)}`;
    case 'query':
      return `queries ${to(step.target)}`;
    case 'log':
      return `logs to ${to(step.target)}`;
  }
}

function stepsPhrase(ctx: AnalysisContext, steps: readonly Step[]): string {
  const phrases = steps.map((s) => stepPhrase(ctx, s)).filter((p): p is string => p !== null);
  return phrases.length > 0 ? ` (${listWords(phrases)})` : '';
}

function client(n: NodeOfKind<'client'>, ctx: AnalysisContext): string {
  const w = n.config.workload;
  const load = ctx.load.clients.find((c) => c.nodeId === n.id);
  const total = n.config.requestMix.reduce((s, t) => s + t.weight, 0);
  const mix = n.config.requestMix
    .filter((t) => t.weight > 0)
    .map((t) => `${total > 0 ? fmtPercent(t.weight / total) : '0%'} ${t.method} ${t.path}`);
  const peak =
    load && load.peakRatePerSec > load.baseRatePerSec
      ? `, peaking at ${fmtNum(load.peakRatePerSec)} req/s`
      : '';
  const rate =
    w.kind === 'open'
      ? `Sends ${fmtNum(w.ratePerSec)} req/s (${w.arrival} arrivals)${peak}`
      : `Models ${plural(w.users, 'user')} thinking ${describeDistribution(w.thinkTimeMs)} between requests (about ${fmtNum(load?.baseRatePerSec ?? 0)} req/s)${peak}`;
  return `${rate}; mix: ${listWords(mix)}.`;
}

function gateway(n: NodeOfKind<'gateway'>, ctx: AnalysisContext): string {
  const c = n.config;
  const routes = c.routes.map((r) => {
    const headers = Object.entries(r.headers).map(([k, v]) => `${k}: ${v}`);
    const when = headers.length > 0 ? ` with ${listWords(headers)}` : '';
    const rewrite = r.rewritePath ? ` (rewritten to ${r.rewritePath})` : '';
    return `${r.pathPrefix}${when} to ${ctx.graph.label(r.target)}${rewrite}`;
  });
  const parts = [
    routes.length > 0 ? `Routes ${listWords(routes)}` : 'Has no routes (every request gets 404)',
  ];
  parts.push(
    c.rateLimit
      ? `rate-limits to ${fmtNum(c.rateLimit.ratePerSec)} req/s (burst ${c.rateLimit.burst})`
      : 'applies no rate limit',
  );
  if (c.auth) parts.push(`requires the ${c.auth.requiredHeader} header`);
  return `${parts.join('; ')}. ${plural(c.instances, 'instance')} x ${c.concurrency} slots.`;
}

function service(n: NodeOfKind<'service'>, ctx: AnalysisContext): string {
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
}

function proxy(n: NodeOfKind<'proxy'>, ctx: AnalysisContext): string {
  const c = n.config;
  const head = c.attachedTo ? `Sidecar of ${ctx.graph.label(c.attachedTo)}` : 'Standalone proxy';
  const routes = c.routes.map((r) => {
    const conds = Object.entries(r.match.headers).map(([k, m]) =>
      m.kind === 'present' ? `${k} present` : `${k} ${m.kind} "${m.value}"`,
    );
    if (r.match.pathPrefix) conds.unshift(`path ${r.match.pathPrefix}`);
    const total = r.destinations.reduce((s, d) => s + d.weight, 0);
    const dests =
      r.destinations.length === 1
        ? ctx.graph.label(r.destinations[0]!.target)
        : r.destinations
            .map((d) => `${total > 0 ? fmtPercent(d.weight / total) : '0%'} ${ctx.graph.label(d.target)}`)
            .join(' / ');
    return `${conds.length > 0 ? `when ${listWords(conds)}` : 'otherwise'} to ${dests}`;
  });
  const parts = [head];
  if (routes.length > 0) parts.push(`routes ${routes.join('; ')}`);
  if (c.policies.length > 0)
    parts.push(`enforces ${plural(c.policies.length, 'authorization policy', 'authorization policies')}`);
  parts.push(`mTLS ${c.mtls}`);
  parts.push(
    `pool ${c.connectionPool.maxConnections} connections / ${c.connectionPool.maxPendingRequests} pending`,
  );
  if (c.outlierDetection.enabled)
    parts.push(`ejects an upstream after ${c.outlierDetection.consecutive5xx} consecutive 5xx`);
  return `${parts.join('; ')}.`;
}

function responsibilitiesOf(node: ArchNode, ctx: AnalysisContext): string {
  const { graph } = ctx;
  const sources = (kind: string) => [
    ...new Set(
      graph
        .to(node.id)
        .filter((e) => e.kind === kind)
        .map((e) => graph.label(e.source)),
    ),
  ];
  switch (node.kind) {
    case 'client':
      return client(node, ctx);
    case 'gateway':
      return gateway(node, ctx);
    case 'service':
      return service(node, ctx);
    case 'proxy':
      return proxy(node, ctx);
    case 'controlPlane': {
      const proxies = graph.from(node.id).map((e) => graph.label(e.target));
      return `Pushes routes and policies to ${proxies.length > 0 ? listWords(proxies) : 'no sidecars'} within ${fmtMs(node.config.propagationDelayMs)} ms.`;
    }
    case 'registry': {
      const c = node.config;
      const members = sources('registry');
      return `Tracks ${members.length > 0 ? listWords(members) : 'no registered services'}; instances heartbeat every ${fmtMs(c.heartbeatIntervalMs / 1000)} s, expire after ${fmtMs(c.leaseMs / 1000)} s, evicted every ${fmtMs(c.evictionIntervalMs / 1000)} s.`;
    }
    case 'configServer': {
      const c = node.config;
      const keys = Object.entries(c.keys).map(
        ([id, kv]) => `${graph.label(id)} (${Object.keys(kv).join(', ')})`,
      );
      const how =
        c.mode === 'push' ? 'pushes changes' : `is polled every ${fmtMs(c.pollIntervalMs / 1000)} s`;
      return `Holds configuration for ${keys.length > 0 ? listWords(keys) : 'no services yet'}; ${how}.`;
    }
    case 'eventBus': {
      const c = node.config;
      const topics = c.topics.map(
        (t) => `"${t.name}" (${plural(t.partitions, 'partition')}, DLQ after ${t.maxDeliveries} deliveries)`,
      );
      return `Carries ${topics.length > 0 ? `topics ${listWords(topics)}` : 'no declared topics'}; delivers in ${describeDistribution(c.deliveryLatencyMs)}, redelivers after ${fmtMs(c.redeliveryDelayMs)} ms.`;
    }
    case 'eventStore': {
      const writers = sources('eventStore');
      const rms = graph
        .ofKind('readModel')
        .filter((r) => r.config.source === node.id)
        .map((r) => graph.label(r.id));
      return `Stores one event stream per aggregate${writers.length > 0 ? `, appended by ${listWords(writers)}` : ''}; snapshots every ${node.config.snapshotEvery} events${rms.length > 0 ? `; feeds ${listWords(rms)}` : ''}.`;
    }
    case 'readModel': {
      const c = node.config;
      const readers = sources('query');
      return `Projects ${c.source ? graph.label(c.source) : 'no event store'} into a query view (projection ${fmtMs(meanMs(c.projectionLatencyMs))} ms)${readers.length > 0 ? `; queried by ${listWords(readers)}` : ''} in ${fmtMs(meanMs(c.queryLatencyMs))} ms.`;
    }
    case 'logRouter': {
      const stores = graph.from(node.id).filter((e) => graph.node(e.target)?.kind === 'logStore');
      const by = {
        serviceHash: 'by service hash',
        roundRobin: 'round robin',
        time: `by ${fmtMs(node.config.timeBucketMs / 1000)} s time bucket`,
      }[node.config.strategy];
      return `Collects log entries${sources('log').length > 0 ? ` from ${listWords(sources('log'))}` : ''} and shards them over ${plural(stores.length, 'log store')} ${by}.`;
    }
    case 'logStore':
      return `Keeps up to ${fmtNum(node.config.capacity)} log entries and answers time-range queries in ${describeDistribution(node.config.queryLatencyMs)}.`;
  }
}

function role(node: ArchNode): string {
  if (node.kind === 'service' && node.config.domain) return `${node.config.domain} service`;
  if (node.kind === 'proxy' && node.config.attachedTo) return 'sidecar proxy';
  return nodeKindNames[node.kind];
}

/** Each node's role and responsibilities, in a sentence or two derived from its kind and config. */
export function describeComponents(ctx: AnalysisContext): ComponentSummary[] {
  return ctx.graph.nodes.map((node) => ({
    nodeId: node.id,
    kind: node.kind,
    label: node.label,
    role: role(node),
    responsibilities: responsibilitiesOf(node, ctx),
  }));
}
