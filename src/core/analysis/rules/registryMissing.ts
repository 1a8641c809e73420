import { finding, type Rule } from '../context';
import { listWords } from '../numbers';

/**
 * Flags services called over the network with several instances but no service registry to
 * register with, so callers can only know their instances from static configuration.
 */
export const registryMissingRule: Rule = ({ graph }) => {
  const hasRegistry = graph.ofKind('registry').length > 0;
  const services = graph
    .ofKind('service')
    .filter((s) => s.config.instances > 1 && graph.to(s.id).some((e) => e.kind === 'sync'))
    .filter((s) => !graph.from(s.id).some((e) => e.kind === 'registry'));
  if (services.length === 0) return [];
  const names = listWords(services.map((s) => `${s.label || s.id} (${s.config.instances})`));
  return [
    finding('no-service-registry', services.map((s) => s.id).join(','), 'info', {
      title: hasRegistry ? 'Services do not register with the registry' : 'No service registry',
      detail: `${names} ${services.length === 1 ? 'runs' : 'run'} several instances but ${hasRegistry ? (services.length === 1 ? 'has no link to the registry' : 'have no link to the registry') : 'there is no registry'}: instances that die, scale or move are not discovered, so callers depend on static lists.`,
      nodeIds: services.map((s) => s.id),
      suggestion:
        'Add a service registry and have each service register and heartbeat (or rely on a platform that does the same, e.g. Kubernetes endpoints).',
    }),
  ];
};
