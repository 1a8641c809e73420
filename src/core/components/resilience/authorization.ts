/** Istio PeerAuthentication modes: what a workload's sidecar accepts from callers. */
export type MtlsMode = 'DISABLE' | 'PERMISSIVE' | 'STRICT';

/** How a connection reached the server, or that the server refused it. */
export type ConnectionSecurity = 'mtls' | 'plaintext' | 'refused';

/**
 * Whether a caller opens an mTLS connection to a server, per Istio's auto mTLS: a caller with a
 * sidecar speaks mTLS unless the server's mode is DISABLE; a caller outside the mesh (no sidecar)
 * always speaks plaintext.
 */
export function callerSendsMtls(callerInMesh: boolean, serverMode: MtlsMode): boolean {
  return callerInMesh && serverMode !== 'DISABLE';
}

/**
 * What a server sidecar in `serverMode` makes of a connection (Istio PeerAuthentication): STRICT
 * refuses plaintext (the caller sees a connection reset, a connect failure), PERMISSIVE accepts both,
 * DISABLE does not terminate mTLS so everything it accepts is plaintext. Only an `mtls` connection
 * carries the caller's identity, so only then can `principals` in a policy match.
 */
export function acceptConnection(serverMode: MtlsMode, callerMtls: boolean): ConnectionSecurity {
  if (serverMode === 'STRICT') return callerMtls ? 'mtls' : 'refused';
  if (serverMode === 'PERMISSIVE') return callerMtls ? 'mtls' : 'plaintext';
  return 'plaintext';
}

/** One AuthorizationPolicy of the document (schema `authorizationPolicySchema`). */
export interface AuthorizationPolicySpec {
  name?: string;
  action: 'ALLOW' | 'DENY';
  principals?: readonly string[];
  paths?: readonly string[];
  methods?: readonly string[];
}

/** The outcome of an authorization check: allowed, or denied by a DENY match or for lack of an ALLOW match. */
export type AuthzDecision = 'allow' | 'deniedByPolicy' | 'notAllowed';

/** An Istio string match: exact, prefix `abc*`, suffix `*abc`, or presence `*`. */
type StringMatch = { kind: 'any' } | { kind: 'exact' | 'prefix' | 'suffix'; value: string };

function compileStringMatch(pattern: string): StringMatch {
  if (pattern === '*') return { kind: 'any' };
  if (pattern.endsWith('*')) return { kind: 'prefix', value: pattern.slice(0, -1) };
  if (pattern.startsWith('*')) return { kind: 'suffix', value: pattern.slice(1) };
  return { kind: 'exact', value: pattern };
}

function matchesOne(m: StringMatch, value: string): boolean {
  switch (m.kind) {
    case 'any':
      return true;
    case 'exact':
      return value === m.value;
    case 'prefix':
      return value.startsWith(m.value);
    case 'suffix':
      return value.endsWith(m.value);
  }
}

/** An empty list matches anything; a null value (no identity) matches only an empty list. */
function matchesAny(list: readonly StringMatch[], value: string | null): boolean {
  if (list.length === 0) return true;
  if (value === null) return false;
  for (const m of list) if (matchesOne(m, value)) return true;
  return false;
}

interface CompiledPolicy {
  name: string;
  principals: StringMatch[];
  paths: StringMatch[];
  methods: readonly string[];
}

/**
 * Istio AuthorizationPolicy evaluation for one workload: any matching DENY policy denies; with no
 * ALLOW policy everything else is allowed; otherwise some ALLOW policy must match. A policy matches
 * when every non-empty field matches (fields ANDed, values in one field ORed); each policy is one
 * Istio rule, so a policy with all fields empty matches every request (Istio's `rules: [{}]`).
 * Principals and paths take Istio's exact / `prefix*` / `*suffix` / `*` forms; methods are exact.
 * The principal is the calling node's id and is null over plaintext, where principal rules cannot match.
 * Denied requests answer 403 (Envoy RBAC).
 */
export class Authorizer {
  private readonly deny: CompiledPolicy[] = [];
  private readonly allow: CompiledPolicy[] = [];
  /** Requests denied so far. */
  denied = 0;
  /** The name of the last DENY policy that matched, for the event log. */
  lastDenyPolicy = '';

  constructor(policies: readonly AuthorizationPolicySpec[]) {
    for (const p of policies) {
      const compiled: CompiledPolicy = {
        name: p.name ?? '',
        principals: (p.principals ?? []).map(compileStringMatch),
        paths: (p.paths ?? []).map(compileStringMatch),
        methods: p.methods ?? [],
      };
      (p.action === 'DENY' ? this.deny : this.allow).push(compiled);
    }
  }

  /** Decides one request; counts denials. */
  check(principal: string | null, path: string, method: string): AuthzDecision {
    for (const p of this.deny) {
      if (this.matches(p, principal, path, method)) {
        this.denied++;
        this.lastDenyPolicy = p.name;
        return 'deniedByPolicy';
      }
    }
    if (this.allow.length === 0) return 'allow';
    for (const p of this.allow) if (this.matches(p, principal, path, method)) return 'allow';
    this.denied++;
    return 'notAllowed';
  }

  private matches(p: CompiledPolicy, principal: string | null, path: string, method: string): boolean {
    return (
      matchesAny(p.principals, principal) &&
      matchesAny(p.paths, path) &&
      (p.methods.length === 0 || p.methods.includes(method))
    );
  }
}
