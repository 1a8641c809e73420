import type { Field } from '../formSpec';

/** The HTTP methods a request or an endpoint may use. */
export const methods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

/** Scaling fields of a queueing node: replicas, slots, waiting room and service time. */
export const capacity: Field[] = [
  {
    t: 'int',
    key: 'instances',
    label: 'Instances',
    min: 1,
    max: 1000,
    help: 'Replicas behind the load balancer.',
  },
  {
    t: 'int',
    key: 'concurrency',
    label: 'Concurrency',
    unit: 'slots',
    min: 1,
    help: 'Requests one instance serves at once.',
  },
  {
    t: 'int',
    key: 'queueCapacity',
    label: 'Queue capacity',
    unit: 'req',
    min: 0,
    help: 'Waiting requests per instance; overflow answers 503.',
  },
  { t: 'dist', key: 'serviceTimeMs', label: 'Service time' },
];

/** How slots relate to downstream calls, and the connection limit an event loop works under. */
export const ioModel: Field[] = [
  {
    t: 'enum',
    key: 'ioModel',
    label: 'I/O model',
    options: ['threadPerRequest', 'eventLoop'],
    help: 'Thread per request: a slot waits out downstream calls. Event loop: a slot only while working.',
  },
  {
    t: 'int',
    key: 'maxConnections',
    label: 'Max connections',
    unit: 'req',
    min: 1,
    help: 'Event loop: requests one instance holds at once; beyond it, 503.',
  },
];

/** A request's headers: name and value each. */
export const headers: Field = {
  t: 'map',
  key: 'headers',
  label: 'Headers',
  item: 'header',
  newKey: 'x-header',
  make: () => '',
  value: { t: 'text', placeholder: 'value' },
};
