import {
  DestinationRule,
  Gateway,
  VirtualService,
} from '@kubernetes-models/istio/networking.istio.io/v1beta1';
import { AuthorizationPolicy, PeerAuthentication } from '@kubernetes-models/istio/security.istio.io/v1beta1';
import { Deployment } from 'kubernetes-models/apps/v1';
import { ConfigMap, Service, ServiceAccount } from 'kubernetes-models/v1';
import YAML from 'yaml';

// Test support only: the published schemas live in kubernetes-models, which the app does not bundle.

const MODELS: Record<string, new (data: never) => { validate(): void }> = {
  'apps/v1 Deployment': Deployment,
  'v1 Service': Service,
  'v1 ServiceAccount': ServiceAccount,
  'v1 ConfigMap': ConfigMap,
  'networking.istio.io/v1beta1 VirtualService': VirtualService,
  'networking.istio.io/v1beta1 DestinationRule': DestinationRule,
  'networking.istio.io/v1beta1 Gateway': Gateway,
  'security.istio.io/v1beta1 AuthorizationPolicy': AuthorizationPolicy,
  'security.istio.io/v1beta1 PeerAuthentication': PeerAuthentication,
};

const DNS_1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS_1035 = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const DURATION = /^\d+(\.\d+)?s$/;

/** Every duration field Istio reads in the objects archplay writes. */
const DURATION_FIELDS = new Set(['timeout', 'perTryTimeout', 'baseEjectionTime']);

function durationProblems(value: unknown, path: string): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => durationProblems(v, `${path}[${i}]`));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => {
    const here = `${path}.${k}`;
    if (DURATION_FIELDS.has(k) && (typeof v !== 'string' || !DURATION.test(v)))
      return [`${here}: "${String(v)}" is not a duration in seconds`];
    return durationProblems(v, here);
  });
}

/**
 * Checks every object of a multi-document YAML against its published schema (kubernetes-models'
 * validate()), its name against Kubernetes' name rules, and Istio durations; returns the problems.
 */
export function schemaProblems(text: string): { checked: string[]; problems: string[] } {
  const checked: string[] = [];
  const problems: string[] = [];
  for (const doc of YAML.parseAllDocuments(text)) {
    const object = doc.toJS() as { apiVersion: string; kind: string; metadata: { name: string } };
    const key = `${object.apiVersion} ${object.kind}`;
    const where = `${object.kind} ${object.metadata.name}`;
    checked.push(key);
    const Model = MODELS[key];
    if (Model === undefined) {
      problems.push(`${where}: no schema for ${key}`);
      continue;
    }
    try {
      new Model(object as never).validate();
    } catch (error) {
      problems.push(`${where}: ${error instanceof Error ? error.message : String(error)}`);
    }
    const nameRule = object.kind === 'Service' ? DNS_1035 : DNS_1123_SUBDOMAIN;
    if (!nameRule.test(object.metadata.name) || object.metadata.name.length > 63) {
      problems.push(`${where}: name is not a valid ${object.kind} name`);
    }
    problems.push(...durationProblems(object, where));
  }
  return { checked, problems };
}
