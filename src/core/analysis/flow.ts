import { kindAnalyses } from '../kinds/analyses';
import type { NodeKind } from '../kinds/nodeKinds';
import type { NodeOfKind, Scenario } from '../model/schema';
import { meanMs } from './distributionMean';
import { UnitBuilder } from './flowUnits';
import type { ArchGraph } from './graph';
import { acceptsRequest } from './matching';
import { round } from './numbers';
import type {
  ClientLoad,
  EdgeLoad,
  HandlerLoad,
  LoadAnalysis,
  LoadStatus,
  NodeLoad,
  UnservedTraffic,
} from './types';
import { addScaled, emptyUnit, read, type Unit } from './unit';

/** Utilisation from which a node is near capacity (queues grow fast beyond it). */
const WARN_UTILISATION = 0.8;
/** Utilisation from which a node cannot keep up at all. */
const OVERLOAD_UTILISATION = 1;

/** The highest value a client's workload reaches over the scenario: its base or a later change. */
function peakOf(base: number, clientId: string, scenario: Scenario, field: 'ratePerSec' | 'users'): number {
  let peak = base;
  for (const c of scenario.workloadChanges) {
    const v = c[field];
    if (c.nodeId === clientId && v !== undefined && v > peak) peak = v;
  }
  return peak;
}

/** Traffic of one request per second from a client's mix, sent as the runtime picks edges. */
function clientUnit(graph: ArchGraph, builder: UnitBuilder, client: NodeOfKind<'client'>): Unit {
  const u = emptyUnit();
  const links = graph.from(client.id).filter((e) => e.kind === 'sync');
  const mix = client.config.requestMix;
  const total = mix.reduce((s, t) => s + t.weight, 0);
  if (total <= 0) return u;
  for (const t of mix) {
    if (t.weight === 0) continue;
    const share = t.weight / total;
    const request = `${t.method} ${t.path}`;
    // Several edges: the first whose target serves the path, else the first edge.
    const edge =
      links.find((e) => {
        const target = graph.node(e.target);
        return (
          (target?.kind === 'service' || target?.kind === 'gateway' || target?.kind === 'proxy') &&
          acceptsRequest(target, t.method, t.path)
        );
      }) ?? links[0];
    const target = edge?.target ?? '';
    const wait = builder.callOver(
      u,
      edge,
      client.id,
      request,
      () => builder.request(target, t.method, t.path, t.headers),
      target,
      edge?.config.timeoutMs ?? 0,
      share,
    );
    u.responseMs += share * wait;
  }
  return u;
}

/** Requests a node can hold at once, as its kind's analysis part counts them (null: unbounded). */
function slotsOf<K extends NodeKind>(node: NodeOfKind<K>): number | null {
  return kindAnalyses[node.kind].slots(node);
}

function statusOf(offered: number, utilisation: number | null): LoadStatus {
  if (offered <= 0) return 'idle';
  if (utilisation === null) return 'unbounded';
  if (utilisation >= OVERLOAD_UTILISATION) return 'overloaded';
  if (utilisation >= WARN_UTILISATION) return 'warn';
  return 'ok';
}

/**
 * The static flow analysis: propagates each client's peak rate through gateway routes, endpoints,
 * call steps, mesh splits and subscriptions, and derives per node the holding time, capacity and
 * utilisation (Little's law: busy slots = rate x holding time), without simulating anything.
 */
