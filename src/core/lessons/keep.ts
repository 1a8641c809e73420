/** JSON as a document is written. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const isObject = (v: Json | undefined): v is JsonObject =>
  v !== null && v !== undefined && typeof v === 'object' && !Array.isArray(v);

/** Where a path leads inside a document: the object holding the last key, and that key. */
interface Slot {
  parent: JsonObject;
  key: string;
}

/**
 * Resolves `nodes.<id>.<field>...` or `edges.<id>.<field>...` (ids may hold dots: the longest id
 * that matches wins) to the object that holds its last field. Every object on the way must exist;
 * the last field may be absent. Returns the problem in words otherwise.
 */
export function resolveSlot(document: Json, path: string): Slot | string {
  const dot = path.indexOf('.');
  const list = path.slice(0, dot);
  if (dot < 0 || (list !== 'nodes' && list !== 'edges'))
    return `must start with nodes.<id>. or edges.<id>., got "${path}"`;
  const what = list === 'nodes' ? 'node' : 'edge';
  const rest = path.slice(dot + 1);
  const entries = isObject(document) && Array.isArray(document[list]) ? document[list] : [];
  let entry: JsonObject | null = null;
  let entryId = '';
  for (const e of entries) {
    const eid = isObject(e) && typeof e.id === 'string' ? e.id : '';
    if (eid !== '' && rest.startsWith(`${eid}.`) && eid.length > entryId.length) {
      entry = e as JsonObject;
      entryId = eid;
    }
  }
  if (entry === null) return `no ${what} with an id that starts "${rest}"`;
  const keys = rest.slice(entryId.length + 1).split('.');
  let parent: JsonObject = entry;
  for (const key of keys.slice(0, -1)) {
    const child = parent[key];
    if (!isObject(child)) return `${what} "${entryId}" has no object at "${key}"`;
    parent = child;
  }
  return { parent, key: keys[keys.length - 1]! };
}

/**
 * Copies the value at `path` from `from` into `to` (a field absent in `from` is removed from `to`),
 * so a lesson's givens stay as the lesson set them. Both are plain JSON; `to` is changed in place.
 */
export function keepPath(from: Json, to: Json, path: string): string | null {
  const source = resolveSlot(from, path);
  if (typeof source === 'string') return `the lesson's starting design: ${source}`;
  const target = resolveSlot(to, path);
  if (typeof target === 'string') return `your design: ${target}`;
  if (Object.hasOwn(source.parent, source.key))
    target.parent[target.key] = structuredCopy(source.parent[source.key]!);
  else delete target.parent[target.key];
  return null;
}

function structuredCopy(value: Json): Json {
  return JSON.parse(JSON.stringify(value)) as Json;
}
