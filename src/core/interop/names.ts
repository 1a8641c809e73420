/**
 * Kubernetes names for archplay ids. Ids may hold upper case, `_`, `.` and `:`; Kubernetes object
 * names (Services above all) must be DNS-1035 labels: lower-case letters, digits and `-`, starting
 * with a letter, ending with a letter or digit, at most 63 characters. An id that already is one is
 * kept; any other is cleaned and given a short hash of the original, so two ids never share a name.
 * The original id travels in the `archplay.dev/id` annotation, which the import reads back.
 */

const DNS_1035 = /^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$/;
const MAX_LABEL = 63;

/** FNV-1a over the UTF-16 code units, as 6 hex digits: stable and short. */
function shortHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return (h >>> 8).toString(16).padStart(6, '0');
}

/** Whether `name` is a DNS-1035 label (a valid Kubernetes Service name). */
function isDnsLabel(name: string): boolean {
  return DNS_1035.test(name);
}

/** The Kubernetes name of an archplay id: the id itself when valid, else a cleaned form plus a hash. */
export function k8sName(id: string): string {
  if (isDnsLabel(id)) return id;
  let stem = id.toLowerCase().replace(/[^a-z0-9-]/g, '-');
  if (!/^[a-z]/.test(stem)) stem = `x-${stem}`;
  const suffix = `-${shortHash(id)}`;
  stem = stem.slice(0, MAX_LABEL - suffix.length).replace(/-+$/, '');
  return `${stem}${suffix}`;
}

/**
 * A name for a derived object (`<node>-<part>`) that stays a DNS label: parts are cleaned, and a
 * name too long is cut and hashed.
 */
export function derivedName(base: string, part: string): string {
  const cleaned = part
    .toLowerCase()
    .replace(/[^a-z0-9-]/g, '-')
    .replace(/^-+|-+$/g, '');
  const full = cleaned === '' ? base : `${base}-${cleaned}`;
  if (full.length <= MAX_LABEL && isDnsLabel(full)) return full;
  const suffix = `-${shortHash(full)}`;
  return `${full.slice(0, MAX_LABEL - suffix.length).replace(/-+$/, '')}${suffix}`;
}

/** The SPIFFE-style Istio principal of a caller: `cluster.local/ns/<ns>/sa/<service account>`. */
export function principalOf(callerId: string, namespace: string): string {
  // Istio's own match forms (`*`, `prefix*`, `*suffix`) keep their star outside the name mapping.
  if (callerId === '*') return '*';
  if (callerId.endsWith('*')) return `cluster.local/ns/${namespace}/sa/${callerId}`;
  if (callerId.startsWith('*')) return callerId;
  return `cluster.local/ns/${namespace}/sa/${k8sName(callerId)}`;
}

/** The caller id behind an Istio principal, through `idOf` for the service-account name. */
export function callerOfPrincipal(principal: string, idOf: (name: string) => string): string {
  const match = /^[^/]+\/ns\/[^/]+\/sa\/(.+)$/.exec(principal);
  if (!match) return principal;
  const name = match[1]!;
  return name.endsWith('*') ? name : idOf(name);
}
