import { ReadModelRuntime, type ReadModelSummary } from '../../components/runtimes/readModelRuntime';
import type { KindRuntime } from '../kindRuntime';

/** A read model's summary section: its source, documents, checkpoint, lag and reads. */
export type ReadModelSection = { readModel: ReadModelSummary };

/** A read model projects its event store from a checkpoint and answers queries. */
export const readModelRuntime: KindRuntime<'readModel', ReadModelSection> = {
  create: (world, node) => new ReadModelRuntime(world, node),
};
