/**
 * Identifiers for text diagram languages (Mermaid, Structurizr DSL): letters, digits and `_`,
 * starting with a letter, never a reserved word, unique. Deterministic for a given id order.
 */
export function diagramIds(ids: readonly string[], reserved: ReadonlySet<string>): Map<string, string> {
  const used = new Set<string>();
  const out = new Map<string, string>();
  for (const id of ids) {
    let base = id.replace(/[^A-Za-z0-9_]/g, '_');
    if (!/^[A-Za-z]/.test(base) || reserved.has(base.toLowerCase())) base = `n_${base}`;
    let name = base;
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base}_${n}`;
    used.add(name.toLowerCase());
    out.set(id, name);
  }
  return out;
}
