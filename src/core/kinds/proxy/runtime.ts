import { proxyRuntime as buildProxy, type ProxySummary } from '../../components/runtimes/proxy';
import type { KindRuntime } from '../kindRuntime';

/** A proxy's summary section: refusals (403, mTLS, 404, pool overflow), route metrics, ejections. */
export type ProxySection = { proxy: ProxySummary };

/** A sidecar proxy is a managed station (its connection pool) behind the mesh filters. */
export const proxyRuntime: KindRuntime<'proxy', ProxySection> = {
  create: buildProxy,
};
