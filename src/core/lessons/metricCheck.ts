import { round3 } from './coreApi';
import type { MetricCheck } from './schema';

/** The ids a metric path may name after `nodes.` or `edges.` (ids hold dots, so every prefix is one). */
export function metricPathIds(path: string): { list: 'nodes' | 'edges'; ids: string[] }[] {
  const [list, ...rest] = path.split('.');
  if ((list !== 'nodes' && list !== 'edges') || rest.length === 0 || rest[0] === '*') return [];
  const ids = rest.slice(0, -1).map((_, k) => rest.slice(0, k + 1).join('.'));
  return [{ list, ids: ids.length > 0 ? ids : [rest[0]!] }];
}

const escapeRegex = (text: string) => text.replace(/[.+?^${}()|[\]\\]/g, '\\$&');

/**
 * The number at a metric path of one run (`metricPaths` of its summary), or null when the run has
 * none. A `*` matches any id (one or more characters); the numbers it matches are combined by
 * `aggregate` (sum by default; a sum or count of nothing is 0).
 */
export function readMetric(
  metrics: Readonly<Record<string, number>>,
  path: string,
  aggregate: MetricCheck['aggregate'] = 'sum',
): number | null {
  if (!path.includes('*')) return Object.hasOwn(metrics, path) ? metrics[path]! : null;
  const pattern = new RegExp(`^${path.split('*').map(escapeRegex).join('.+')}$`);
  const values = Object.keys(metrics)
    .filter((key) => pattern.test(key))
    .map((key) => metrics[key]!);
  switch (aggregate) {
    case 'count':
      return values.length;
    case 'max':
      return values.length > 0 ? Math.max(...values) : null;
    case 'min':
      return values.length > 0 ? Math.min(...values) : null;
    default:
      return round3(values.reduce((a, b) => a + b, 0));
  }
}

/** The bound a metric check compares with in one run: its number, or `times` x another path's. */
export function metricBound(check: MetricCheck, metrics: Readonly<Record<string, number>>): number | null {
  if (typeof check.value === 'number') return check.value;
  const base = readMetric(metrics, check.value.path, check.value.aggregate);
  return base === null ? null : round3(base * check.value.times);
}
