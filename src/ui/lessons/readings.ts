import type { CheckVerdict, Lesson } from '../../core/lessons';

type Check = Lesson['checks'][number];

const OPS: Record<CheckVerdict['op'], string> = { '<': '<', '<=': '≤', '>': '>', '>=': '≥' };

/** A number as people read it: at most three significant digits past the point, no float noise. */
function plain(n: number): string {
  if (Number.isInteger(n)) return n.toLocaleString('en-US');
  return Number(n.toPrecision(3)).toLocaleString('en-US', { maximumFractionDigits: 6 });
}

/** A check's number in its unit: rates as percentages, times in ms, throughput per second. */
export function formatReading(check: Check | undefined, n: number | null): string {
  if (n === null) return 'not measured';
  if (check?.kind === 'invariants') return n === 1 ? '1 violation' : `${plain(n)} violations`;
  if (check?.kind !== 'slo') return plain(n);
  switch (check.metric) {
    case 'errorRate':
    case 'availability':
      return `${plain(n * 100)} %`;
    case 'throughputPerSec':
      return `${plain(n)}/s`;
    case 'consumerLag':
      return `${plain(n)} messages`;
    default:
      return `${plain(n)} ms`;
  }
}

/** "observed 3.2 % · needs ≤ 1 %" for a check's verdict. */
export function describeVerdict(check: Check | undefined, verdict: CheckVerdict): string {
  const observed = formatReading(check, verdict.observed);
  if (check?.kind === 'invariants')
    return verdict.ok ? 'all hold' : `${observed}${verdict.note ? `: ${verdict.note}` : ''}`;
  const bound = verdict.value === null ? '?' : formatReading(check, verdict.value);
  return `observed ${observed} · needs ${OPS[verdict.op]} ${bound}`;
}
