import { asObject, asString } from '../types';
import { ANNOTATION_ID, LABEL_NAME } from './meta';

/** A node read from Kubernetes objects, before defaults and checks. */
export interface RawNode {
  id: string;
  kind: string;
  label: string;
  position: { x: number; y: number };
  config: Record<string, unknown>;
}

/** An edge read from Kubernetes objects, before defaults and checks. */
export interface RawEdge {
  id: string;
  source: string;
  target: string;
  kind: string;
  config: Record<string, unknown>;
}

/** A Kubernetes object as read from YAML: only the fields every reader needs are typed. */
export interface ReadObject {
  apiVersion: string;
  kind: string;
  name: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  spec: Record<string, unknown>;
  raw: Record<string, unknown>;
  /** Where it came from, for messages: `document 3 (VirtualService reviews)`. */
  where: string;
}

function stringMap(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(asObject(value) ?? {})) if (typeof v === 'string') out[k] = v;
  return out;
}

/** Reads the typed head of a Kubernetes object, or null when it is not one. */
export function readObject(value: unknown, index: number): ReadObject | null {
  const raw = asObject(value);
  if (raw === null) return null;
  const apiVersion = asString(raw.apiVersion);
  const kind = asString(raw.kind);
  const metadata = asObject(raw.metadata) ?? {};
  const name = asString(metadata.name);
  if (apiVersion === undefined || kind === undefined || name === undefined) return null;
  return {
    apiVersion,
    kind,
    name,
    labels: stringMap(metadata.labels),
    annotations: stringMap(metadata.annotations),
    spec: asObject(raw.spec) ?? {},
    raw,
    where: `document ${index + 1} (${kind} ${name})`,
  };
}

/** The API group of an apiVersion: `networking.istio.io/v1beta1` -> `networking.istio.io`. */
export function groupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}

/** Maps Kubernetes names back to archplay ids through the `archplay.dev/id` annotations. */
export class NameTable {
  private readonly ids = new Map<string, string>();

  constructor(objects: readonly ReadObject[]) {
    for (const o of objects) {
      const id = o.annotations[ANNOTATION_ID];
      const name = o.labels[LABEL_NAME];
      if (id !== undefined && name !== undefined && !this.ids.has(name)) this.ids.set(name, id);
    }
  }

  /** The archplay id of the node named `name` in Kubernetes (the name itself when unknown). */
  idOf(name: string): string {
    return this.ids.get(name) ?? name;
  }
}

/** The `matchLabels.app` a selector picks, if any. */
export function selectedApp(spec: Record<string, unknown>): string | undefined {
  return asString(asObject(asObject(spec.selector)?.matchLabels)?.app);
}
