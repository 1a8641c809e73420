/** Column and row spacing of imported diagrams, in canvas pixels. */
const COLUMN_PX = 240;
const ROW_PX = 140;

/**
 * Positions for an imported design that has none: columns by call depth (a node one column right
 * of its furthest caller, cycles cut), rows in the order the nodes come. Deterministic.
 */
export function layeredPositions(
  ids: readonly string[],
  links: readonly { source: string; target: string }[],
): Map<string, { x: number; y: number }> {
  const depth = new Map(ids.map((id) => [id, 0]));
  // Longest-path layering by relaxation; at most |ids| rounds, so a cycle cannot loop forever.
  for (let round = 0; round < ids.length; round++) {
    let changed = false;
    for (const { source, target } of links) {
      const d = (depth.get(source) ?? 0) + 1;
      if (depth.has(target) && d > depth.get(target)! && d <= ids.length) {
        depth.set(target, d);
        changed = true;
      }
    }
    if (!changed) break;
  }
  const rows = new Map<number, number>();
  const out = new Map<string, { x: number; y: number }>();
  for (const id of ids) {
    const column = depth.get(id) ?? 0;
    const row = rows.get(column) ?? 0;
    rows.set(column, row + 1);
    out.set(id, { x: column * COLUMN_PX, y: row * ROW_PX });
  }
  return out;
}
