import type { z } from 'zod';

/** The node or edge a problem's path points into, as a person sees it on the canvas. */
export interface IssueSubject {
  /** The node's label (its kind's name when it has none), or an edge's "source -> target" labels. */
  label: string;
  /** Its id, when the document gives it one. */
  id: string | null;
}

/** One problem found in a document: where (`nodes[3].config.instances`) and what, in plain words. */
export interface ValidationIssue {
  path: string;
  message: string;
  /** Set when the path points into `nodes[i]` or `edges[i]`: the node or edge a person sees. */
  subject?: IssueSubject;
}

/** The path shown for problems that concern the whole input rather than one field. */
export const ROOT_PATH = '(root)';

const identifier = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * Renders a path as people write it in code (`edges[2].config.retry.maxRetries`), quoting keys that
 * are not identifiers (`headers["x-user-id"]`) so every path can be pasted back into a JSON viewer.
 */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && identifier.test(key)) out += out === '' ? key : `.${key}`;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out === '' ? ROOT_PATH : out;
}

/** Extends a formatted path by one object key, quoting it when it is not an identifier. */
export function appendKey(path: string, key: string): string {
  return identifier.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}

const subjectPath = /^(nodes|edges)\[\d+\]/;

/**
 * Where a problem is, as people read it: the path, with its `nodes[i]` or `edges[i]` named after
 * what the canvas shows, `Payment service (nodes[9], id "payment").config.instances`.
 */
export function formatPlace(issue: ValidationIssue): string {
  const head = issue.subject ? subjectPath.exec(issue.path) : null;
  if (!issue.subject || !head) return issue.path;
  const id = issue.subject.id === null ? '' : `, id ${JSON.stringify(issue.subject.id)}`;
  return `${issue.subject.label} (${head[0]}${id})${issue.path.slice(head[0].length)}`;
}

/** One line per problem, `place: message`, the form the CLI prints and the import dialog lists. */
export function formatIssue(issue: ValidationIssue): string {
  return issue.path === '' ? issue.message : `${formatPlace(issue)}: ${issue.message}`;
}

/** A short description of an input value for "got ..." suffixes, never longer than a line. */
function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') {
    const quoted = JSON.stringify(value);
    return quoted.length > 42 ? `${quoted.slice(0, 40)}…"` : quoted;
  }
  return String(value);
}

const typeNames: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  int: 'an integer',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list',
  record: 'an object',
  null: 'null',
};

function numberNoun(issue: { schema?: unknown }): string {
  const schema = issue.schema as { isInt?: unknown } | undefined;
  return schema?.isInt === true ? 'an integer' : 'a number';
}

function bound(kind: 'min' | 'max', inclusive: boolean | undefined, limit: unknown): string {
  if (kind === 'min') return inclusive === false ? `> ${String(limit)}` : `>= ${String(limit)}`;
  return inclusive === false ? `< ${String(limit)}` : `<= ${String(limit)}`;
}

function sizeMessage(
  kind: 'min' | 'max',
  origin: string,
  limit: unknown,
  inclusive: boolean | undefined,
  issue: { schema?: unknown },
): string {
  if (origin === 'number' || origin === 'bigint')
    return `expected ${numberNoun(issue)} ${bound(kind, inclusive, limit)}`;
  // zod's own bound on integers: the safe range, for fields without a documented limit.
  if (origin === 'int') return `expected an integer ${bound(kind, inclusive, limit)}`;
  const unit = origin === 'string' ? 'characters' : 'entries';
  if (kind === 'min')
    return Number(limit) === 1 ? 'must not be empty' : `needs at least ${String(limit)} ${unit}`;
  return `must have at most ${String(limit)} ${unit}`;
}

type RawIssue = Parameters<z.core.$ZodErrorMap>[0];

/**
 * A zod error map that words each failure for people; schema-level messages still take precedence,
 * so hand-written messages in schema.ts are kept.
 */
export function friendlyZodMessage(issue: RawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined)
        return `required field is missing (expected ${typeNames[issue.expected] ?? issue.expected})`;
      if (issue.expected === 'int') return 'expected an integer';
      return `expected ${typeNames[issue.expected] ?? issue.expected}`;
    case 'too_small':
      return sizeMessage('min', issue.origin, issue.minimum, issue.inclusive, issue);
    case 'too_big':
      return sizeMessage('max', issue.origin, issue.maximum, issue.inclusive, issue);
    case 'invalid_value':
      return issue.values.length === 1
        ? `expected ${JSON.stringify(issue.values[0])}`
        : `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'invalid_union': {
      const { options, discriminator } = issue as { options?: unknown[]; discriminator?: unknown };
      if (!Array.isArray(options) || typeof discriminator !== 'string')
        return 'matches none of the allowed shapes';
      const list = options.map((v) => JSON.stringify(v)).join(', ');
      const input = issue.input as Record<string, unknown> | null | undefined;
      const missing = input === null || typeof input !== 'object' || input[discriminator] === undefined;
      return missing
        ? `required field is missing (expected one of ${list})`
        : `unknown kind; expected one of ${list}`;
    }
    case 'invalid_format':
      return issue.format === 'regex' ? 'has the wrong format' : `is not a valid ${issue.format}`;
    case 'not_multiple_of':
      return `expected a multiple of ${String(issue.divisor)}`;
    case 'invalid_key':
      return 'has an invalid key';
    default:
      return undefined;
  }
}

/** The offending value of a finished zod issue, if zod recorded it. */
function offendingValue(issue: z.core.$ZodIssue): { known: boolean; value: unknown } {
  if (!('input' in issue)) return { known: false, value: undefined };
  if (issue.code === 'invalid_union') {
    // Discriminated unions report the whole object; the culprit is its discriminator.
    const discriminator = (issue as { discriminator?: unknown }).discriminator;
    if (typeof discriminator === 'string' && issue.input !== null && typeof issue.input === 'object') {
      const value = (issue.input as Record<string, unknown>)[discriminator];
      return { known: value !== undefined, value };
    }
  }
  if (issue.code === 'custom' || issue.code === 'unrecognized_keys')
    return { known: false, value: undefined };
  return { known: issue.input !== undefined, value: issue.input };
}

/** zod's implicit "integers must be within the safe integer range": noise next to a field's own bound. */
function isSafeRangeIssue(issue: z.core.$ZodIssue): boolean {
  return (issue.code === 'too_big' || issue.code === 'too_small') && issue.origin === 'int';
}

function samePath(a: readonly PropertyKey[], b: readonly PropertyKey[]): boolean {
  return a.length === b.length && a.every((key, i) => key === b[i]);
}

/**
 * Turns zod's issues into path/message problems; unknown keys become one problem each, at the
 * key's own path, because "unknown field" is most useful pointing at the field.
 */
export function fromZodIssues(issues: readonly z.core.$ZodIssue[]): ValidationIssue[] {
  const out: ValidationIssue[] = [];
  for (const issue of issues) {
    if (isSafeRangeIssue(issue) && issues.some((o) => o !== issue && samePath(o.path, issue.path))) continue;
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        out.push({
          path: formatPath([...issue.path, key]),
          message: 'unknown field (not part of the format)',
        });
      }
      continue;
    }
    const { known, value } = offendingValue(issue);
    const got = known && !issue.message.includes(' got ') ? `, got ${describeValue(value)}` : '';
    out.push({ path: formatPath(issue.path), message: `${issue.message}${got}` });
  }
  return out;
}
