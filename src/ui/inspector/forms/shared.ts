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
