import type { Sampler } from '../engine/distributions';
import { compileDistribution } from '../engine/distributions';
import { CAUSE, type FailureCause } from '../metrics/failureCause';
import type { Distribution, Step } from '../model/schema';
import { dualWriteStep } from './dualWrite';
import type { EdgeLink } from './edgeLink';
import type { NodeRequest } from './types';

/** A work step: hold the slot for a sampled time (null = the node's own service time). */
export interface WorkStep {
  kind: 'work';
  sample: Sampler | null;
}

/** A call over an edge: a sync call, or a publish / append / query / log message to the target. */
export interface CallStep {
  kind: 'call';
  /** The edge to the target; null when the document has none (the step fails with 502, not wired). */
  link: EdgeLink | null;
  targetId: string;
  /** Method and path sent; null forwards the incoming request's. */
  method: string | null;
  path: string | null;
  /** The message step, for step kinds other than call. */
  step: Step | null;
  /** Whether the request waits for the answer (log writes do not). */
  wait: boolean;
  /** Deadline override in ms, or -1 for the edge's. */
  timeoutMs: number;
}

/**
 * A step whose behaviour is code (domain services, the order saga, bus consumers): it runs while
 * the request holds its slot and calls `done(status, cause)` exactly once; a success status moves
 * on to the next step, any other ends the request with that status and failure cause.
 */
export interface CustomStep {
  kind: 'custom';
  /** `alive()` tells whether the request still holds its instance (false once the instance died). */
  run(
    req: NodeRequest,
    spanId: number,
    done: (status: number, cause: FailureCause) => void,
    alive: () => boolean,
  ): void;
}

export type CompiledStep = WorkStep | CallStep | CustomStep;

/** A compiled endpoint or route: what a station runs for one request. */
export interface Endpoint {
  name: string;
  steps: CompiledStep[];
  /** Forward the downstream status as is (gateways, proxies) instead of failing with 502. */
  propagate: boolean;
}

/**
 * Finds what handles a request: an endpoint, or the cause of its refusal (no route, method not
 * allowed, ...); the station answers a refusal with the cause's status (`refusalStatus`).
 *
 * NOTE: an object with a method rather than a function: V8 inlines a method of the few resolver
 * classes into the station's `handle`, not a call that meets one closure per station.
 */
export interface Resolver {
  resolve(method: string, path: string, headers: Readonly<Record<string, string>>): Endpoint | FailureCause;
}

/** The resolver of a node that serves nothing yet. */
export const NO_ROUTE: Resolver = { resolve: () => CAUSE.noRoute };

/** Looks up the edge from this node to a target. */
export type LinkLookup = (targetId: string) => EdgeLink | undefined;

/** Compiles schema steps once, resolving each target's edge. */
export function compileSteps(steps: readonly Step[], linkTo: LinkLookup): CompiledStep[] {
  return steps.map((step): CompiledStep => {
    switch (step.kind) {
      case 'work':
        return { kind: 'work', sample: step.durationMs ? compileDistribution(step.durationMs) : null };
      case 'call':
        return callStep(linkTo(step.target) ?? null, step.target, step.method, step.path, null, true, -1);
      case 'append':
        if (step.publish?.via === 'dualWrite')
          return dualWriteStep(step, linkTo(step.target) ?? null, linkTo(step.publish.target) ?? null);
        return callStep(linkTo(step.target) ?? null, step.target, 'POST', '/append', step, true, -1);
      default:
        return callStep(
          linkTo(step.target) ?? null,
          step.target,
          'POST',
          `/${step.kind}`,
          step,
          step.kind !== 'log',
          -1,
        );
    }
  });
}

/** A call step in compiled form. */
export function callStep(
  link: EdgeLink | null,
  targetId: string,
  method: string | null,
  path: string | null,
  step: Step | null,
  wait: boolean,
  timeoutMs: number,
): CallStep {
  return { kind: 'call', link, targetId, method, path, step, wait, timeoutMs };
}

/** A work step with an explicit distribution. */
export function workStep(d: Distribution | null): WorkStep {
  return { kind: 'work', sample: d ? compileDistribution(d) : null };
}

/** Whether endpoint path `prefix` covers request `path` (equal, or a prefix ending at a segment). */
function pathCovers(prefix: string, path: string): boolean {
  if (!path.startsWith(prefix)) return false;
  return path.length === prefix.length || prefix.endsWith('/') || path.charCodeAt(prefix.length) === 47;
}

interface ServiceEndpoint extends Endpoint {
  method: string;
  path: string;
}

const CACHE_LIMIT = 4096;

/**
 * Routes by method and path: the exact path first, then the longest covering prefix; a path no
 * endpoint covers is refused as no route (404), a covered path without the method as method not
 * allowed (405). Results are cached per
 * method + path because request mixes repeat a handful of paths.
 */
export class ServiceResolver implements Resolver {
  private readonly byLength: readonly ServiceEndpoint[];
  // Two levels (method, then path) so a lookup builds no key string.
  private readonly cache = new Map<string, Map<string, Endpoint | FailureCause>>();
  private cached = 0;
  // The last answer: a chain's hop sees one method and path, so most lookups end here.
  // No method is null, so the first lookup always resolves.
  private lastMethod: string | null = null;
  private lastPath = '';
  private last: Endpoint | FailureCause = CAUSE.noRoute;

  constructor(endpoints: readonly ServiceEndpoint[]) {
    this.byLength = [...endpoints].sort((a, b) => b.path.length - a.path.length);
  }

  resolve(method: string, path: string): Endpoint | FailureCause {
    if (path === this.lastPath && method === this.lastMethod) return this.last;
    this.lastMethod = method;
    this.lastPath = path;
    this.last = this.lookup(method, path);
    return this.last;
  }

  private lookup(method: string, path: string): Endpoint | FailureCause {
    let byPath = this.cache.get(method);
    if (!byPath) {
      byPath = new Map();
      this.cache.set(method, byPath);
    }
    const hit = byPath.get(path);
    if (hit !== undefined) return hit;
    let result: Endpoint | FailureCause = CAUSE.noRoute;
    for (const ep of this.byLength) {
      if (!pathCovers(ep.path, path)) continue;
      if (ep.method === method) {
        result = ep;
        break;
      }
      result = CAUSE.methodNotAllowed;
    }
    if (this.cached < CACHE_LIMIT) {
      byPath.set(path, result);
      this.cached++;
    }
    return result;
  }
}
