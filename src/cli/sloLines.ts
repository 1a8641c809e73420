import type { Slo, SloResult, SloVerdict } from '../core';

function window(slo: Slo): string {
  if (slo.fromSec === undefined && slo.toSec === undefined) return '';
  return ` over ${slo.fromSec ?? 0}..${slo.toSec === undefined ? 'end' : slo.toSec} s`;
}

/**
 * One line per SLO: verdict, id, what was measured, the observed value (with its interval over
 * replications) and the target, e.g. `FAIL  checkout-p99  web p99Ms = 2043.1 (95% CI 1990.2..2101.7), needs <= 800`.
 */
export function sloLines(slos: readonly Slo[], results: ReadonlyArray<SloResult | SloVerdict>): string[] {
  const width = Math.max(0, ...results.map((r) => r.id.length));
  return results.map((r) => {
    const slo = slos.find((s) => s.id === r.id)!;
    const ci = 'ci95' in r && r.ci95 !== null ? ` (95% CI ${r.ci95[0]}..${r.ci95[1]})` : '';
    const name = slo.name === '' ? '' : ` "${slo.name}"`;
    return `${r.ok ? 'PASS' : 'FAIL'}  ${r.id.padEnd(width)}  ${slo.target} ${slo.metric}${window(slo)} = ${r.observed}${ci}, needs ${r.op} ${r.value}${name}`;
  });
}
