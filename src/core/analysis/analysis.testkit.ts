import type { ArchDocument } from '../model/schema';
import { validateDocument } from '../model/validate';
import { type AnalysisContext, buildContext, type Rule } from './context';

/** Test helpers: small documents written tersely, validated like a real import. */
type Json = Record<string, unknown>;

/** A node with a label and position filled in. */
export function node(id: string, kind: string, config: Json = {}): Json {
  return { id, kind, label: id, position: { x: 0, y: 0 }, config };
}

/** An edge `source-target`; the kind defaults to what the pair implies in the tests' use (sync). */
export function edge(source: string, target: string, config: Json = {}, kind = 'sync'): Json {
  return { id: `${source}-${target}`, source, target, kind, config };
}

/** An open client sending `ratePerSec` of one request. */
export function client(id: string, ratePerSec: number, method = 'GET', path = '/'): Json {
  return node(id, 'client', {
    workload: { kind: 'open', ratePerSec },
    requestMix: [{ method, path }],
  });
}

/** A validated document; throws with every problem when the test wrote an invalid one. */
export function makeDoc(nodes: Json[], edges: Json[] = [], scenario: Json = {}): ArchDocument {
  const result = validateDocument({ format: 'archplay', version: 2, name: 'test', nodes, edges, scenario });
  if (!result.ok) throw new Error(result.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
  return result.document;
}

/** The analysis context of a document. */
export function contextOf(nodes: Json[], edges: Json[] = [], scenario: Json = {}): AnalysisContext {
  return buildContext(makeDoc(nodes, edges, scenario));
}

/** The ids of the findings a rule reports on a document. */
export function findingIds(rule: Rule, nodes: Json[], edges: Json[] = [], scenario: Json = {}): string[] {
  return rule(contextOf(nodes, edges, scenario)).map((f) => f.id);
}