export function analyzeLoad(graph: ArchGraph): LoadAnalysis {
  const builder = new UnitBuilder(graph);
  const scenario = graph.document.scenario;
  const total = emptyUnit();
  const clients: ClientLoad[] = [];
  for (const client of graph.ofKind('client')) {
    const unit = clientUnit(graph, builder, client);
    const w = client.config.workload;
    let base: number;
    let peak: number;
    if (w.kind === 'open') {
      base = w.ratePerSec;
      peak = peakOf(base, client.id, scenario, 'ratePerSec');
    } else {
      // A closed loop: each user sends one request per think time plus response time.
      const cycleMs = meanMs(w.thinkTimeMs) + unit.responseMs;
      const perUser = cycleMs > 0 ? 1000 / cycleMs : 0;
      base = w.users * perUser;
      peak = peakOf(w.users, client.id, scenario, 'users') * perUser;
    }
    clients.push({
      nodeId: client.id,
      workload: w.kind,
      baseRatePerSec: round(base),
      peakRatePerSec: round(peak),
      responseMs: round(unit.responseMs),
    });
    total.nominal.set(`n|${client.id}`, peak);
    total.worst.set(`n|${client.id}`, peak);
    addScaled(total.nominal, unit.nominal, peak);
    addScaled(total.worst, unit.worst, peak);
  }
  return {
    clients,
    nodes: nodeLoads(graph, total),
    edges: edgeLoads(graph, total),
    ...handlersAndUnserved(total),
    cycles: builder.cycles,
    depthLimited: builder.depthLimited,
  };
}

function nodeLoads(graph: ArchGraph, total: Unit): NodeLoad[] {
  return graph.nodes.map((node): NodeLoad => {
    const offered = read(total.nominal, `n|${node.id}`);
    const slots = slotsOf(node);
    const busySlots = read(total.nominal, `b|${node.id}`) / 1000;
    const holdingMs = slots !== null && offered > 0 ? (busySlots * 1000) / offered : null;
    const utilisation = slots !== null ? busySlots / slots : null;
    let capacityPerSec: number | null = null;
    if (slots !== null && holdingMs !== null) {
      capacityPerSec = holdingMs > 0 ? (slots * 1000) / holdingMs : null;
    }
    return {
      nodeId: node.id,
      kind: node.kind,
      offeredPerSec: round(offered),
      worstCasePerSec: round(read(total.worst, `n|${node.id}`)),
      holdingMs: holdingMs === null ? null : round(holdingMs),
      slots,
      capacityPerSec: capacityPerSec === null ? null : round(capacityPerSec, 1),
      utilisation: utilisation === null ? null : round(utilisation, 4),
      status: statusOf(offered, utilisation),
    };
  });
}

function edgeLoads(graph: ArchGraph, total: Unit): EdgeLoad[] {
  return graph.edges.map((edge): EdgeLoad => {
    const calls = read(total.nominal, `e|${edge.id}`);
    const responseSum = read(total.nominal, `r|${edge.id}`);
    return {
      edgeId: edge.id,
      kind: edge.kind,
      callsPerSec: round(calls),
      attemptsPerSec: round(read(total.nominal, `a|${edge.id}`)),
      worstCaseAttemptsPerSec: round(read(total.worst, `a|${edge.id}`)),
      retryAmplification: 1 + edge.config.retry.maxRetries,
      responseMs: calls > 0 && responseSum > 0 ? round(responseSum / calls) : null,
    };
  });
}

function handlersAndUnserved(total: Unit): { handlers: HandlerLoad[]; unserved: UnservedTraffic[] } {
  const handlers: HandlerLoad[] = [];
  const unserved: UnservedTraffic[] = [];
  for (const [key, value] of total.nominal) {
    if (key.startsWith('h|')) {
      const [, nodeId, first, rest] = splitKey(key);
      const handler = rest === '' ? first : `${first}|${rest}`;
      const busy = read(total.nominal, `k|${nodeId}|${handler}`);
      handlers.push({
        nodeId,
        handler,
        ratePerSec: round(value),
        holdingMs: round(value > 0 ? busy / value : 0),
      });
    } else if (key.startsWith('u|')) {
      const [, nodeId, reason, request] = splitKey(key);
      unserved.push({
        nodeId,
        request,
        reason: reason as UnservedTraffic['reason'],
        ratePerSec: round(value),
      });
    }
  }
  return { handlers, unserved };
}

/** Splits `x|a|b|rest` into four parts; the last keeps any further separators. */
function splitKey(key: string): [string, string, string, string] {
  const parts = key.split('|');
  return [parts[0]!, parts[1] ?? '', parts[2] ?? '', parts.slice(3).join('|')];
}
