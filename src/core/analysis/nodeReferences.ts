import type { ArchNode, NodeOfKind, Step } from '../model/schema';

/** One place in a node's config that sends traffic to another node over a link. */
export interface LinkReference {
  /** The node it sends to. */
  target: string;
  /** Where it is, in words ("step 2 of GET /orders", "route /orders"). */
  where: string;
  /** A stable key of the place, for finding ids ("endpoints/0/steps/1"). */
  key: string;
  /** What it is, for a fix's label ("call step", "route"). */
  what: string;
  /** The node's config without it. */
  without: () => ArchNode['config'];
}

const stepNames: Record<Exclude<Step['kind'], 'work'>, string> = {
  call: 'call step',
  publish: 'publish step',
  append: 'append step',
  query: 'query step',
  log: 'log step',
  request: 'request step',
};

function serviceReferences(node: NodeOfKind<'service'>): LinkReference[] {
  const c = node.config;
  const out: LinkReference[] = [];
  c.endpoints.forEach((ep, i) => {
    ep.steps.forEach((step, j) => {
      if (step.kind === 'work') return;
      out.push({
        target: step.target,
        where: `step ${j + 1} of ${ep.method} ${ep.path}`,
        key: `endpoints/${i}/steps/${j}`,
        what: stepNames[step.kind],
        without: () => ({
          ...c,
          endpoints: c.endpoints.map((e, k) =>
            k === i ? { ...e, steps: e.steps.filter((_, m) => m !== j) } : e,
          ),
        }),
      });
    });
  });
  if (c.accessLog) {
    const { accessLog: _dropped, ...rest } = c;
    out.push({
      target: c.accessLog.target,
      where: 'the access log',
      key: 'accessLog',
      what: 'access log',
      without: () => rest as ArchNode['config'],
    });
  }
  c.subscriptions.forEach((sub, i) => {
    sub.steps.forEach((step, j) => {
      if (step.kind === 'work') return;
      out.push({
        target: step.target,
        where: `step ${j + 1} of the "${sub.topic}" subscription`,
        key: `subscriptions/${i}/steps/${j}`,
        what: stepNames[step.kind],
        without: () => ({
          ...c,
          subscriptions: c.subscriptions.map((s, k) =>
            k === i ? { ...s, steps: s.steps.filter((_, m) => m !== j) } : s,
          ),
        }),
      });
    });
  });
  return out;
}

function proxyReferences(node: NodeOfKind<'proxy'>): LinkReference[] {
  const c = node.config;
  const out: LinkReference[] = [];
  c.routes.forEach((route, i) => {
    route.destinations.forEach((d, j) => {
      const name = route.name || `route ${i + 1}`;
      out.push({
        target: d.target,
        where: `a destination of ${name}`,
        key: `routes/${i}/destinations/${j}`,
        what: 'destination',
        without: () => ({
          ...c,
          // A route left with no destination routes nowhere: it goes with its last one.
          routes: c.routes
            .map((r, k) => (k === i ? { ...r, destinations: r.destinations.filter((_, m) => m !== j) } : r))
            .filter((r) => r.destinations.length > 0),
        }),
      });
    });
  });
  return out;
}

/**
 * The places in a node's config that send requests, events, appends, queries or log entries to
 * another node, each of which needs a link from this node to run (the runtime answers 502 without).
 */
export function linkReferences(node: ArchNode): LinkReference[] {
  switch (node.kind) {
    case 'service':
      return serviceReferences(node);
    case 'proxy':
      return proxyReferences(node);
    case 'gateway':
      return node.config.routes.map((r, i) => ({
        target: r.target,
        where: `route ${r.pathPrefix}`,
        key: `routes/${i}`,
        what: 'route',
        without: () => ({ ...node.config, routes: node.config.routes.filter((_, k) => k !== i) }),
      }));
    case 'eventProcessor': {
      const { output, ...rest } = node.config;
      if (!output) return [];
      return [
        {
          target: output.bus,
          where: `its output (topic ${output.topic})`,
          key: 'output',
          what: 'output',
          without: () => rest as ArchNode['config'],
        },
      ];
    }
    default:
      return [];
  }
}
