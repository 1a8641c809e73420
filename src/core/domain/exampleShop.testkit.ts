import { EventBus } from '../components/events/eventBus';
import { EventStore } from '../components/events/eventStore';
import { createDomain, type EcommerceDomain } from './orderFlow';

/** A small shop for examples and tests: u1 active, u2 inactive, p1 at 10.00 with 5 in stock, p2 at 2.50 with 1. */
export function exampleDomain(declineProbability = 0, snapshotEvery = 50): EcommerceDomain {
  const domain = createDomain({
    bus: new EventBus<unknown>(),
    store: new EventStore({ snapshotEvery }),
    declineProbability,
  });
  domain.users.add({ id: 'u1', name: 'Ada', active: true });
  domain.users.add({ id: 'u2', name: 'Ken', active: false });
  domain.catalog.add({ id: 'p1', name: 'Keyboard', priceCents: 1000 });
  domain.catalog.add({ id: 'p2', name: 'Cable', priceCents: 250 });
  domain.inventory.addProduct('p1', 5);
  domain.inventory.addProduct('p2', 1);
  return domain;
}
