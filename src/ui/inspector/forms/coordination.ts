import type { KindForms } from './shared';

/** Forms of the coordination services: service registry and config server. */
export const coordinationForms: Pick<KindForms, 'registry' | 'configServer'> = {
  registry: [
    {
      title: 'Leases',
      fields: [
        { t: 'num', key: 'heartbeatIntervalMs', label: 'Heartbeat every', unit: 'ms', min: 0 },
        { t: 'num', key: 'leaseMs', label: 'Lease (TTL)', unit: 'ms', min: 0 },
        { t: 'num', key: 'evictionIntervalMs', label: 'Eviction sweep', unit: 'ms', min: 0 },
      ],
    },
  ],
  configServer: [
    {
      title: 'Delivery',
      fields: [
        { t: 'enum', key: 'mode', label: 'Mode', options: ['poll', 'push'] },
        { t: 'num', key: 'pollIntervalMs', label: 'Poll interval', unit: 'ms', min: 0 },
        { t: 'json', key: 'keys', label: 'Keys', help: 'Per service id: {"order": {"timeoutMs": 500}}' },
      ],
    },
  ],
};
