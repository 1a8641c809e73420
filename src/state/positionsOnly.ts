import type { ArchDocument, ArchNode } from '../core/model/schema';

/**
 * Whether two versions of a node differ at most in where it sits. The document store keeps a
 * node's untouched fields by reference, so they are compared by reference.
 */
export function sameButPosition(a: ArchNode, b: ArchNode): boolean {
  if (a === b) return true;
  const fields = Object.keys(b) as (keyof ArchNode)[];
  return fields.length === Object.keys(a).length && fields.every((f) => f === 'position' || a[f] === b[f]);
}

/** Whether `next` differs from `prev` only in where nodes sit (a drag, an Arrange). */
export function onlyPositionsMoved(prev: ArchDocument, next: ArchDocument): boolean {
  const keys = Object.keys(next) as (keyof ArchDocument)[];
  if (keys.length !== Object.keys(prev).length) return false;
  if (keys.some((k) => k !== 'nodes' && next[k] !== prev[k])) return false;
  return (
    next.nodes.length === prev.nodes.length && next.nodes.every((m, i) => sameButPosition(prev.nodes[i]!, m))
  );
}
