import { IdMaker } from '../ids';
import { layeredPositions } from '../layout';
import { fitLognormal, moments, roundMs } from './fit';
import type { FlatSpan } from './read';
import { type CallShape, isServer, type Shape, type ShapeBook } from './shapes';

/** Leaf kinds a trace can name (`archplay.peer.kind`), each with the step that reaches it. */
const LEAF_STEPS: Record<string, string> = {
  eventStore: 'append',
  readModel: 'query',
  logRouter: 'log',
  eventBus: 'publish',
};
/** Key of the client an import adds for traces whose roots are server spans (no traced caller). */
export const ASSUMED_CLIENT = '\u0000traffic';
const EDGE_KIND: Record<string, string> = {
  eventStore: 'eventStore',
  readModel: 'query',
  logRouter: 'log',
  eventBus: 'async',
};

/** A sampled request: who sent it, the call it made, and the shape of the answer. */
export interface Root {
  client: string;
  assumed: boolean;
  call: FlatSpan;
  /** Shape of the entry's server span, or null when the entry left none. */
  shape: string | null;
}

/**
 * Turns interned call shapes into archplay nodes and edges: clients from the roots, a service per
 * traced service with an endpoint per shape variant, and a leaf per peer that traced nothing.
 */
export class DesignBuilder {
  readonly nodes: Record<string, unknown>[] = [];
  readonly edges: Record<string, unknown>[] = [];
  readonly assumed: string[] = [];
  readonly ignored: string[] = [];
  private readonly ids = new IdMaker();
  private readonly nodeId = new Map<string, string>();
  private readonly leafKinds = new Map<string, string>();
  private readonly leafRequests = new Map<string, Set<string>>();
  private readonly leafNetworkMs = new Map<string, number>();

  constructor(
    private readonly book: ShapeBook,
    private readonly paths: Map<string, string>,
    private readonly servers: Set<string>,
    /** Requests per second each sampled root stands for. */
    private readonly ratePerRoot: number,
  ) {}

  private idOf(service: string): string {
    let id = this.nodeId.get(service);
    if (id === undefined) {
      id = this.ids.make(service === ASSUMED_CLIENT ? 'traffic' : service);
      this.nodeId.set(service, id);
    }
    return id;
  }

  private link(source: string, target: string, kind: string, latencyMs: number): void {
    const s = this.idOf(source);
    const t = this.idOf(target);
    if (this.edges.some((e) => e.source === s && e.target === t)) return;
    const config: Record<string, unknown> = { latencyMs: { kind: 'constant', ms: roundMs(latencyMs) } };
    const gaveUp = this.book.giveUpMs.get(`${source}\u0000${target}`);
    if (gaveUp !== undefined) {
      // Calls that ended before the callee answered: the caller's deadline; the trace went on after it.
      config.timeoutMs = Math.ceil(Math.max(...gaveUp));
      config.fallback = { kind: 'static', status: 200 };
      this.assumed.push(
        `${s} -> ${t}: ${gaveUp.length} calls gave up before the answer: timeout ${config.timeoutMs} ms, then the request goes on as the traces did`,
      );
    }
    this.edges.push({ id: this.ids.make(`${s}-${t}`), source: s, target: t, kind, config });
  }

  private networkMs(source: string, target: string): number {
    return moments(this.book.networkMs.get(`${source}\u0000${target}`) ?? []).mean;
  }

  /** One-way network time of a caller's traced links, for its links to untraced peers. */
  private callerNetworkMs(source: string): number {
    const links = [...this.book.networkMs];
    const own = links.filter(([k]) => k.startsWith(`${source}\u0000`)).flatMap(([, v]) => v);
    return moments(own.length > 0 ? own : links.flatMap(([, v]) => v)).mean;
  }

  /** The path a call to a traced service sends: its callee shape's variant, else the endpoint's most common. */
  private pathTo(call: CallShape): string {
    if (call.child !== null) return this.paths.get(call.child) ?? call.path;
    return call.path;
  }

  private step(caller: string, call: CallShape): Record<string, unknown> {
    const target = this.idOf(call.peer);
    if (this.servers.has(call.peer)) {
      this.link(caller, call.peer, 'sync', this.networkMs(caller, call.peer));
      return { kind: 'call', target, method: call.method, path: this.pathTo(call) };
    }
    const leafKind = call.peerKind !== undefined && LEAF_STEPS[call.peerKind] ? call.peerKind : 'service';
    this.leafKinds.set(call.peer, leafKind);
    const requests = this.leafRequests.get(call.peer) ?? new Set();
    requests.add(`${call.method} ${call.path}`);
    this.leafRequests.set(call.peer, requests);
    const durations = this.book.leafMs.get(`${call.peer} ${call.method} ${call.path}`) ?? [];
    // A publish waits for the bus to take the event: half the call each way on the link. Other
    // untraced peers get the caller's usual network time; their own time is the rest.
    const latency =
      leafKind === 'eventBus'
        ? moments(durations).mean / 2
        : Math.min(this.callerNetworkMs(caller), moments(durations).mean / 2);
    this.leafNetworkMs.set(call.peer, latency);
    this.link(caller, call.peer, EDGE_KIND[leafKind] ?? 'sync', latency);
    switch (leafKind) {
      case 'eventStore':
        return { kind: 'append', target, eventType: 'event' };
      case 'readModel':
        return { kind: 'query', target };
      case 'logRouter':
        return { kind: 'log', target };
      case 'eventBus':
        return { kind: 'publish', target, topic: call.topic ?? 'events' };
      default:
        return { kind: 'call', target, method: call.method, path: call.path };
    }
  }

