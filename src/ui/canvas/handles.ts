import type { EdgeKind } from '../../core/model/schema';

/** Handle ids of a node card: requests flow left to right, infrastructure links top to bottom. */
export const HANDLE = { in: 'in', out: 'out', up: 'up', down: 'down' } as const;

// Registry, config, log and mesh links are infrastructure: drawn from below a node to the top of
// the infrastructure component, so they do not cross the request path.
const infraKinds: ReadonlySet<EdgeKind> = new Set(['registry', 'config', 'log', 'mesh']);

export function edgeHandles(kind: EdgeKind): { sourceHandle: string; targetHandle: string } {
  return infraKinds.has(kind)
    ? { sourceHandle: HANDLE.down, targetHandle: HANDLE.up }
    : { sourceHandle: HANDLE.out, targetHandle: HANDLE.in };
}
