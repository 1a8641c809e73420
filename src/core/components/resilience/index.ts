/**
 * Resilience, traffic management, mesh security, discovery and configuration logic: pure,
 * engine-independent state machines driven by explicit `nowMs` times and an injected Rng.
 */
export {
  type AuthorizationPolicySpec,
  Authorizer,
  type AuthzDecision,
  acceptConnection,
  type ConnectionSecurity,
  callerSendsMtls,
  type MtlsMode,
} from './authorization';
export { BoundedLog } from './boundedLog';
export {
  type BreakerSettings,
  type BreakerSnapshot,
  type BreakerState,
  type BreakerTransition,
  CircuitBreaker,
  type CircuitBreakerOptions,
} from './circuitBreaker';
export {
  type ConfigChange,
  ConfigClient,
  type ConfigDelivery,
  ConfigStore,
  type ConfigValue,
  deliveryAtMs,
} from './configStore';
export { fmix32, hashString32 } from './hash';
export { ArrayHostView, ExcludingHostView, type HostExclusion, type HostView } from './hostView';
export { type LbPolicy, type LbSettings, LoadBalancer } from './loadBalancer';
export {
  type Ejection,
  OutlierDetector,
  type OutlierOptions,
  type OutlierSettings,
} from './outlierDetection';
export {
  type MembershipChange,
  type MembershipEvent,
  type RegistrySettings,
  ServiceLeases,
  ServiceRegistry,
} from './registry';
export {
  type AttemptFailure,
  attemptTimeoutMs,
  deadlineAtMs,
  fullJitterBackoffMs,
  isRetryable,
  NO_RETRY,
  RETRY_PAST_DEADLINE,
  type RetryOn,
  RetryPolicy,
  type RetrySettings,
  retryOnMask,
} from './retry';
export {
  GatewayRouter,
  type GatewayRouteSpec,
  type HeaderMatch,
  type Headers,
  MeshRouter,
  type MeshRouteSpec,
  normalizeHeaders,
} from './routing';
export { TokenBucket } from './tokenBucket';
