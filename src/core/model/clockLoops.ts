import type { Distribution } from './fields';
import type { ValidationIssue } from './issues';
import { type Headers, matchEndpoint, matchGatewayRoute, matchMeshRoute } from './requestMatching';
import type { ArchDocument, ArchEdge, ArchNode, NodeOfKind, Step } from './schema';

/**
 * Finds the models whose clock cannot advance: a loop of events that all happen at one instant.
 * Two loops are certain from the document alone, and refused before a run:
 *
 * - a closed workload with no think time whose request is answered at once (no link to send it over,
 *   or zero latency and zero work on every hop): each user sends again at the same instant, forever;
 * - a cycle of sync calls with zero latency and zero work before each call (A calls B calls A ...):
 *   one request starts an endless chain at one instant.
 *
 * Requests are followed as the runtime routes them (requestMatching.ts). Whatever is not certain (an
 * open breaker rejecting at once, a queue that happens to be full) is left to the run, which stops
 * with a clear message when too many events run at one instant (run/limits.ts).
 */

/** Durations under a nanosecond: added to a clock that reads a day in ms, they would not move it. */
const ZERO_MS = 1e-6;

/** Whether every sample of `d` is (as good as) zero. Exponential and lognormal means are positive. */
function alwaysZero(d: Distribution): boolean {
  switch (d.kind) {
    case 'constant':
      return d.ms < ZERO_MS;
    case 'uniform':
      return d.maxMs < ZERO_MS;
    case 'normal':
      // Truncated at 0: seven standard deviations cover every draw of the engine's Box–Muller.
      return d.meanMs + 7 * d.stdDevMs < ZERO_MS;
    default:
      return false;
  }
}

/** One request as a node receives it. */
interface Hop {
  nodeId: string;
  method: string;
  path: string;
  headers: Headers;
}

/** How a hop ends: at once, after some time, or never (it calls back into a hop still waiting). */
type Outcome = { kind: 'atOnce' } | { kind: 'takesTime' } | { kind: 'cycle'; hops: Hop[] };

/** Hops followed from one request, at most. */
const MAX_DEPTH = 200;

const AT_ONCE: Outcome = { kind: 'atOnce' };
const TAKES_TIME: Outcome = { kind: 'takesTime' };

const hopKey = (h: Hop) => `${h.nodeId}\u0000${h.method}\u0000${h.path}`;
const describeHop = (h: Hop) => `"${h.nodeId}" (${h.method} ${h.path})`;

class ClockWalk {
  private readonly nodes = new Map<string, ArchNode>();
  private readonly memo = new Map<string, Outcome>();
  private readonly stack: Hop[] = [];

  constructor(private readonly document: ArchDocument) {
    for (const node of document.nodes) if (!this.nodes.has(node.id)) this.nodes.set(node.id, node);
  }

  /** The first edge from `source` to `target` (parallel edges: the first declared carries traffic). */
  edge(source: string, target: string): ArchEdge | undefined {
    return this.document.edges.find((e) => e.source === source && e.target === target);
  }

  /** How a request over the edge from `source` to `hop.nodeId` ends, as its caller sees it. */
  viaEdge(source: string, hop: Hop): Outcome {
    const edge = this.edge(source, hop.nodeId);
    // No link: the caller fails the step at once (502).
    if (!edge) return AT_ONCE;
    if (!alwaysZero(edge.config.latencyMs)) return TAKES_TIME;
    return this.hop(hop);
  }

  hop(hop: Hop): Outcome {
    // A chain this deep is not followed further: no loop is claimed, and the stack stays small.
    if (this.stack.length >= MAX_DEPTH) return TAKES_TIME;
    const key = hopKey(hop);
    const onStack = this.stack.findIndex((h) => hopKey(h) === key);
    if (onStack >= 0) return { kind: 'cycle', hops: [...this.stack.slice(onStack), hop] };
    const known = this.memo.get(key);
    if (known) return known;
    this.stack.push(hop);
    const outcome = this.serve(hop);
    this.stack.pop();
    // A cycle is reported once, from where it was found; elsewhere it is time that never ends.
    this.memo.set(key, outcome.kind === 'cycle' ? TAKES_TIME : outcome);
    return outcome;
  }

  private serve(hop: Hop): Outcome {
    const node = this.nodes.get(hop.nodeId);
    switch (node?.kind) {
      case 'service':
        return this.service(node, hop);
      case 'gateway':
        return this.gateway(node, hop);
      case 'proxy':
        return this.proxy(node, hop);
      default:
        return TAKES_TIME;
    }
  }

  private service(node: NodeOfKind<'service'>, hop: Hop): Outcome {
    // The e-commerce domain adds steps of its own: not followed, so never called a loop.
    if (node.config.domain !== undefined) return TAKES_TIME;
    const match = matchEndpoint(node, hop.method, hop.path);
    if (!('index' in match)) return AT_ONCE;
    for (const step of node.config.endpoints[match.index]!.steps) {
      const outcome = this.step(node, step, hop);
      if (outcome.kind !== 'atOnce') return outcome;
    }
    return AT_ONCE;
  }

  private step(node: NodeOfKind<'service'>, step: Step, hop: Hop): Outcome {
    switch (step.kind) {
      case 'work':
        return alwaysZero(step.durationMs ?? node.config.serviceTimeMs) ? AT_ONCE : TAKES_TIME;
      case 'call':
        return this.viaEdge(node.id, {
          nodeId: step.target,
          method: step.method,
          path: step.path,
          headers: hop.headers,
        });
      case 'log':
        return AT_ONCE;
      default: {
        // A message answered by a data node: at once only over a zero-latency link to a zero-latency store.
        const edge = this.edge(node.id, step.target);
        if (!edge) return AT_ONCE;
        const target = this.nodes.get(step.target);
        const answered =
          target?.kind === 'eventBus' ||
          (target?.kind === 'eventStore' && alwaysZero(target.config.appendLatencyMs)) ||
          (target?.kind === 'readModel' && alwaysZero(target.config.queryLatencyMs));
        return answered && alwaysZero(edge.config.latencyMs) ? AT_ONCE : TAKES_TIME;
      }
    }
  }

