import { type CompiledExpr, compileExpression, type ExprScope, type ExprValue } from '../../model/expression';
import { paramScope } from './declaredAggregates';

/** How a projection changes a read-model field. */
type UpdateOp = 'set' | 'increment' | 'sum' | 'append' | 'remove';

/** A projection as the document declares it on a read model. */
export interface ProjectionSpec {
  readonly event: string;
  readonly updates: readonly {
    readonly field: string;
    readonly op: UpdateOp;
    readonly value?: string | undefined;
  }[];
}

/** A document of a declared projection: the fields its updates wrote. */
export type DeclaredFields = Record<string, ExprValue | ExprValue[]>;

function compiled(text: string | undefined): CompiledExpr | null {
  if (text === undefined) return null;
  const r = compileExpression(text);
  if (!r.ok) throw new RangeError(`invalid expression "${text}": ${r.message}`);
  return r.evaluate;
}

/**
 * Declared projections: for an event of a listed type, each update changes a field of the event's
 * stream's document: `set` to the value, `increment` by 1 (or by the value), `sum` adds the value,
 * `append` adds the value to a list, `remove` takes every equal value out of it. Values are
 * expressions over the event's parameters (`x_amount`), `streamId`, `version`, `type` and the
 * document's own fields (`doc.balance`).
 */
export class DeclaredProjections {
  private readonly byEvent = new Map<string, { field: string; op: UpdateOp; value: CompiledExpr | null }[]>();

  constructor(specs: readonly ProjectionSpec[]) {
    for (const p of specs) {
      const list = this.byEvent.get(p.event) ?? [];
      for (const u of p.updates) list.push({ field: u.field, op: u.op, value: compiled(u.value) });
      this.byEvent.set(p.event, list);
    }
  }

  /** Whether events of this type update documents. */
  handles(eventType: string): boolean {
    return this.byEvent.has(eventType);
  }

  /** Applies an event to a document (a copy: the model's documents are replaced, not mutated). */
  apply(
    doc: DeclaredFields | undefined,
    event: { streamId: string; version: number; type: string; params: Readonly<Record<string, string>> },
  ): DeclaredFields {
    const next: DeclaredFields = { ...(doc ?? {}) };
    const fromParams = paramScope(event.params);
    const scope: ExprScope = (name) => {
      if (name.startsWith('doc.')) {
        const v = next[name.slice(4)];
        return Array.isArray(v) ? v.length : (v ?? null);
      }
      if (name === 'streamId') return event.streamId;
      if (name === 'version') return event.version;
      if (name === 'type') return event.type;
      return fromParams(name);
    };
    for (const u of this.byEvent.get(event.type) ?? []) {
      const v = u.value ? u.value(scope) : null;
      const current = next[u.field];
      switch (u.op) {
        case 'set':
          next[u.field] = v;
          break;
        case 'increment':
        case 'sum': {
          const by = u.op === 'increment' && u.value === null ? 1 : Number(v);
          const base = typeof current === 'number' ? current : 0;
          if (Number.isFinite(by)) next[u.field] = base + by;
          break;
        }
        case 'append':
          next[u.field] = [...(Array.isArray(current) ? current : []), v];
          break;
        case 'remove':
          next[u.field] = (Array.isArray(current) ? current : []).filter((x) => x !== v);
          break;
      }
    }
    return next;
  }
}
