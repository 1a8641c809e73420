import { IdMaker } from '../ids';
import { asArray, asNumber, asObject, asString } from '../types';
import { ANNOTATION_ID, ANNOTATION_IMPLICIT_ROUTE, ANNOTATION_SIDECAR, LABEL_INJECT } from './meta';
import {
  durationField,
  type ReadContext,
  readDestinations,
  readLoadBalancer,
  readMatch,
  readPolicies,
  readTrafficPolicy,
  routeTiming,
  shortHost,
} from './readMesh';
import { groupOf, NameTable, type RawEdge, type RawNode, type ReadObject, selectedApp } from './skeleton';

/** What Kubernetes and Istio objects say about a design, before the archplay ConfigMaps are applied. */
export interface Skeleton {
  nodes: RawNode[];
  edges: RawEdge[];
}

interface Workload {
  id: string;
  app: string;
  sidecar?: string;
}

const READ_KINDS = new Set([
  'apps/Deployment',
  '/Service',
  '/ServiceAccount',
  '/ConfigMap',
  'networking.istio.io/VirtualService',
  'networking.istio.io/DestinationRule',
  'networking.istio.io/Gateway',
  'security.istio.io/AuthorizationPolicy',
  'security.istio.io/PeerAuthentication',
]);

const typeOf = (o: ReadObject) => `${groupOf(o.apiVersion)}/${o.kind}`;

class Reader {
  readonly nodes: RawNode[] = [];
  readonly edges: RawEdge[] = [];
  private readonly nodeIds = new IdMaker();
  private readonly edgeIds = new IdMaker();
  private readonly workloads: Workload[] = [];
  private readonly byHost = new Map<string, Workload>();
  readonly ctx: ReadContext;

  constructor(
    private readonly objects: readonly ReadObject[],
    assumed: string[],
    ignored: string[],
  ) {
    this.ctx = {
      names: new NameTable(objects),
      assumed,
      ignored,
      entryOfHost: (host) => {
        const w = this.byHost.get(host);
        return w?.sidecar ?? w?.id;
      },
      serviceOfHost: (host) => this.byHost.get(host)?.id,
    };
  }

  of(type: string): ReadObject[] {
    return this.objects.filter((o) => typeOf(o) === type);
  }

  node(id: string, kind: string, config: Record<string, unknown>): RawNode {
    const node: RawNode = { id, kind, label: id, position: { x: 0, y: 0 }, config };
    this.nodeIds.reserve(id);
    this.nodes.push(node);
    return node;
  }

  edge(source: string, target: string, config: Record<string, unknown>): void {
    if (this.edges.some((e) => e.source === source && e.target === target)) return;
    const id = this.edgeIds.make(`${source}-${target}`);
    this.edges.push({ id, source, target, kind: 'sync', config });
  }

  readServices(): void {
    for (const d of this.of('apps/Deployment')) {
      const template = asObject(d.spec.template) ?? {};
      const podLabels = asObject(asObject(template.metadata)?.labels) ?? {};
      const id = d.annotations[ANNOTATION_ID] ?? this.nodeIds.make(d.name);
      const replicas = asNumber(d.spec.replicas);
      if (replicas === undefined)
        this.ctx.assumed.push(`${d.where}: no replicas, so 1 instance (the Kubernetes default)`);
      const version = asString(podLabels.version);
      if (version === undefined) this.ctx.assumed.push(`${d.where}: no version label, so version v1`);
      this.node(id, 'service', { instances: Math.max(1, replicas ?? 1), version: version ?? 'v1' });
      const app = asString(podLabels.app) ?? d.name;
      const workload: Workload = { id, app };
      const injected = podLabels[LABEL_INJECT] === 'true' || d.annotations[ANNOTATION_SIDECAR] !== undefined;
      if (injected) workload.sidecar = d.annotations[ANNOTATION_SIDECAR] ?? `${id}-sidecar`;
      this.workloads.push(workload);
      this.byHost.set(d.name, workload);
    }
    // A Service in front of a Deployment is the host callers use.
    for (const s of this.of('/Service')) {
      const app = asString(asObject(s.spec.selector)?.app);
      const workload = this.workloads.find((w) => w.app === app) ?? this.byHost.get(s.name);
      if (workload === undefined) this.ctx.ignored.push(`${s.where}: selects no Deployment here`);
      else this.byHost.set(s.name, workload);
    }
  }

  readProxies(): void {
    const services = this.of('networking.istio.io/VirtualService').filter(
      (v) => asArray(v.spec.gateways).length === 0,
    );
    // The DestinationRule of a workload: the first whose host (a Service or Deployment name) reaches it.
    const ruleByWorkload = new Map<string, ReadObject>();
    for (const r of this.of('networking.istio.io/DestinationRule')) {
      const w = this.byHost.get(shortHost(asString(r.spec.host) ?? ''));
      if (w !== undefined && !ruleByWorkload.has(w.id)) ruleByWorkload.set(w.id, r);
    }
    for (const w of this.workloads) {
      const routing = services.find((v) =>
        asArray(v.spec.hosts).some((h) => typeof h === 'string' && this.byHost.get(shortHost(h)) === w),
      );
      if (w.sidecar === undefined && routing === undefined) continue;
      const proxyId = w.sidecar ?? `${w.id}-sidecar`;
      w.sidecar = proxyId;
      const config: Record<string, unknown> = { attachedTo: w.id };
      const hostRule = ruleByWorkload.get(w.id);
      Object.assign(config, readTrafficPolicy(hostRule, this.ctx));
      config.policies = readPolicies(
        this.of('security.istio.io/AuthorizationPolicy').filter((p) => selectedApp(p.spec) === w.app),
        this.ctx,
      );
      const peer = this.of('security.istio.io/PeerAuthentication').find((p) => selectedApp(p.spec) === w.app);
      const mode = asString(asObject(peer?.spec.mtls)?.mode);
      if (mode === 'DISABLE' || mode === 'PERMISSIVE' || mode === 'STRICT') config.mtls = mode;
      else this.ctx.assumed.push(`${proxyId}: no PeerAuthentication mode, so PERMISSIVE (Istio's default)`);
      const { routes, timing } = this.readRoutes(routing, w);
      config.routes = routes;
      this.node(proxyId, 'proxy', config);
      for (const [target, edgeConfig] of timing) {
        this.edge(proxyId, target, {
          ...edgeConfig,
          loadBalancer: readLoadBalancer(ruleByWorkload.get(target), this.ctx),
        });
      }
    }
  }

