import type { z } from 'zod';

export type Path = readonly (string | number)[];

export function getIn(value: unknown, path: Path): unknown {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

/** A copy of `root` with `value` at `path`; `undefined` removes an object key (optional fields). */
export function setIn(root: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  if (Array.isArray(root)) {
    const copy = root.slice();
    copy[head as number] = setIn(root[head as number], rest, value);
    return copy;
  }
  const obj = (root !== null && typeof root === 'object' ? root : {}) as Record<string, unknown>;
  const next = setIn(obj[head], rest, value);
  const copy = { ...obj };
  if (next === undefined) delete copy[head];
  else copy[head] = next;
  return copy;
}

const startsWith = (path: readonly PropertyKey[], prefix: Path) => prefix.every((key, i) => path[i] === key);

interface IssueLike {
  code: string;
  message: string;
  path: readonly PropertyKey[];
  minimum?: unknown;
  maximum?: unknown;
  inclusive?: boolean;
  expected?: unknown;
  origin?: unknown;
}

/** zod's default wording rewritten as a short reason a person reads next to a field. */
function describeIssue(issue: IssueLike): string {
  const isDefault = /^(Too small|Too big|Invalid input|Invalid option|Expected)/.test(issue.message);
  if (!isDefault) return issue.message;
  if (issue.code === 'too_small' && issue.origin === 'array')
    return `needs at least ${issue.minimum} item(s)`;
  if (issue.code === 'too_small')
    return `must be ${issue.inclusive === false ? 'greater than' : 'at least'} ${issue.minimum}`;
  if (issue.code === 'too_big')
    return `must be ${issue.inclusive === false ? 'less than' : 'at most'} ${issue.maximum}`;
  if (issue.code === 'invalid_type' && issue.expected === 'int') return 'must be a whole number';
  if (issue.code === 'invalid_type' && issue.expected === 'number') return 'must be a number';
  return issue.message;
}

export type Check = { ok: true; value: unknown } | { ok: false; message: string };

/**
 * Validates `root` with `value` put at `path` against `schema`. The reason returned is the issue at
 * or under `path` when there is one, so each field explains its own refusal.
 */
export function checkEdit(schema: z.ZodType, root: unknown, path: Path, value: unknown): Check {
  const candidate = setIn(root, path, value);
  const result = schema.safeParse(candidate);
  if (result.success) return { ok: true, value: result.data };
  const issues = result.error.issues as unknown as IssueLike[];
  const own = issues.find((i) => startsWith(i.path, path)) ?? issues[0]!;
  const where = startsWith(own.path, path) ? '' : `${own.path.join('.')}: `;
  return { ok: false, message: where + describeIssue(own) };
}
