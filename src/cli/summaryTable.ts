import type { RunSummary } from '../core';
import { eventLines } from './eventLines';
import { failureLines } from './failureLines';
import { resilienceLines } from './resilienceLines';

function fixed(x: number, digits: number): string {
  return x.toFixed(digits);
}

/** Renders rows as space-aligned columns: the first `textColumns` left-aligned, numbers right-aligned. */
function table(header: string[], rows: string[][], textColumns = 1): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, c) => (c < textColumns ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!)))
      .join('  ');
  return [line(header), ...rows.map(line)].join('\n');
}

/**
 * The human-readable summary: a header, a node table, an edge table, the failures by cause,
 * resilience and event-driven lines when present, and the invariant verdict.
 */
export function formatSummary(name: string, s: RunSummary): string {
  const r = s.requests;
  const head = [
    `${name}: ${fixed(s.simulatedSec, 1)} s simulated (seed ${s.seed}, warm-up ${s.warmupSec} s), ${s.events} events`,
    `requests: ${r.total} total, ${r.ok} ok, ${r.failed} failed, ${r.inFlight} in flight`,
  ];
  // A stopped run says so before any number: everything below covers the run up to the stop.
  if (s.stopped) head.splice(1, 0, `STOPPED (${s.stopped.limit} limit): ${s.stopped.message}`);
  const nodeRows = Object.entries(s.nodes).map(([id, n]) => [
    id,
    n.kind,
    String(n.arrived),
    String(n.completed),
    String(n.failed),
    fixed(n.throughputPerSec, 1),
    `${fixed(n.errorRate * 100, 2)}%`,
    `${fixed(n.utilization * 100, 1)}%`,
    fixed(n.latencyMs.mean, 1),
    fixed(n.latencyMs.p50, 1),
    fixed(n.latencyMs.p95, 1),
    fixed(n.latencyMs.p99, 1),
    fixed(n.latencyMs.max, 1),
  ]);
  const nodes = table(
    ['node', 'kind', 'in', 'ok', 'failed', 'rps', 'errors', 'util', 'mean ms', 'p50', 'p95', 'p99', 'max'],
    nodeRows,
    2,
  );
  const edgeRows = Object.entries(s.edges).map(([id, e]) => [
    id,
    String(e.calls),
    String(e.failed),
    String(e.retries),
    String(e.timeouts),
    String(e.connectFailures),
    String(e.fallbacks),
    fixed(e.latencyMs.p50, 1),
    fixed(e.latencyMs.p99, 1),
  ]);
  const edges =
    edgeRows.length > 0
      ? table(
          ['edge', 'calls', 'failed', 'retries', 'timeouts', 'no conn', 'fallbacks', 'p50 ms', 'p99'],
          edgeRows,
        )
      : '(no edges)';
  const verdict = s.invariants.ok
    ? 'invariants: ok'
    : `invariants: ${s.invariants.violations.length} violated\n${s.invariants.violations.map((v) => `  ${v}`).join('\n')}`;
  const sections = [failureLines(s), resilienceLines(s), eventLines(s)].filter((x) => x !== '');
  const extra = sections.map((x) => `${x}\n\n`).join('');
  return `${head.join('\n')}\n\n${nodes}\n\n${edges}\n\n${extra}${verdict}\n`;
}
