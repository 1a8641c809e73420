import { type ArchitectureAnalysis, type Finding, type NodeLoad, problemsOf } from '../core';

const marker: Record<Finding['severity'], string> = { critical: '[!!]', warning: '[! ]', info: '[i ]' };

function num(x: number | null, digits = 1): string {
  if (x === null) return '-';
  if (!Number.isFinite(x)) return 'inf';
  return x >= 1000 ? Math.round(x).toString() : x.toFixed(digits);
}

/** Lays out rows as columns: left-aligned text, right-aligned numbers. */
function table(header: string[], rows: string[][], rightAligned: ReadonlySet<number>): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (rightAligned.has(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
}

/** Wraps `text` at `width` columns: the first line starts with `first`, the rest with `indent`. */
function wrap(text: string, width: number, first: string, indent: string): string[] {
  const out: string[] = [];
  let line = first;
  let empty = true;
  for (const word of text.split(/\s+/).filter((w) => w.length > 0)) {
    if (!empty && line.length + 1 + word.length > width) {
      out.push(line);
      line = indent + word;
    } else line = empty ? line + word : `${line} ${word}`;
    empty = false;
  }
  if (!empty) out.push(line);
  return out;
}

function statusText(n: NodeLoad): string {
  switch (n.status) {
    case 'overloaded':
      return 'OVERLOADED';
    case 'warn':
      return 'near capacity';
    default:
      return n.status;
  }
}

/** The human report of `archplay analyze`: sections, aligned tables and severity markers. */
export function formatAnalysis(a: ArchitectureAnalysis): string {
  const out: string[] = [];
  out.push(`Architecture analysis: ${a.name}`, '');
  out.push(...wrap(a.summary, 100, '', ''), '');

  // The same list as the editor's problems badge and panel: what will fail or looks wrong before Run.
  const problems = problemsOf(a);
  out.push(`PROBLEMS (${problems.length})`);
  if (problems.length === 0)
    out.push('  (none: every link carries traffic and every reference has its link)');
  for (const p of problems) {
    out.push(`  ${p.severity === 'critical' ? 'will fail ' : 'suspicious'}  ${p.title}`);
    for (const fix of p.fixes) out.push(`              fix: ${fix.label}`);
  }
  out.push('');

  out.push('STYLE');
  if (a.style.length === 0) out.push('  (none recognised)');
  for (const s of a.style) out.push(...wrap(`${s.name}: ${s.evidence.join('; ')}`, 100, '  ', '    '));
  out.push('');

  out.push('COMPONENTS');
  const idWidth = Math.max(...a.components.map((c) => c.nodeId.length), 2);
  for (const c of a.components) {
    out.push(`  ${c.nodeId.padEnd(idWidth)}  ${c.role}`);
    out.push(...wrap(c.responsibilities, 100, ' '.repeat(idWidth + 4), ' '.repeat(idWidth + 4)));
  }
  out.push('');

  out.push('PATTERNS');
  if (a.patterns.length === 0) out.push('  (none detected)');
  for (const p of a.patterns) out.push(...wrap(`${p.name}: ${p.detail}`, 100, '  ', '    '));
  out.push('');

  out.push('LOAD AT PEAK');
  for (const c of a.load.clients) {
    out.push(
      `  ${c.nodeId}: ${c.workload} workload, ${num(c.baseRatePerSec)} req/s base, ${num(c.peakRatePerSec)} req/s peak, ~${num(c.responseMs)} ms response`,
    );
  }
  const rows = a.load.nodes
    .filter((n) => n.offeredPerSec > 0)
    .map((n) => [
      n.nodeId,
      n.kind,
      num(n.offeredPerSec),
      num(n.worstCasePerSec),
      num(n.holdingMs, 2),
      n.slots === null ? '-' : String(n.slots),
      num(n.capacityPerSec, 0),
      n.utilisation === null ? '-' : `${(n.utilisation * 100).toFixed(1)}%`,
      statusText(n),
    ]);
  if (rows.length > 0) {
    const header = ['node', 'kind', 'req/s', 'worst', 'hold ms', 'slots', 'capacity', 'rho', 'status'];
    out.push('', ...table(header, rows, new Set([2, 3, 4, 5, 6, 7])).map((l) => `  ${l}`));
  }
  for (const c of a.load.cycles) out.push(`  cycle cut: ${c.join(' -> ')}`);
  if (a.load.depthLimited) out.push('  some request paths were cut at the depth limit');
  out.push('');

  out.push('FINDINGS');
  if (a.findings.length === 0) out.push('  (none)');
  for (const f of a.findings) {
    out.push(`  ${marker[f.severity]} ${f.title}`);
    out.push(...wrap(f.detail, 100, '       ', '       '));
    out.push(...wrap(f.suggestion, 100, '       -> ', '          '));
  }
  const count = (s: Finding['severity']) => a.findings.filter((f) => f.severity === s).length;
  out.push('', `${count('critical')} critical, ${count('warning')} warnings, ${count('info')} notes`);
  return `${out.join('\n')}\n`;
}
