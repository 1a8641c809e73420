import { type ArchDocument, formatIssue, validateDocument } from './coreApi';

/** A value a sweep sets: what a document field may hold. */
export type ParameterValue = number | string | boolean;

/** One varied field: its path (`nodes.payment.config.instances`) and the values it takes. */
export interface Parameter {
  path: string;
  values: ParameterValue[];
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Rounds the points of a range so 0.1 steps print as 0.3, not 0.30000000000000004. */
function tidy(x: number): number {
  return Number(x.toPrecision(12));
}

function parseValue(text: string): ParameterValue {
  if (text === 'true') return true;
  if (text === 'false') return false;
  const n = Number(text);
  return text.trim() !== '' && Number.isFinite(n) ? n : text;
}

/**
 * Parses a `--vary` option: `path=v1,v2,...` (numbers, true/false, or text) or `path=from:to:steps`
 * (`steps` evenly spaced values from `from` to `to`, both included).
 */
export function parseVary(spec: string): Parameter | { error: string } {
  const eq = spec.indexOf('=');
  if (eq <= 0) return { error: `--vary ${spec}: expected <path>=<v1,v2,...> or <path>=<from>:<to>:<steps>` };
  const path = spec.slice(0, eq);
  const rest = spec.slice(eq + 1);
  const range = rest.split(':');
  if (range.length === 3 && range.every((p) => p.trim() !== '' && Number.isFinite(Number(p)))) {
    const [from, to, steps] = range.map(Number) as [number, number, number];
    if (!Number.isInteger(steps) || steps < 2 || steps > 1000) {
      return { error: `--vary ${path}: steps must be an integer from 2 to 1000, got ${range[2]}` };
    }
    return {
      path,
      values: Array.from({ length: steps }, (_, k) => tidy(from + ((to - from) * k) / (steps - 1))),
    };
  }
  const values = rest.split(',');
  if (rest === '' || values.some((v) => v === ''))
    return { error: `--vary ${path}: empty value in "${rest}"` };
  return { path, values: values.map(parseValue) };
}

const isObject = (v: Json | undefined): v is { [key: string]: Json } =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/** Finds the entry of `list` (nodes or edges) whose id starts the path; ids may hold dots, so the longest wins. */
function entryById(list: Json[], rest: string): { entry: Json; remainder: string } | null {
  let best: { entry: Json; remainder: string; length: number } | null = null;
  for (const entry of list) {
    const id = isObject(entry) && typeof entry.id === 'string' ? entry.id : undefined;
    if (id === undefined || !(rest === id || rest.startsWith(`${id}.`))) continue;
    if (best === null || id.length > best.length)
      best = { entry, remainder: rest.slice(id.length + 1), length: id.length };
  }
  return best;
}

/** Finds a key named `name` anywhere below `value`, for a "did you mean" hint. */
function findKey(value: Json, name: string, prefix: string): string | null {
  if (!isObject(value) && !Array.isArray(value)) return null;
  for (const [key, child] of Object.entries(value)) {
    const path = `${prefix}.${key}`;
    if (key === name && !isObject(child) && !Array.isArray(child)) return path;
    const found = findKey(child as Json, name, path);
    if (found !== null) return found;
  }
  return null;
}

/**
 * Sets the field at `path` of a document (as plain JSON) to `value`. Paths address nodes and edges
 * by id (`nodes.web.config.workload.ratePerSec`, `edges.order-payment.config.timeoutMs`), other
 * fields by name (`scenario.durationSec`), and array entries by index (`scenario.faults.0.latencyMs`).
 * The field must exist and hold a plain value. Returns a problem, or null when set.
 */
function setPath(document: Json, path: string, value: ParameterValue): string | null {
  if (!isObject(document)) return `${path}: not a document`;
  const [head, ...tail] = path.split('.');
  let current: Json = document;
  let keys = tail;
  let where = '';
  if (head === 'nodes' || head === 'edges') {
    const found = entryById((document[head] as Json[]) ?? [], tail.join('.'));
    if (found === null)
      return `${path}: no ${head === 'nodes' ? 'node' : 'edge'} with an id that starts "${tail.join('.')}"`;
    current = found.entry;
    keys = found.remainder === '' ? [] : found.remainder.split('.');
    where = `${head}.${(found.entry as { id: string }).id}`;
    if (keys.length === 0)
      return `${path}: names a whole ${head === 'nodes' ? 'node' : 'edge'}, not a field of it`;
  } else keys = [head!, ...tail];
  for (let k = 0; k < keys.length; k++) {
    const key = keys[k]!;
    const last = k === keys.length - 1;
    let child: Json | undefined;
    if (Array.isArray(current)) child = /^\d+$/.test(key) ? current[Number(key)] : undefined;
    else if (isObject(current)) child = Object.hasOwn(current, key) ? current[key] : undefined;
    if (child === undefined) {
      const hint = findKey(current, key, where);
      const owner = where === '' ? 'the document' : where;
      return `${path}: ${owner} has no field "${key}"${hint === null ? '' : ` (did you mean ${hint.replace(/^\./, '')}?)`}`;
    }
    if (last) {
      if (isObject(child) || Array.isArray(child))
        return `${path}: names an object or a list, not a single value`;
      if (Array.isArray(current)) current[Number(key)] = value;
      else (current as { [key: string]: Json })[key] = value;
      return null;
    }
    current = child;
    where = where === '' ? key : `${where}.${key}`;
  }
  return `${path}: names no field`;
}

/**
 * The document with every parameter set to its value, validated like any imported document; a
 * problem comes back as `path=value: <validation problem>` lines.
 */
export function applyValues(
  document: ArchDocument,
  values: ReadonlyArray<readonly [string, ParameterValue]>,
): { ok: true; document: ArchDocument } | { ok: false; errors: string[] } {
  const raw = JSON.parse(JSON.stringify(document)) as Json;
  for (const [path, value] of values) {
    const problem = setPath(raw, path, value);
    if (problem !== null) return { ok: false, errors: [problem] };
  }
  const result = validateDocument(raw);
  if (result.ok) return { ok: true, document: result.document };
  const label = values.map(([p, v]) => `${p}=${String(v)}`).join(', ');
  return { ok: false, errors: result.errors.map((issue) => `${label}: ${formatIssue(issue)}`) };
}
