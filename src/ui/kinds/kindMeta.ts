import type { NodeKind } from '../../core/model/schema';

export interface KindMeta {
  name: string;
  /** One line for the palette: what the component does in a system. */
  blurb: string;
  group: 'Traffic' | 'Compute' | 'Coordination' | 'Events' | 'Logging';
}

/** Palette names and explanations of each node kind, in palette order. */
export const kindMeta: Record<NodeKind, KindMeta> = {
  client: { name: 'Client', blurb: 'Generates requests or users', group: 'Traffic' },
  gateway: { name: 'API gateway', blurb: 'Routing, rate limits, auth', group: 'Traffic' },
  service: { name: 'Service', blurb: 'Instances, queue, endpoints', group: 'Compute' },
  proxy: { name: 'Sidecar proxy', blurb: 'Mesh routes, canaries, mTLS', group: 'Compute' },
  controlPlane: { name: 'Control plane', blurb: 'Configures the sidecars', group: 'Compute' },
  registry: { name: 'Service registry', blurb: 'Heartbeats and discovery', group: 'Coordination' },
  configServer: { name: 'Config server', blurb: 'Keys delivered by push or poll', group: 'Coordination' },
  eventBus: { name: 'Event bus', blurb: 'Topics, partitions, dead letters', group: 'Events' },
  eventStore: { name: 'Event store', blurb: 'Streams, versions, snapshots', group: 'Events' },
  readModel: { name: 'Read model', blurb: 'CQRS projection for queries', group: 'Events' },
  logRouter: { name: 'Log router', blurb: 'Shards logs across stores', group: 'Logging' },
  logStore: { name: 'Log store', blurb: 'Keeps and queries log entries', group: 'Logging' },
};

export const paletteGroups: readonly KindMeta['group'][] = [
  'Traffic',
  'Compute',
  'Coordination',
  'Events',
  'Logging',
];
