import type { AnalysisContext } from '../context';
import { fmtNum, listWords, plural } from '../numbers';
import type { PatternMatch } from '../types';

const uniq = (ids: string[]) => [...new Set(ids)];

/** Request/response patterns: sync chains, gateway, discovery, configuration, mesh, canary, header routing, rate limits. */
export function communicationPatterns(ctx: AnalysisContext): PatternMatch[] {
  const { graph } = ctx;
  const out: PatternMatch[] = [];
  const deepest = ctx.chains.reduce((m, c) => Math.max(m, c.edgeIds.length), 0);
  if (deepest >= 2) {
    const chains = ctx.chains.filter((c) => c.edgeIds.length >= 2);
    out.push({
      pattern: 'syncChain',
      name: 'Synchronous request/response',
      detail: `${plural(chains.length, 'call chain')} of up to ${deepest} hops; each caller holds its slot while it waits.`,
      nodeIds: uniq(chains.flatMap((c) => c.nodeIds)),
      edgeIds: uniq(chains.flatMap((c) => c.edgeIds)),
    });
  }
  const gateways = graph.ofKind('gateway');
  if (gateways.length > 0) {
    const routes = gateways.reduce((s, g) => s + g.config.routes.length, 0);
    out.push({
      pattern: 'apiGateway',
      name: 'API gateway',
      detail: `${listWords(gateways.map((g) => g.label || g.id))} route${gateways.length === 1 ? 's' : ''} external requests (${plural(routes, 'route')}) to the services.`,
      nodeIds: gateways.map((g) => g.id),
      edgeIds: graph.edges
        .filter((e) => gateways.some((g) => g.id === e.source || g.id === e.target))
        .map((e) => e.id),
    });
  }
  const registryEdges = graph.edges.filter((e) => e.kind === 'registry');
  if (registryEdges.length > 0) {
    out.push({
      pattern: 'serviceDiscovery',
      name: 'Service discovery',
      detail: `${listWords(uniq(registryEdges.map((e) => graph.label(e.source))))} ${uniq(registryEdges.map((e) => e.source)).length === 1 ? 'registers' : 'register'} and heartbeat with ${listWords(uniq(registryEdges.map((e) => graph.label(e.target))))}.`,
      nodeIds: uniq(registryEdges.flatMap((e) => [e.source, e.target])),
      edgeIds: registryEdges.map((e) => e.id),
    });
  }
  const configEdges = graph.edges.filter((e) => e.kind === 'config');
  const configServers = graph.ofKind('configServer');
  if (configServers.length > 0) {
    out.push({
      pattern: 'externalizedConfig',
      name: 'Externalized configuration',
      detail: `${listWords(configServers.map((c) => c.label || c.id))} hold${configServers.length === 1 ? 's' : ''} keys for ${plural(
        configServers.reduce((s, c) => s + Object.keys(c.config.keys).length, 0),
        'service',
      )}, ${configServers.some((c) => c.config.mode === 'push') ? 'pushed on change' : 'polled'}.`,
      nodeIds: uniq([...configServers.map((c) => c.id), ...configEdges.map((e) => e.source)]),
      edgeIds: configEdges.map((e) => e.id),
    });
  }
  const proxies = graph.ofKind('proxy');
  const sidecars = proxies.filter((p) => p.config.attachedTo !== undefined);
  if (sidecars.length > 0) {
    const meshEdges = graph.edges.filter((e) => e.kind === 'mesh');
    out.push({
      pattern: 'serviceMesh',
      name: 'Sidecar / service mesh',
      detail: `${plural(sidecars.length, 'sidecar')} ${sidecars.length === 1 ? 'carries' : 'carry'} traffic for ${listWords(sidecars.map((p) => graph.label(p.config.attachedTo!)))}${meshEdges.length > 0 ? ', configured by a control plane' : ''}.`,
      nodeIds: uniq([...sidecars.map((p) => p.id), ...meshEdges.map((e) => e.source)]),
      edgeIds: meshEdges.map((e) => e.id),
    });
  }
  const splits = proxies.flatMap((p) =>
    p.config.routes
      .filter((r) => r.destinations.filter((d) => d.weight > 0).length >= 2)
      .map((r) => ({ p, r })),
  );
  if (splits.length > 0) {
    out.push({
      pattern: 'canary',
      name: 'Canary (weighted split)',
      detail: splits
        .map(({ p, r }) => {
          const total = r.destinations.reduce((s, d) => s + d.weight, 0);
          return `${graph.label(p.id)} splits ${r.destinations.map((d) => `${fmtNum((100 * d.weight) / total)}% to ${graph.label(d.target)}`).join(', ')}`;
        })
        .join('; ')
        .concat('.'),
      nodeIds: uniq(splits.flatMap(({ p, r }) => [p.id, ...r.destinations.map((d) => d.target)])),
      edgeIds: splits.flatMap(({ p, r }) =>
        r.destinations.map((d) => graph.edge(p.id, d.target)?.id).filter((x): x is string => !!x),
      ),
    });
  }
  const headerRoutes = [
    ...proxies.flatMap((p) =>
      p.config.routes
        .filter((r) => Object.keys(r.match.headers).length > 0)
        .map((r) => ({
          node: p.id,
          header: Object.keys(r.match.headers),
          targets: r.destinations.map((d) => d.target),
        })),
    ),
    ...gateways.flatMap((g) =>
      g.config.routes
        .filter((r) => Object.keys(r.headers).length > 0)
        .map((r) => ({ node: g.id, header: Object.keys(r.headers), targets: [r.target] })),
    ),
  ];
  if (headerRoutes.length > 0) {
    out.push({
      pattern: 'headerRouting',
      name: 'Header-based routing',
      detail: `${plural(headerRoutes.length, 'route')} choose a destination by header (${uniq(headerRoutes.flatMap((h) => h.header)).join(', ')}).`,
      nodeIds: uniq(headerRoutes.flatMap((h) => [h.node, ...h.targets])),
      edgeIds: uniq(
        headerRoutes.flatMap((h) =>
          h.targets.map((t) => graph.edge(h.node, t)?.id).filter((x): x is string => !!x),
        ),
      ),
    });
  }
  const limited = gateways.filter((g) => g.config.rateLimit !== null);
  if (limited.length > 0) {
    out.push({
      pattern: 'rateLimiting',
      name: 'Rate limiting',
      detail: limited
        .map(
          (g) =>
            `${graph.label(g.id)} admits ${fmtNum(g.config.rateLimit!.ratePerSec)} req/s (burst ${g.config.rateLimit!.burst}), answering 429 beyond`,
        )
        .join('; ')
        .concat('.'),
      nodeIds: limited.map((g) => g.id),
      edgeIds: [],
    });
  }
  return out;
}
