import { gatewayRuntime as buildGateway, type GatewaySummary } from '../../components/runtimes/gateway';
import type { KindRuntime } from '../kindRuntime';

/** A gateway's summary section: rate-limited, unauthorized and unrouted requests, requests per route. */
export type GatewaySection = { gateway: GatewaySummary };

/** A gateway is a managed station behind its routing, rate-limit and auth filters. */
export const gatewayRuntime: KindRuntime<'gateway', GatewaySection> = {
  create: buildGateway,
};