  private gateway(node: NodeOfKind<'gateway'>, hop: Hop): Outcome {
    const route = matchGatewayRoute(node, hop.path, hop.headers);
    if (route < 0) return AT_ONCE;
    const auth = node.config.auth?.requiredHeader.toLowerCase();
    if (auth !== undefined && !Object.keys(hop.headers).some((h) => h.toLowerCase() === auth)) return AT_ONCE;
    if (!alwaysZero(node.config.serviceTimeMs)) return TAKES_TIME;
    const r = node.config.routes[route]!;
    return this.viaEdge(node.id, { ...hop, nodeId: r.target, path: r.rewritePath ?? hop.path });
  }

  private proxy(node: NodeOfKind<'proxy'>, hop: Hop): Outcome {
    const targets = this.proxyTargets(node, hop);
    if (targets.length === 0) return AT_ONCE;
    let outcome: Outcome = AT_ONCE;
    // Every destination traffic may take must answer at once for the hop to.
    for (const target of targets) {
      const next = this.viaEdge(node.id, { ...hop, nodeId: target });
      if (next.kind === 'cycle') return next;
      if (next.kind === 'takesTime') outcome = TAKES_TIME;
    }
    return outcome.kind === 'atOnce' && !alwaysZero(node.config.serviceTimeMs) ? TAKES_TIME : outcome;
  }

  private proxyTargets(node: NodeOfKind<'proxy'>, hop: Hop): string[] {
    if (node.config.routes.length === 0) {
      const fallback =
        node.config.attachedTo ??
        this.document.edges.find((e) => e.source === node.id && e.kind === 'sync')?.target;
      return fallback === undefined ? [] : [fallback];
    }
    const route = matchMeshRoute(node, hop.path, hop.headers);
    if (route < 0) return [];
    const destinations = node.config.routes[route]!.destinations;
    const weighted = destinations.filter((d) => d.weight > 0);
    return (weighted.length > 0 || destinations.length !== 1 ? weighted : destinations).map((d) => d.target);
  }
}

/** Whether a node takes a request, as a client uses it to choose among its edges. */
function accepts(node: ArchNode | undefined, method: string, path: string): boolean {
  if (node?.kind === 'service') return 'index' in matchEndpoint(node, method, path);
  if (node?.kind === 'gateway') return matchGatewayRoute(node, path, {}) >= 0;
  return node?.kind === 'proxy';
}

/** The edge a client sends a request over: the first whose target takes it, else the first. */
function clientEdge(document: ArchDocument, edges: readonly ArchEdge[], method: string, path: string) {
  const target = (e: ArchEdge) => document.nodes.find((n) => n.id === e.target);
  return edges.find((e) => accepts(target(e), method, path)) ?? edges[0];
}

/**
 * The loops of a valid document that stop its clock, each as a `path: message` problem; empty when
 * the clock can always advance (as far as the document alone can tell).
 */
export function checkClockLoops(document: ArchDocument): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const walk = new ClockWalk(document);
  const reported = new Set<string>();
  const reportCycle = (hops: Hop[]) => {
    const key = hops.slice(0, -1).map(hopKey).sort().join('|');
    if (reported.has(key)) return;
    reported.add(key);
    const first = hops[0]!;
    const index = document.nodes.findIndex((n) => n.id === first.nodeId);
    issues.push({
      path: `nodes[${index}].config.endpoints`,
      message: `the clock cannot advance: ${hops.map(describeHop).join(' calls ')} again at the same instant, forever (zero latency and zero work before every call); give a work step or a link's latency a duration, or break the cycle`,
    });
  };
  document.nodes.forEach((node, i) => {
    if (node.kind !== 'client') return;
    const edges = document.edges.filter((e) => e.source === node.id && e.kind === 'sync');
    const workload = node.config.workload;
    const thinksNoTime = workload.kind === 'closed' && workload.users > 0 && alwaysZero(workload.thinkTimeMs);
    if (thinksNoTime && edges.length === 0) {
      issues.push({
        path: `nodes[${i}].config.workload.thinkTimeMs`,
        message: `the clock cannot advance: "${node.id}" has no link to send its requests over, so each fails at once and its users, with no think time, send the next at the same instant; link the client or give its users a think time`,
      });
      return;
    }
    const sent = node.config.requestMix.filter(
      (m, _, all) => m.weight > 0 || all.every((x) => x.weight === 0),
    );
    for (const entry of sent) {
      const edge = clientEdge(document, edges, entry.method, entry.path);
      if (!edge) break;
      const hop = { nodeId: edge.target, method: entry.method, path: entry.path, headers: entry.headers };
      // A cycle behind the first hop stalls the clock whenever a request reaches it.
      const outcome = walk.hop(hop);
      if (outcome.kind === 'cycle') reportCycle(outcome.hops);
      else if (thinksNoTime && alwaysZero(edge.config.latencyMs) && outcome.kind === 'atOnce') {
        issues.push({
          path: `nodes[${i}].config.workload.thinkTimeMs`,
          message: `the clock cannot advance: the users of "${node.id}" send their next request the instant the last one ends, and ${entry.method} ${entry.path} is answered at once (zero latency and zero work on every hop from ${describeHop(hop)}); give the think time, a link's latency or a service time a duration`,
        });
        return;
      }
    }
  });
  return issues;
}
