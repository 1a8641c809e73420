import type { NodeKind } from '../../core/model/schema';

/** Helps a new list item or variant point at an existing node, so it is valid from the start. */
export interface MakeContext {
  firstId: (kinds: readonly NodeKind[]) => string;
}

/**
 * A declarative description of an inspector form. Keys are property names relative to the
 * enclosing value; the renderer validates every edit with the zod schema of the whole config.
 */
export type Field =
  | {
      t: 'int' | 'num';
      key: string;
      label: string;
      unit?: string;
      min?: number;
      max?: number;
      step?: number;
      help?: string;
      /** May be left empty: the field is then absent (an SLO's window ends, say). */
      optional?: boolean;
    }
  | {
      t: 'enum';
      key: string;
      label: string;
      options: readonly string[];
      /** How each option reads, when the value alone does not say it well. */
      labels?: Readonly<Record<string, string>>;
      optional?: boolean;
      help?: string;
    }
  | { t: 'bool'; key: string; label: string; help?: string }
  | { t: 'text'; key: string; label: string; placeholder?: string; optional?: boolean; help?: string }
  | { t: 'strings'; key: string; label: string; placeholder?: string; numeric?: boolean; help?: string }
  | { t: 'json'; key: string; label: string; help?: string }
  | { t: 'ref'; key: string; label: string; kinds: readonly NodeKind[]; optional?: boolean; help?: string }
  | { t: 'dist'; key: string; label: string; help?: string }
  | { t: 'group'; key: string; label: string; fields: Field[] }
  | {
      t: 'optional';
      key: string;
      label: string;
      make: (ctx: MakeContext) => unknown;
      fields: Field[];
      help?: string;
    }
  | {
      t: 'list';
      key: string;
      label: string;
      item: string;
      make: (ctx: MakeContext) => unknown;
      fields: Field[];
      title?: (item: unknown, index: number) => string;
    }
  | {
      t: 'map';
      key: string;
      label: string;
      item: string;
      newKey: string;
      make: (ctx: MakeContext) => unknown;
      value: MapValue;
      help?: string;
    }
  | {
      t: 'union';
      key: string | null;
      label: string;
      variants: Record<string, { make: (ctx: MakeContext) => unknown; fields: Field[] }>;
    };

/** How the value of one map entry is edited: a plain text, or one of several shapes. */
export type MapValue =
  | { t: 'text'; placeholder?: string }
  | { t: 'union'; variants: Record<string, { make: (ctx: MakeContext) => unknown; fields: Field[] }> };

export interface Section {
  title: string;
  fields: Field[];
}

const dist = (ms: number) => ({
  constant: {
    make: () => ({ kind: 'constant', ms }),
    fields: [{ t: 'num', key: 'ms', label: 'Value', unit: 'ms', min: 0 }],
  },
  exponential: {
    make: () => ({ kind: 'exponential', meanMs: ms || 1 }),
    fields: [{ t: 'num', key: 'meanMs', label: 'Mean', unit: 'ms', min: 0 }],
  },
  uniform: {
    make: () => ({ kind: 'uniform', minMs: 0, maxMs: ms * 2 }),
    fields: [
      { t: 'num', key: 'minMs', label: 'Min', unit: 'ms', min: 0 },
      { t: 'num', key: 'maxMs', label: 'Max', unit: 'ms', min: 0 },
    ],
  },
  normal: {
    make: () => ({ kind: 'normal', meanMs: ms, stdDevMs: ms / 4 }),
    fields: [
      { t: 'num', key: 'meanMs', label: 'Mean', unit: 'ms', min: 0 },
      { t: 'num', key: 'stdDevMs', label: 'Std dev', unit: 'ms', min: 0 },
    ],
  },
  lognormal: {
    make: () => ({ kind: 'lognormal', meanMs: ms || 1, stdDevMs: ms / 2 }),
    fields: [
      { t: 'num', key: 'meanMs', label: 'Mean', unit: 'ms', min: 0 },
      { t: 'num', key: 'stdDevMs', label: 'Std dev', unit: 'ms', min: 0 },
    ],
  },
});

/** The variants of a latency distribution; switching kind keeps roughly the same mean. */
export function distributionVariants(
  meanMs: number,
): Record<string, { make: () => unknown; fields: Field[] }> {
  return dist(meanMs) as Record<string, { make: () => unknown; fields: Field[] }>;
}

/** The mean of a distribution value, used to seed a new variant when its kind changes. */
export function distributionMeanMs(value: unknown): number {
  const d = (value ?? {}) as Record<string, number>;
  if (typeof d.ms === 'number') return d.ms;
  if (typeof d.meanMs === 'number') return d.meanMs;
  if (typeof d.minMs === 'number' && typeof d.maxMs === 'number') return (d.minMs + d.maxMs) / 2;
  return 10;
}
