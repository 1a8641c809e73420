import { RE2JS } from 're2js';
import { type CompiledExpr, compileExpression, type ExprScope, isTruthy } from '../../model/expression';
import type { LogEntry, LogFieldValue } from './logTypes';

/** What a log processor does to each entry, in its document's terms. */
export interface LogProcessingRules {
  readonly patterns: readonly { readonly pattern: string }[];
  readonly enrich: readonly { readonly field: string; readonly value: string }[];
  readonly filter?: string | undefined;
}

/** An entry after parsing and enrichment, and whether the filter keeps it. */
export interface ProcessedEntry {
  readonly entry: LogEntry;
  /** Whether any pattern matched the message. */
  readonly parsed: boolean;
  readonly kept: boolean;
}

/** Reads a name from an entry: its own fields first (service, level, ...), then parsed and enriched ones. */
export function entryScope(entry: LogEntry, fields: Readonly<Record<string, LogFieldValue>>): ExprScope {
  return (name) => {
    switch (name) {
      case 'service':
        return entry.service;
      case 'level':
        return entry.level;
      case 'message':
        return entry.message;
      case 'timeMs':
        return entry.timeMs;
      case 'traceId':
        return entry.traceId;
    }
    return Object.hasOwn(fields, name) ? fields[name]! : null;
  };
}

function compiled(text: string): CompiledExpr {
  const r = compileExpression(text);
  // The document schema refused invalid expressions at import.
  if (!r.ok) throw new RangeError(`invalid expression "${text}": ${r.message}`);
  return r.evaluate;
}

/**
 * Compiled processing rules: patterns run in order and every one that matches adds its named groups
 * (re2js: linear time, no backtracking), then enrichments run in order (each sees the fields before
 * it), then the filter decides whether the entry is kept.
 */
export class LogProcessing {
  private readonly patterns: { re: RE2JS; names: string[] }[];
  private readonly enrich: { field: string; value: CompiledExpr }[];
  private readonly filter: CompiledExpr | null;

  constructor(rules: LogProcessingRules) {
    this.patterns = rules.patterns.map((p) => {
      const re = RE2JS.compile(p.pattern);
      return { re, names: Object.keys(re.namedGroups()) };
    });
    this.enrich = rules.enrich.map((e) => ({ field: e.field, value: compiled(e.value) }));
    this.filter = rules.filter === undefined ? null : compiled(rules.filter);
  }

  process(entry: LogEntry): ProcessedEntry {
    const fields: Record<string, LogFieldValue> = Object.create(null);
    let parsed = false;
    for (const p of this.patterns) {
      const m = p.re.matcher(entry.message);
      if (!m.find()) continue;
      parsed = true;
      for (const name of p.names) {
        const v = m.group(name);
        if (v !== null) fields[name] = v;
      }
    }
    const scope = entryScope(entry, fields);
    for (const e of this.enrich) fields[e.field] = e.value(scope);
    const kept = this.filter ? isTruthy(this.filter(scope)) : true;
    const hasFields = this.patterns.length > 0 || this.enrich.length > 0;
    return { entry: hasFields ? { ...entry, fields } : entry, parsed, kept };
  }
}
