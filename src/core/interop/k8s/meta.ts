import { k8sName } from '../names';

/** Annotation holding the archplay id of the node an object stands for. */
export const ANNOTATION_ID = 'archplay.dev/id';
/** Annotation on a Deployment naming the sidecar proxy node attached to it. */
export const ANNOTATION_SIDECAR = 'archplay.dev/sidecar-id';
/** Annotation on a VirtualService whose one route only stands for "send to the attached service". */
export const ANNOTATION_IMPLICIT_ROUTE = 'archplay.dev/implicit-route';
/** Annotation on an AuthorizationPolicy holding the archplay policy's name. */
export const ANNOTATION_POLICY = 'archplay.dev/policy';
/** Label every object of one node carries: its Kubernetes name. */
export const LABEL_NAME = 'app.kubernetes.io/name';
/** Istio's sidecar injection label on a pod template. */
export const LABEL_INJECT = 'sidecar.istio.io/inject';

/** The fields every exported object has; the rest is kind-specific. */
export interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
  [field: string]: unknown;
}

/** Export settings shared by every object builder. */
export interface K8sContext {
  namespace: string;
  /** The container image of a service: a placeholder to replace with the real one. */
  image(name: string, version: string): string;
}

/** Metadata of an object that stands for node `id`. */
export function metaFor(
  id: string,
  name: string,
  ctx: K8sContext,
  extraAnnotations: Record<string, string> = {},
): K8sObject['metadata'] {
  return {
    name,
    namespace: ctx.namespace,
    labels: { [LABEL_NAME]: k8sName(id), 'app.kubernetes.io/managed-by': 'archplay' },
    annotations: { [ANNOTATION_ID]: id, ...extraAnnotations },
  };
}
