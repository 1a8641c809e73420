import { formatPath, type ValidationIssue } from './issues';

/** Keys that can rewrite an object's prototype when a careless consumer copies or merges input. */
const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** Deeper than any valid document nests (about 10 levels), shallow enough to stop pathological input. */
const MAX_NESTING_DEPTH = 32;

/**
 * Walks untrusted JSON iteratively (no recursion, so no stack overflow) and reports every
 * prototype-polluting key and any nesting past {@link MAX_NESTING_DEPTH}, before any schema or
 * merge code touches the value.
 */
export function findUnsafeKeys(value: unknown, limit = 100): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const stack: { value: unknown; path: PropertyKey[] }[] = [{ value, path: [] }];
  let tooDeep = false;
  while (stack.length > 0 && issues.length < limit) {
    const { value: current, path } = stack.pop()!;
    if (current === null || typeof current !== 'object') continue;
    if (path.length >= MAX_NESTING_DEPTH) {
      if (!tooDeep) {
        issues.push({ path: formatPath(path), message: `nested deeper than ${MAX_NESTING_DEPTH} levels` });
        tooDeep = true;
      }
      continue;
    }
    if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i--) stack.push({ value: current[i], path: [...path, i] });
      continue;
    }
    // Object.keys reads own keys only, and JSON.parse makes "__proto__" an own key.
    const children: { value: unknown; path: PropertyKey[] }[] = [];
    for (const key of Object.keys(current)) {
      if (FORBIDDEN_KEYS.has(key)) {
        issues.push({
          path: formatPath([...path, key]),
          message: `the key "${key}" is not allowed anywhere`,
        });
      } else {
        children.push({ value: (current as Record<string, unknown>)[key], path: [...path, key] });
      }
    }
    for (let k = children.length - 1; k >= 0; k--) stack.push(children[k]!);
  }
  return issues;
}
