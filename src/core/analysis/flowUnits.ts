import type { ArchEdge, NodeOfKind, Step } from '../model/schema';
import { tighterTimeoutMs } from '../model/timeouts';
import { meanMs } from './distributionMean';
import type { ArchGraph } from './graph';
import { deniedByPolicy, type Headers, matchEndpoint, matchGatewayRoute, matchMeshRoute } from './matching';
import { MessageFanOut } from './messageFanOut';
import { addScaled, bump, emptyUnit, expectedAttempts, type Unit } from './unit';

/** Request paths deeper than this are cut: real call chains are far shorter, loops are not. */
const MAX_FLOW_DEPTH = 32;

/** The probability that one attempt at a node fails by the node's own doing. */
function failureProbability(graph: ArchGraph, nodeId: string): number {
  const n = graph.node(nodeId);
  return n?.kind === 'service' ? n.config.errorRate : 0;
}

function headersKey(headers: Headers): string {
  return Object.keys(headers)
    .sort()
    .map((k) => `${k}=${headers[k]}`)
    .join('&');
}

/**
 * Builds memoised traffic units (see unit.ts) for requests at nodes, walking routes, endpoints,
 * steps and splits the way the runtime would send them; cycles are cut and recorded. What a step
 * sends to a bus, store or log router fans out in messageFanOut.ts.
 */
export class UnitBuilder {
  readonly cycles: string[][] = [];
  depthLimited = false;
  private readonly memo = new Map<string, Unit>();
  private readonly stack: string[] = [];
  private readonly stackNodes: string[] = [];
  private readonly cycleKeys = new Set<string>();
  private readonly fanOut: MessageFanOut;

  constructor(readonly graph: ArchGraph) {
    this.fanOut = new MessageFanOut(this);
  }

  /** One sync request of `method path` with `headers` arriving at `nodeId`. */
  request(nodeId: string, method: string, path: string, headers: Headers): Unit {
    const key = `q|${nodeId}|${method}|${path}|${headersKey(headers)}`;
    return this.memoised(key, nodeId, () => {
      const node = this.graph.node(nodeId);
      if (node?.kind === 'service') return this.serviceRequest(node, method, path, headers);
      if (node?.kind === 'gateway') return this.gatewayRequest(node, method, path, headers);
      if (node?.kind === 'proxy') return this.proxyRequest(node, method, path, headers);
      const u = emptyUnit();
      bump(u.nominal, `u|${nodeId}|noTarget|${method} ${path}`, 1);
      return u;
    });
  }

  /**
   * Sends a unit of calls over `edge` (or records unserved traffic when there is none) and returns
   * the caller's wait in ms: both network trips and the callee's answer, cut at the timeout.
   */
  callOver(
    into: Unit,
    edge: ArchEdge | undefined,
    callerId: string,
    request: string,
    callee: () => Unit,
    calleeId: string,
    timeoutMs: number,
    fraction = 1,
  ): number {
    if (!edge) {
      bump(into.nominal, `u|${callerId}|noEdge|${request} -> ${calleeId}`, fraction);
      return 0;
    }
    const child = callee();
    const r = edge.config.retry.maxRetries;
    const attempts = expectedAttempts(failureProbability(this.graph, calleeId), r);
    const responseMs = 2 * meanMs(edge.config.latencyMs) + child.responseMs;
    bump(into.nominal, `e|${edge.id}`, fraction);
    bump(into.nominal, `a|${edge.id}`, fraction * attempts);
    bump(into.nominal, `r|${edge.id}`, fraction * responseMs);
    addScaled(into.nominal, child.nominal, fraction * attempts);
    bump(into.worst, `a|${edge.id}`, fraction * (1 + r));
    addScaled(into.worst, child.worst, fraction * (1 + r));
    return timeoutMs > 0 ? Math.min(responseMs, timeoutMs) : responseMs;
  }

  /** Builds the unit of `key` once; a key already on the walk's stack is a cycle and yields nothing. */
  memoised(key: string, nodeId: string, build: () => Unit): Unit {
    const hit = this.memo.get(key);
    if (hit) return hit;
    const at = this.stack.indexOf(key);
    if (at >= 0) {
      const cycle = [...this.stackNodes.slice(at), nodeId];
      const id = cycle.join('>');
      if (!this.cycleKeys.has(id)) {
        this.cycleKeys.add(id);
        this.cycles.push(cycle);
      }
      return emptyUnit();
    }
    if (this.stack.length >= MAX_FLOW_DEPTH) {
      this.depthLimited = true;
      return emptyUnit();
    }
    this.stack.push(key);
    this.stackNodes.push(nodeId);
    const unit = build();
    this.stack.pop();
    this.stackNodes.pop();
    this.memo.set(key, unit);
    return unit;
  }

  /** Records one arrival at `nodeId` holding a slot `holdMs`, under `handler` when one matched. */
  arrive(u: Unit, nodeId: string, handler: string | null, holdMs: number): void {
    bump(u.nominal, `n|${nodeId}`, 1);
    bump(u.worst, `n|${nodeId}`, 1);
    bump(u.nominal, `b|${nodeId}`, holdMs);
    if (handler !== null) {
      bump(u.nominal, `h|${nodeId}|${handler}`, 1);
      bump(u.nominal, `k|${nodeId}|${handler}`, holdMs);
    }
  }

