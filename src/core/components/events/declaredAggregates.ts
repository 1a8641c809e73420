import {
  type CompiledExpr,
  compileExpression,
  type ExprScope,
  type ExprValue,
  isTruthy,
} from '../../model/expression';

/** An aggregate type as the document declares it on an event store. */
export interface AggregateSpec {
  readonly type: string;
  readonly initial: Readonly<Record<string, string | number | boolean>>;
  readonly commands: readonly {
    readonly name: string;
    readonly emits: string;
    readonly rule?: string | undefined;
  }[];
  readonly events: readonly {
    readonly type: string;
    readonly apply: readonly { readonly field: string; readonly value: string }[];
  }[];
}

/** What a command did: the event it emitted, or the rule that refused it. */
export type CommandOutcome =
  | { readonly ok: true; readonly eventType: string }
  | { readonly ok: false; readonly reason: string };

function compiled(text: string): CompiledExpr {
  const r = compileExpression(text);
  if (!r.ok) throw new RangeError(`invalid expression "${text}": ${r.message}`);
  return r.evaluate;
}

/** Reads a command's or event's parameters: its headers, `x_amount` reading `x-amount`. */
export function paramScope(params: Readonly<Record<string, string>>): ExprScope {
  return (name) => params[name] ?? params[name.replace(/_/g, '-')] ?? null;
}

interface Compiled {
  readonly spec: AggregateSpec;
  readonly commands: Map<string, { emits: string; rule: CompiledExpr | null; text: string | undefined }>;
  readonly events: Map<string, { field: string; value: CompiledExpr }[]>;
}

/** Counts of one command. */
export interface CommandCounts {
  accepted: number;
  rejected: number;
}

/**
 * The aggregates a document declares on one event store, run as event sourcing does: a command
 * names an aggregate instance (a stream); its rule is checked against the instance's state, rebuilt
 * from its events (a rule that is false refuses the command, and nothing is appended); an accepted
 * command emits its event, and the event's `apply` updates the state. State is kept per stream as the
 * fold of its events, so it always equals a replay from the first event.
 */
export class DeclaredAggregates {
  private readonly byCommand = new Map<string, Compiled>();
  private readonly byEvent = new Map<string, Compiled>();
  private readonly state = new Map<string, Record<string, ExprValue>>();
  private readonly streamsOfType = new Map<string, number>();
  readonly counts = new Map<string, CommandCounts>();

  constructor(specs: readonly AggregateSpec[]) {
    for (const spec of specs) {
      const c: Compiled = {
        spec,
        commands: new Map(
          spec.commands.map((k) => [
            k.name,
            { emits: k.emits, rule: k.rule === undefined ? null : compiled(k.rule), text: k.rule },
          ]),
        ),
        events: new Map(
          spec.events.map((e) => [
            e.type,
            e.apply.map((a) => ({ field: a.field, value: compiled(a.value) })),
          ]),
        ),
      };
      for (const k of spec.commands) {
        this.byCommand.set(k.name, c);
        this.counts.set(k.name, { accepted: 0, rejected: 0 });
      }
      for (const e of spec.events) this.byEvent.set(e.type, c);
    }
  }

  get size(): number {
    return this.byCommand.size;
  }

  /** Whether `name` is a declared command. */
  has(name: string): boolean {
    return this.byCommand.has(name);
  }

  /** The state of a stream (its aggregate's initial state before any event). */
  stateOf(streamId: string, command: string): Readonly<Record<string, ExprValue>> {
    const c = this.byCommand.get(command);
    return this.state.get(streamId) ?? { ...(c?.spec.initial ?? {}) };
  }

  /** Checks a command against the stream's state: the event to emit, or why it is refused. */
  decide(command: string, streamId: string, params: Readonly<Record<string, string>>): CommandOutcome {
    const c = this.byCommand.get(command);
    const k = c?.commands.get(command);
    if (!c || !k) return { ok: false, reason: `unknown command ${command}` };
    const counts = this.counts.get(command)!;
    if (k.rule) {
      const state = this.stateOf(streamId, command);
      const fromParams = paramScope(params);
      const scope: ExprScope = (name) => (Object.hasOwn(state, name) ? state[name]! : fromParams(name));
      if (!isTruthy(k.rule(scope))) {
        counts.rejected++;
        return { ok: false, reason: k.text ?? '' };
      }
    }
    counts.accepted++;
    return { ok: true, eventType: k.emits };
  }

  /** Folds an appended event into its stream's state. */
  apply(streamId: string, eventType: string, params: Readonly<Record<string, string>>): void {
    const c = this.byEvent.get(eventType);
    if (!c) return;
    const known = this.state.get(streamId);
    if (!known) this.streamsOfType.set(c.spec.type, (this.streamsOfType.get(c.spec.type) ?? 0) + 1);
    const state: Record<string, ExprValue> = known ?? { ...c.spec.initial };
    const fromParams = paramScope(params);
    const scope: ExprScope = (name) => (Object.hasOwn(state, name) ? state[name]! : fromParams(name));
    for (const a of c.events.get(eventType)!) state[a.field] = a.value(scope);
    this.state.set(streamId, state);
  }

  /** Per aggregate type: streams with state, and per command how many were accepted and rejected. */
  summary(): Record<string, { streams: number; commands: Record<string, CommandCounts> }> {
    const out: Record<string, { streams: number; commands: Record<string, CommandCounts> }> =
      Object.create(null);
    const seen = new Set<Compiled>();
    for (const c of this.byCommand.values()) {
      if (seen.has(c)) continue;
      seen.add(c);
      const commands: Record<string, CommandCounts> = Object.create(null);
      for (const k of c.spec.commands) commands[k.name] = { ...this.counts.get(k.name)! };
      out[c.spec.type] = { streams: this.streamsOfType.get(c.spec.type) ?? 0, commands };
    }
    return out;
  }
}