  /** Routes of a sidecar's VirtualService, and each destination's retries and timeout. */
  private readRoutes(routing: ReadObject | undefined, w: Workload) {
    const timing = new Map<string, Record<string, unknown>>();
    if (routing === undefined) {
      timing.set(w.id, routeTiming({}, `${w.sidecar}: no VirtualService`, this.ctx));
      return { routes: [], timing };
    }
    const implicit = routing.annotations[ANNOTATION_IMPLICIT_ROUTE] === 'true';
    const routes: Record<string, unknown>[] = [];
    const http = asArray(routing.spec.http);
    // An edge takes the retries and timeout of the first route it leads, else of the first it is in.
    const secondary = new Map<string, Record<string, unknown>>();
    for (const [i, value] of http.entries()) {
      const route = asObject(value) ?? {};
      const where = `${routing.where}.http[${i}]`;
      const destinations = readDestinations(route, where, this.ctx);
      if (destinations.length === 0) continue;
      const t = routeTiming(route, where, this.ctx);
      if (!timing.has(destinations[0]!.target)) timing.set(destinations[0]!.target, t);
      for (const d of destinations) if (!secondary.has(d.target)) secondary.set(d.target, t);
      routes.push({
        name: asString(route.name) ?? '',
        match: readMatch(route, where, this.ctx),
        destinations,
      });
    }
    for (const [target, t] of secondary) if (!timing.has(target)) timing.set(target, t);
    return { routes: implicit ? [] : routes, timing };
  }

  readGateways(): void {
    const services = this.of('networking.istio.io/VirtualService');
    for (const g of this.of('networking.istio.io/Gateway')) {
      const id = g.annotations[ANNOTATION_ID] ?? this.nodeIds.make(g.name);
      const bound = services.filter((v) =>
        asArray(v.spec.gateways).some((n) => typeof n === 'string' && n.split('/').pop() === g.name),
      );
      const routes: Record<string, unknown>[] = [];
      const timing = new Map<string, Record<string, unknown>>();
      for (const v of bound) {
        for (const [i, value] of asArray(v.spec.http).entries()) {
          const route = asObject(value) ?? {};
          const where = `${v.where}.http[${i}]`;
          const host = asString(asObject(asObject(asArray(route.route)[0])?.destination)?.host);
          const target = host === undefined ? undefined : this.ctx.entryOfHost(shortHost(host));
          if (target === undefined) {
            this.ctx.ignored.push(`${where}: destination host "${host ?? ''}" is no Deployment here`);
            continue;
          }
          if (asArray(route.route).length > 1)
            this.ctx.ignored.push(`${where}.route: a gateway route has one target; the first is read`);
          const match = asObject(asArray(route.match)[0]) ?? {};
          const uri = asObject(match.uri) ?? {};
          const headers: Record<string, string> = {};
          for (const [h, m] of Object.entries(asObject(match.headers) ?? {})) {
            const exact = asString(asObject(m)?.exact);
            if (exact === undefined)
              this.ctx.ignored.push(`${where}.match.headers.${h}: gateways match exact values only`);
            else headers[h] = exact;
          }
          const rewrite = asString(asObject(route.rewrite)?.uri);
          const t = routeTiming(route, where, this.ctx);
          if (!timing.has(target)) timing.set(target, t);
          routes.push({
            pathPrefix: asString(uri.prefix) ?? asString(uri.exact) ?? '/',
            headers,
            target,
            ...(rewrite === undefined ? {} : { rewritePath: rewrite }),
            timeoutMs: durationField(route.timeout, `${where}.timeout`, 0, this.ctx.ignored),
          });
        }
      }
      this.node(id, 'gateway', { routes });
      for (const [target, t] of timing) this.edge(id, target, { retry: t.retry });
    }
  }

  noteUnread(): void {
    for (const o of this.objects) {
      if (!READ_KINDS.has(typeOf(o)))
        this.ctx.ignored.push(`${o.where}: ${o.apiVersion} ${o.kind} is not read`);
    }
  }
}

/**
 * Reads the design that Kubernetes and Istio objects describe: Deployments as services (replicas,
 * version), sidecars with their VirtualService routes, DestinationRule traffic policies,
 * AuthorizationPolicies and PeerAuthentication, and Istio ingress Gateways with their routes.
 * Everything the objects do not say is left to the schema's defaults or to the archplay ConfigMaps.
 */
export function readSkeleton(objects: readonly ReadObject[], assumed: string[], ignored: string[]): Skeleton {
  const reader = new Reader(objects, assumed, ignored);
  reader.readServices();
  reader.readProxies();
  reader.readGateways();
  reader.noteUnread();
  return { nodes: reader.nodes, edges: reader.edges };
}
