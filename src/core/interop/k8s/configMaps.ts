import YAML from 'yaml';
import type { EdgeConfig } from '../core';
import { durationText } from '../durations';
import { derivedName, k8sName } from '../names';
import { type K8sContext, type K8sObject, metaFor } from './meta';

/** Data key of an archplay ConfigMap that holds what Kubernetes and Istio objects cannot say. */
export const OVERLAY_KEY = 'archplay.yaml';
/** Annotation marking the ConfigMap that holds the document's name, scenario and order. */
export const ANNOTATION_DOCUMENT = 'archplay.dev/document';

/** Why a value has no Kubernetes or Istio form, by field name, for the comments. */
const REASONS: Record<string, string> = {
  kind: 'a node Kubernetes has no object for; it runs only in the simulation',
  config: 'settings with no Kubernetes or Istio field',
  links: 'outgoing links and what Istio does not carry of them',
  breaker:
    'Resilience4j circuit breaker: application-level, no Istio equivalent (outlier detection ejects hosts, it does not stop calls)',
  keys: "the config server's keys per service (serve them as <service>.properties, Spring Cloud Config style)",
  serviceTimeMs: 'simulated work per request',
  endpoints: 'what the service answers and the steps it runs',
  latencyMs: 'simulated network latency of the link',
  fallback: 'application-level fallback after a failed call',
  maxEjectionTimeMs: "Istio's DestinationRule has no maxEjectionTime",
  workload: 'the traffic this client sends (a load generator, not a workload)',
};

function comment(key: string): string | undefined {
  const reason = REASONS[key];
  return reason === undefined ? undefined : ` ${reason}`;
}

/** YAML text of an overlay with a comment on each top-level and config field that has a known reason. */
function overlayText(overlay: Record<string, unknown>, header: string): string {
  const doc = new YAML.Document(overlay);
  doc.commentBefore = header;
  const annotate = (map: unknown) => {
    if (!YAML.isMap(map)) return;
    for (const pair of map.items) {
      const key = YAML.isScalar(pair.key) ? String(pair.key.value) : '';
      const text = comment(key);
      if (text !== undefined && YAML.isNode(pair.key)) pair.key.commentBefore = text;
      if (key === 'config') annotate(pair.value);
    }
  };
  annotate(doc.contents);
  return doc.toString();
}

/** A ConfigMap holding an overlay (and any extra data files) for node `id`. */
export function overlayConfigMap(
  id: string,
  overlay: Record<string, unknown>,
  extra: Record<string, string>,
  ctx: K8sContext,
): K8sObject {
  const header = ` archplay: what "${id}" has that Kubernetes and Istio objects cannot say.\n Kubernetes does not read it; archplay import --from k8s does.`;
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: metaFor(id, derivedName(k8sName(id), 'archplay'), ctx),
    data: { [OVERLAY_KEY]: overlayText(overlay, header), ...extra },
  };
}

/** The ConfigMap holding the document's own fields: name, description, scenario, node and edge order. */
export function documentConfigMap(fields: Record<string, unknown>, ctx: K8sContext): K8sObject {
  const header =
    ' archplay: the design this file was exported from (name, scenario, order of nodes and edges).';
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: {
      name: 'archplay-document',
      namespace: ctx.namespace,
      labels: { 'app.kubernetes.io/managed-by': 'archplay' },
      annotations: { [ANNOTATION_DOCUMENT]: 'true' },
    },
    data: { [OVERLAY_KEY]: overlayText(fields, header) },
  };
}

/**
 * The breakers of a node's outgoing calls as Resilience4j Spring Boot properties
 * (`resilience4j.circuitbreaker.instances.<target>`), for the application to mount.
 */
export function resilience4jText(
  breakers: readonly { target: string; breaker: NonNullable<EdgeConfig['breaker']> }[],
): string {
  const instances: Record<string, unknown> = {};
  for (const { target, breaker: b } of breakers) {
    instances[target] = {
      slidingWindowType: b.slidingWindowType === 'count' ? 'COUNT_BASED' : 'TIME_BASED',
      slidingWindowSize: b.slidingWindowSize,
      minimumNumberOfCalls: b.minimumNumberOfCalls,
      failureRateThreshold: b.failureRateThreshold,
      slowCallRateThreshold: b.slowCallRateThreshold,
      slowCallDurationThreshold: durationText(b.slowCallDurationThresholdMs),
      waitDurationInOpenState: durationText(b.waitDurationInOpenStateMs),
      permittedNumberOfCallsInHalfOpenState: b.permittedNumberOfCallsInHalfOpenState,
    };
  }
  const doc = new YAML.Document({ resilience4j: { circuitbreaker: { instances } } });
  doc.commentBefore =
    " Resilience4j circuit breakers of this service's calls (Spring Boot application.yaml form).";
  return doc.toString();
}
