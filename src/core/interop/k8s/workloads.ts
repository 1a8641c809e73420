import type { IDeployment } from 'kubernetes-models/apps/v1';
import type { IService, IServiceAccount } from 'kubernetes-models/v1';
import type { NodeOfKind } from '../core';
import { k8sName } from '../names';
import { ANNOTATION_SIDECAR, type K8sContext, type K8sObject, LABEL_INJECT, metaFor } from './meta';

/** The port every service container listens on; the Kubernetes Service maps port 80 to it. */
const CONTAINER_PORT = 8080;

/** A valid label value for a version: the version itself when it is one, else its cleaned name. */
export function versionLabel(version: string): string {
  return /^([A-Za-z0-9][-A-Za-z0-9_.]{0,61}[A-Za-z0-9]|[A-Za-z0-9])$/.test(version)
    ? version
    : k8sName(version);
}

/**
 * A service node as Kubernetes workload objects: a ServiceAccount (its mesh identity), a Deployment
 * with `replicas` = instances and the Istio `app` / `version` labels, and a Service on port 80.
 * A service with a sidecar gets Istio's injection label and names its proxy node in an annotation.
 */
export function serviceWorkload(
  node: NodeOfKind<'service'>,
  sidecarId: string | undefined,
  ctx: K8sContext,
): K8sObject[] {
  const name = k8sName(node.id);
  const version = versionLabel(node.config.version);
  const podLabels: Record<string, string> = { app: name, version };
  if (sidecarId !== undefined) podLabels[LABEL_INJECT] = 'true';
  const extra: Record<string, string> = sidecarId === undefined ? {} : { [ANNOTATION_SIDECAR]: sidecarId };
  const account: IServiceAccount = {
    apiVersion: 'v1',
    kind: 'ServiceAccount',
    metadata: metaFor(node.id, name, ctx),
  };
  const deployment: IDeployment = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: metaFor(node.id, name, ctx, extra),
    spec: {
      replicas: node.config.instances,
      selector: { matchLabels: { app: name, version } },
      template: {
        metadata: { labels: podLabels },
        spec: {
          serviceAccountName: name,
          containers: [
            {
              name: 'app',
              image: ctx.image(name, version),
              ports: [{ name: 'http', containerPort: CONTAINER_PORT }],
            },
          ],
        },
      },
    },
  };
  const service: IService = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: metaFor(node.id, name, ctx),
    spec: {
      selector: { app: name },
      ports: [{ name: 'http', port: 80, targetPort: CONTAINER_PORT }],
    },
  };
  return [account, deployment, service] as K8sObject[];
}
