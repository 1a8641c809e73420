import { CAUSE_INFO, type CauseName, type RunSummary, type SomeCauseCounts } from '../core';

/** "862 breaker open, 80 timeout": the causes a node or edge had, most first. */
function causeList(counts: SomeCauseCounts): string {
  return (Object.entries(counts) as [CauseName, number][])
    .sort((a, b) => b[1] - a[1])
    .map(([cause, n]) => `${n} ${CAUSE_INFO[cause].label}`)
    .join(', ');
}

/**
 * The failures part of the human-readable summary: the system's failed requests by cause (end to
 * end, at the clients, each with its share), then the failures each node answered, by cause, so a
 * reader sees where they started and how they travelled; empty when nothing failed anywhere.
 */
export function failureLines(s: RunSummary): string {
  const f = s.failures;
  const byNode = Object.entries(f.byNode);
  if (s.requests.failed === 0 && byNode.length === 0) return '';
  const rows = (Object.entries(f.byCause) as [CauseName, number][])
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1])
    .map(([cause, n]) => [
      CAUSE_INFO[cause].label,
      String(n),
      `${((100 * n) / Math.max(1, s.requests.failed)).toFixed(1)}%`,
    ]);
  const header = ['cause', 'failed', 'share'];
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
  const line = (cells: string[]) =>
    `  ${cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ')}`;
  const lines = [`failures by cause: ${s.requests.failed} failed requests`];
  if (rows.length > 0) lines.push(line(header), ...rows.map(line));
  if (byNode.length > 0) {
    lines.push('failures answered, by node:');
    for (const [id, counts] of byNode) lines.push(`  ${id}: ${causeList(counts)}`);
  }
  return lines.join('\n');
}
