import type { AnalysisContext, Rule } from '../context';
import type { Finding, Severity } from '../types';
import { breakerWindowRule } from './breakerWindow';
import { callCycleRule } from './callCycle';
import { clientWithoutTargetRule } from './clientWithoutTarget';
import { missingTopicRule, unconsumedTopicRule } from './eventTopics';
import { flakyWithoutFallbackRule } from './flakyWithoutFallback';
import { gatewayRateLimitRule } from './gatewayRateLimit';
import { logPipelineRule } from './logPipeline';
import { longSyncChainRule } from './longSyncChain';
import { meshMtlsRule } from './meshMtls';
import { overloadRule } from './overload';
import { readModelSourceRule } from './readModelSource';
import { registryMissingRule } from './registryMissing';
import { retryNonIdempotentRule } from './retryNonIdempotent';
import { retryStormRule } from './retryStorm';
import { sidecarWithoutServiceRule } from './sidecarWithoutService';
import { singlePointOfFailureRule } from './singlePointOfFailure';
import { syncTimeoutRule } from './syncTimeout';
import { timeoutBudgetRule } from './timeoutBudget';
import { unlinkedReferenceRule } from './unlinkedReference';
import { unservedTrafficRule } from './unservedTraffic';
import { unusedLinkRule } from './unusedLink';

/** Every weak-point rule the analysis runs; order does not matter, findings are sorted. */
const rules: readonly Rule[] = [
  overloadRule,
  singlePointOfFailureRule,
  syncTimeoutRule,
  timeoutBudgetRule,
  retryStormRule,
  longSyncChainRule,
  flakyWithoutFallbackRule,
  breakerWindowRule,
  unconsumedTopicRule,
  missingTopicRule,
  readModelSourceRule,
  registryMissingRule,
  gatewayRateLimitRule,
  meshMtlsRule,
  logPipelineRule,
  unservedTrafficRule,
  callCycleRule,
  retryNonIdempotentRule,
  unlinkedReferenceRule,
  unusedLinkRule,
  clientWithoutTargetRule,
  sidecarWithoutServiceRule,
];

const rank: Record<Severity, number> = { critical: 0, warning: 1, info: 2 };

/** Orders findings by severity, then id (code-unit order, independent of the locale). */
export function compareFindings(a: Finding, b: Finding): number {
  if (rank[a.severity] !== rank[b.severity]) return rank[a.severity] - rank[b.severity];
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Runs every rule and returns the findings sorted, one per id. */
export function runRules(ctx: AnalysisContext): Finding[] {
  const byId = new Map<string, Finding>();
  for (const rule of rules) for (const f of rule(ctx)) if (!byId.has(f.id)) byId.set(f.id, f);
  return [...byId.values()].sort(compareFindings);
}