  addClients(roots: readonly Root[]): void {
    const mixes = new Map<
      string,
      Map<string, { method: string; path: string; weight: number; target: string }>
    >();
    for (const root of roots) {
      const entry = root.call.service === root.client && isServer(root.call) ? root.call.service : undefined;
      const target =
        entry ??
        (this.servers.has(String(root.call.attributes.get('peer.service') ?? ''))
          ? String(root.call.attributes.get('peer.service'))
          : undefined);
      const shape = root.shape === null ? undefined : this.book.shapes.get(root.shape);
      const service = shape?.service ?? target;
      if (service === undefined) continue;
      const path = root.shape === null ? '/' : (this.paths.get(root.shape) ?? '/');
      const method = shape?.method ?? 'GET';
      const mix = mixes.get(root.client) ?? new Map();
      const key = `${service} ${method} ${path}`;
      const item = mix.get(key) ?? { method, path, weight: 0, target: service };
      item.weight++;
      mix.set(key, item);
      mixes.set(root.client, mix);
    }
    for (const [client, mix] of mixes) {
      const items = [...mix.values()];
      const targets = [...new Set(items.map((i) => i.target))];
      const rate = roundMs(items.reduce((a, i) => a + i.weight, 0) * this.ratePerRoot);
      const id = this.idOf(client);
      if (targets.length > 1)
        this.ignored.push(`${id}: a client calls one node; it sends to ${targets[0]} only`);
      this.nodes.push({
        id,
        kind: 'client',
        label: client === ASSUMED_CLIENT ? 'Assumed traffic' : client,
        position: { x: 0, y: 0 },
        config: {
          workload: { kind: 'open', ratePerSec: rate },
          requestMix: items
            .filter((i) => i.target === targets[0])
            .map(({ method, path, weight }) => ({ weight, method, path })),
        },
      });
      this.link(client, targets[0]!, 'sync', this.networkMs(client, targets[0]!));
      this.assumed.push(`${id} sends ${rate} requests/s (open, Poisson) in the traces' mix of requests`);
    }
  }

  private concurrency(service: string): number {
    const spans = this.book.serverMs.get(service) ?? [];
    const inFlight = (spans.length * this.ratePerRoot * moments(spans).mean) / 1000;
    return Math.min(10_000, Math.max(8, Math.ceil(4 * inFlight)));
  }

  addServices(): void {
    const byService = new Map<string, Shape[]>();
    for (const s of this.book.shapes.values())
      byService.set(s.service, [...(byService.get(s.service) ?? []), s]);
    for (const [service, shapes] of byService) {
      const id = this.idOf(service);
      const endpoints = shapes
        .sort((a, b) => (this.paths.get(a.key)! < this.paths.get(b.key)! ? -1 : 1))
        .filter(
          (s, i, all) =>
            all.findIndex((o) => this.paths.get(o.key) === this.paths.get(s.key) && o.method === s.method) ===
            i,
        )
        .map((s) => ({
          method: s.method,
          path: this.paths.get(s.key)!,
          steps: [
            {
              kind: 'work',
              durationMs: fitLognormal(this.book.selfMs.get(`${service}\u0000${s.method} ${s.path}`) ?? []),
            },
            ...s.calls.map((c) => this.step(service, c)),
          ],
        }));
      this.nodes.push({
        id,
        kind: 'service',
        label: service,
        position: { x: 0, y: 0 },
        config: { instances: 1, concurrency: this.concurrency(service), endpoints },
      });
    }
    for (const [peer, kind] of this.leafKinds) this.nodes.push(this.leaf(peer, kind));
    const positions = layeredPositions(
      this.nodes.map((n) => String(n.id)),
      this.edges.map((e) => ({ source: String(e.source), target: String(e.target) })),
    );
    for (const n of this.nodes) n.position = positions.get(String(n.id));
  }

  private leaf(peer: string, kind: string): Record<string, unknown> {
    const id = this.idOf(peer);
    const requests = [...(this.leafRequests.get(peer) ?? [])];
    const network = 2 * (this.leafNetworkMs.get(peer) ?? 0);
    const own = (r: string) =>
      (this.book.leafMs.get(`${peer} ${r}`) ?? []).map((ms) => Math.max(0, ms - network));
    const all = requests.flatMap(own);
    const node = { id, kind, label: peer, position: { x: 0, y: 0 } };
    switch (kind) {
      case 'eventStore':
        return { ...node, config: { appendLatencyMs: fitLognormal(all) } };
      case 'readModel':
        return { ...node, config: { queryLatencyMs: fitLognormal(all) } };
      case 'eventBus':
        return { ...node, config: {} };
      case 'logRouter':
        return { ...node, config: {} };
    }
    this.assumed.push(
      `${id}: called but never traced its own spans; modelled as a service whose work is the calls' duration`,
    );
    const endpoints = requests.map((r) => {
      const [method, path] = r.split(' ');
      return { method, path, steps: [{ kind: 'work', durationMs: fitLognormal(own(r)) }] };
    });
    return { ...node, config: { instances: 1, concurrency: 10_000, endpoints } };
  }
}
