import type { ArchNode } from '../../core/model/schema';
import { formatCount, formatDistribution, formatMs } from './format';

export interface NodeSummary {
  /** Replica count shown as ×N, for kinds that scale out. */
  instances: number | null;
  /** Key settings, most telling first; the card shows the first few. */
  facts: string[];
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** What a node card shows at a glance, derived from the node's config alone. */
export function nodeSummary(node: ArchNode): NodeSummary {
  switch (node.kind) {
    case 'client': {
      const w = node.config.workload;
      const load =
        w.kind === 'open'
          ? `${formatCount(w.ratePerSec)} req/s · ${w.arrival}`
          : `${w.users} users · think ${formatDistribution(w.thinkTimeMs)}`;
      return { instances: null, facts: [load, plural(node.config.requestMix.length, 'request type')] };
    }
    case 'gateway': {
      const c = node.config;
      const facts = [plural(c.routes.length, 'route')];
      if (c.rateLimit) facts.push(`limit ${formatCount(c.rateLimit.ratePerSec)}/s`);
      if (c.auth) facts.push('auth');
      return {
        instances: c.instances,
        facts: [facts.join(' · '), `${c.concurrency} slots · q${formatCount(c.queueCapacity)}`],
      };
    }
    case 'service': {
      const c = node.config;
      const facts = [
        `${c.concurrency} slots · q${formatCount(c.queueCapacity)} · ${formatDistribution(c.serviceTimeMs)}`,
      ];
      const api = [plural(c.endpoints.length, 'endpoint')];
      if (c.subscriptions.length > 0) api.push(plural(c.subscriptions.length, 'subscription'));
      if (c.errorRate > 0) api.push(`${+(c.errorRate * 100).toFixed(2)}% errors`);
      facts.push(api.join(' · '));
      return { instances: c.instances, facts };
    }
    case 'proxy': {
      const c = node.config;
      return {
        instances: null,
        facts: [
          `mTLS ${c.mtls.toLowerCase()}${c.attachedTo ? ` · ${c.attachedTo}` : ''}`,
          `${plural(c.routes.length, 'route')} · ${plural(c.policies.length, 'policy')}`.replace(
            'policys',
            'policies',
          ),
        ],
      };
    }
    case 'controlPlane':
      return { instances: null, facts: [`propagates in ${formatMs(node.config.propagationDelayMs)}`] };
    case 'registry':
      return {
        instances: null,
        facts: [
          `heartbeat ${formatMs(node.config.heartbeatIntervalMs)} · lease ${formatMs(node.config.leaseMs)}`,
        ],
      };
    case 'configServer': {
      const c = node.config;
      const how = c.mode === 'push' ? 'push' : `poll ${formatMs(c.pollIntervalMs)}`;
      return { instances: null, facts: [`${how} · ${plural(Object.keys(c.keys).length, 'service')}`] };
    }
    case 'eventBus': {
      const topics = node.config.topics;
      const names = topics.map((t) => `${t.name}/${t.partitions}`).join(', ');
      return {
        instances: null,
        facts: [
          topics.length ? names : 'no topics',
          `deliver ${formatDistribution(node.config.deliveryLatencyMs)}`,
        ],
      };
    }
    case 'eventStore':
      return {
        instances: null,
        facts: [
          `append ${formatDistribution(node.config.appendLatencyMs)} · snapshot /${node.config.snapshotEvery}`,
        ],
      };
    case 'readModel':
      return {
        instances: null,
        facts: [
          `${node.config.source ? `from ${node.config.source} · ` : ''}lag ${formatDistribution(node.config.projectionLatencyMs)}`,
        ],
      };
    case 'logRouter':
      return { instances: null, facts: [`shard by ${node.config.strategy}`] };
    case 'logStore':
      return {
        instances: null,
        facts: [
          `${formatCount(node.config.capacity)} entries · query ${formatDistribution(node.config.queryLatencyMs)}`,
        ],
      };
  }
}