  private serviceRequest(node: NodeOfKind<'service'>, method: string, path: string, headers: Headers): Unit {
    const u = emptyUnit();
    const match = matchEndpoint(node, method, path);
    if (!('index' in match)) {
      this.arrive(u, node.id, null, 0);
      bump(u.nominal, `u|${node.id}|${match.reason}|${method} ${path}`, 1);
      return u;
    }
    const ep = node.config.endpoints[match.index]!;
    const holdMs = this.runSteps(u, node, ep.steps, `${method} ${path}`, headers);
    this.arrive(u, node.id, `${ep.method} ${ep.path}`, holdMs);
    u.responseMs = holdMs;
    return u;
  }

  /** Runs an endpoint's or subscription's steps into `u`; returns the slot holding time in ms. */
  runSteps(
    u: Unit,
    node: NodeOfKind<'service'>,
    steps: readonly Step[],
    request: string,
    headers: Headers,
  ): number {
    let holdMs = 0;
    for (const step of steps) {
      if (step.kind === 'work') {
        holdMs += meanMs(step.durationMs ?? node.config.serviceTimeMs);
        continue;
      }
      const edge = this.graph.edge(node.id, step.target);
      // The runtime ends the request with 502 at a step that has no edge: later steps never run.
      if (!edge) {
        bump(u.nominal, `u|${node.id}|noEdge|${request} -> ${step.target}`, 1);
        break;
      }
      const timeout = edge.config.timeoutMs;
      const wait = this.callOver(
        u,
        edge,
        node.id,
        request,
        () => this.stepUnit(step, headers),
        step.target,
        timeout,
      );
      if (step.kind !== 'log') holdMs += wait;
    }
    return holdMs;
  }

  private stepUnit(step: Exclude<Step, { kind: 'work' }>, headers: Headers): Unit {
    switch (step.kind) {
      case 'call':
        return this.request(step.target, step.method, step.path, headers);
      case 'publish':
      // A request reaches the topic's subscribers as a publish does (the reply's wait is not modelled here).
      case 'request':
        return this.fanOut.publish(step.target, step.topic);
      case 'append':
        return this.fanOut.append(step.target);
      case 'query':
        return this.fanOut.query(step.target);
      case 'log':
        return this.fanOut.log(step.target);
    }
  }

  private gatewayRequest(node: NodeOfKind<'gateway'>, method: string, path: string, headers: Headers): Unit {
    const u = emptyUnit();
    const i = matchGatewayRoute(node, path, headers);
    if (i < 0) {
      this.arrive(u, node.id, null, 0);
      bump(u.nominal, `u|${node.id}|noRoute|${method} ${path}`, 1);
      return u;
    }
    const route = node.config.routes[i]!;
    const edge = this.graph.edge(node.id, route.target);
    const edgeTimeout = edge?.config.timeoutMs ?? 0;
    const timeout = tighterTimeoutMs(route.timeoutMs, edgeTimeout);
    const upstream = route.rewritePath ?? path;
    let holdMs = meanMs(node.config.serviceTimeMs);
    holdMs += this.callOver(
      u,
      edge,
      node.id,
      `${method} ${path}`,
      () => this.request(route.target, method, upstream, headers),
      route.target,
      timeout,
    );
    this.arrive(u, node.id, `route ${route.pathPrefix} -> ${route.target}`, holdMs);
    u.responseMs = holdMs;
    return u;
  }

  private proxyRequest(node: NodeOfKind<'proxy'>, method: string, path: string, headers: Headers): Unit {
    const u = emptyUnit();
    if (deniedByPolicy(node, method, path)) {
      this.arrive(u, node.id, null, meanMs(node.config.serviceTimeMs));
      bump(u.nominal, `u|${node.id}|denied|${method} ${path}`, 1);
      u.responseMs = meanMs(node.config.serviceTimeMs);
      return u;
    }
    const i = matchMeshRoute(node, path, headers);
    let destinations: { target: string; weight: number }[];
    let handler: string;
    if (i >= 0) {
      const route = node.config.routes[i]!;
      destinations = route.destinations;
      handler = `route ${route.name || i}`;
    } else if (node.config.attachedTo !== undefined) {
      destinations = [{ target: node.config.attachedTo, weight: 100 }];
      handler = `forward -> ${node.config.attachedTo}`;
    } else {
      this.arrive(u, node.id, null, 0);
      bump(u.nominal, `u|${node.id}|noRoute|${method} ${path}`, 1);
      return u;
    }
    const total = destinations.reduce((s, d) => s + Math.max(0, d.weight), 0);
    let holdMs = meanMs(node.config.serviceTimeMs);
    destinations.forEach((d) => {
      // A lone destination takes all traffic whatever its weight (Istio).
      const share = destinations.length === 1 ? 1 : total > 0 ? Math.max(0, d.weight) / total : 0;
      if (share === 0) return;
      const edge = this.graph.edge(node.id, d.target);
      const wait = this.callOver(
        u,
        edge,
        node.id,
        `${method} ${path}`,
        () => this.request(d.target, method, path, headers),
        d.target,
        edge?.config.timeoutMs ?? 0,
        share,
      );
      holdMs += share * wait;
    });
    this.arrive(u, node.id, handler, holdMs);
    u.responseMs = holdMs;
    return u;
  }
}
