/** OTLP/JSON attribute values, as OTLP writes them. */
type AnyValue =
  | { stringValue: string }
  | { intValue: string }
  | { doubleValue: number }
  | { boolValue: boolean };

/** One OTLP attribute. */
export interface KeyValue {
  key: string;
  value: AnyValue;
}

/** Attributes from plain values: strings as strings, integers as intValue text, other numbers as doubles. */
export function attributes(values: Record<string, string | number | boolean | undefined>): KeyValue[] {
  const out: KeyValue[] = [];
  for (const [key, v] of Object.entries(values)) {
    if (v === undefined) continue;
    if (typeof v === 'string') out.push({ key, value: { stringValue: v } });
    else if (typeof v === 'boolean') out.push({ key, value: { boolValue: v } });
    else if (Number.isInteger(v)) out.push({ key, value: { intValue: String(v) } });
    else out.push({ key, value: { doubleValue: v } });
  }
  return out;
}

/** Reads OTLP attributes into plain values (strings, numbers, booleans); anything else is skipped. */
export function readAttributes(list: unknown): Map<string, string | number | boolean> {
  const out = new Map<string, string | number | boolean>();
  if (!Array.isArray(list)) return out;
  for (const item of list) {
    if (item === null || typeof item !== 'object') continue;
    const { key, value } = item as { key?: unknown; value?: Record<string, unknown> };
    if (typeof key !== 'string' || value === null || typeof value !== 'object') continue;
    if (typeof value.stringValue === 'string') out.set(key, value.stringValue);
    else if (typeof value.boolValue === 'boolean') out.set(key, value.boolValue);
    else if (typeof value.doubleValue === 'number') out.set(key, value.doubleValue);
    else if (typeof value.intValue === 'string' || typeof value.intValue === 'number') {
      const n = Number(value.intValue);
      if (Number.isFinite(n)) out.set(key, n);
    }
  }
  return out;
}
