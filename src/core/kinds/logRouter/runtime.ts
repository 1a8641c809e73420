import { LogRouterRuntime } from '../../components/runtimes/logRouterRuntime';
import type { KindRuntime } from '../kindRuntime';

/** A log router's summary section: the entries it could send to no store. */
export type LogRouterSection = { logRouter: { unrouted: number } };

/** A log router shards the entries it collects over its log stores. */
export const logRouterRuntime: KindRuntime<'logRouter', LogRouterSection> = {
  create: (world, node) => new LogRouterRuntime(world, node),
};
