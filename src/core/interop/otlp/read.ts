import { asArray, asObject, asString } from '../types';
import { readAttributes } from './attributes';
import { ATTR_NODE_KIND } from './export';

/** One span read from OTLP/JSON, with times in ms from the earliest span of the file. */
export interface FlatSpan {
  traceId: string;
  spanId: string;
  parentSpanId: string | null;
  service: string;
  /** `archplay.node.kind` of the span's resource, when an archplay export wrote it. */
  nodeKind: string | undefined;
  kind: number;
  name: string;
  startMs: number;
  endMs: number;
  attributes: Map<string, string | number | boolean>;
}

const HEX = /^[0-9a-fA-F]+$/;

function nanos(value: unknown): bigint | null {
  if (typeof value === 'string' && /^\d+$/.test(value)) return BigInt(value);
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return BigInt(value);
  return null;
}

/**
 * Reads the spans of an OTLP/JSON trace export (`resourceSpans` -> `scopeSpans` -> `spans`).
 * Spans without ids or times, or ending before they start, are skipped and counted.
 */
export function readOtlpSpans(value: unknown): { spans: FlatSpan[]; skipped: number } | { error: string } {
  const root = asObject(value);
  if (root === null || !Array.isArray(root.resourceSpans))
    return { error: 'resourceSpans: expected a list (OTLP/JSON traces)' };
  type Raw = Omit<FlatSpan, 'startMs' | 'endMs'> & { start: bigint; end: bigint };
  const raws: Raw[] = [];
  let skipped = 0;
  for (const resourceSpans of root.resourceSpans) {
    const resource = readAttributes(asObject(asObject(resourceSpans)?.resource)?.attributes);
    const service = String(resource.get('service.name') ?? 'unknown_service');
    const nodeKind = asString(resource.get(ATTR_NODE_KIND));
    for (const scope of asArray(asObject(resourceSpans)?.scopeSpans)) {
      for (const s of asArray(asObject(scope)?.spans)) {
        const span = asObject(s) ?? {};
        const traceId = asString(span.traceId);
        const spanId = asString(span.spanId);
        const start = nanos(span.startTimeUnixNano);
        const end = nanos(span.endTimeUnixNano);
        if (
          !traceId ||
          !spanId ||
          !HEX.test(traceId) ||
          !HEX.test(spanId) ||
          start === null ||
          end === null ||
          end < start
        ) {
          skipped++;
          continue;
        }
        const parent = asString(span.parentSpanId);
        raws.push({
          traceId: traceId.toLowerCase(),
          spanId: spanId.toLowerCase(),
          parentSpanId: parent && HEX.test(parent) && !/^0+$/.test(parent) ? parent.toLowerCase() : null,
          service,
          nodeKind,
          kind: typeof span.kind === 'number' ? span.kind : 0,
          name: asString(span.name) ?? '',
          attributes: readAttributes(span.attributes),
          start,
          end,
        });
      }
    }
  }
  if (raws.length === 0) return { spans: [], skipped };
  // Times relative to the earliest span, so milliseconds keep their fractions in a double.
  let origin = raws[0]!.start;
  for (const r of raws) if (r.start < origin) origin = r.start;
  const spans = raws.map(({ start, end, ...rest }) => ({
    ...rest,
    startMs: Number(start - origin) / 1e6,
    endMs: Number(end - origin) / 1e6,
  }));
  return { spans, skipped };
}
