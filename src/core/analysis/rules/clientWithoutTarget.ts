import { finding, type Rule } from '../context';
import type { Finding, Fix } from '../types';

/**
 * Flags a client with no link to a gateway, service or sidecar: every request it sends fails. Fixed
 * by linking it to the design's only gateway (or, with none, its only service).
 */
export const clientWithoutTargetRule: Rule = ({ graph }) => {
  const out: Finding[] = [];
  const gateways = graph.ofKind('gateway');
  const services = graph.ofKind('service');
  const only =
    gateways.length === 1
      ? gateways[0]
      : gateways.length === 0 && services.length === 1
        ? services[0]
        : undefined;
  for (const client of graph.ofKind('client')) {
    if (graph.from(client.id).some((e) => e.kind === 'sync')) continue;
    const name = graph.label(client.id);
    const fixes: Fix[] = only
      ? [
          {
            label: `Link ${name} to ${graph.label(only.id)}`,
            change: { kind: 'link', source: client.id, target: only.id, wire: true },
          },
        ]
      : [];
    out.push(
      finding('client-without-target', client.id, 'critical', {
        title: `${name} sends its requests nowhere`,
        detail: `${name} has no link to an API gateway, a service or a sidecar: every request it sends fails.`,
        nodeIds: [client.id],
        suggestion: `Draw a link from ${name} to the API gateway or service it calls.`,
        problem: true,
        fixes,
      }),
    );
  }
  return out;
};
