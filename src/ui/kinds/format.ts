import type { Distribution } from '../../core/model/schema';

/** A duration for a small label: 0.5 ms, 20 ms, 1.5 s, 2 min. */
export function formatMs(ms: number): string {
  if (ms >= 60_000 && ms % 60_000 === 0) return `${ms / 60_000} min`;
  if (ms >= 1000) return `${trim(ms / 1000)} s`;
  return `${trim(ms)} ms`;
}

function trim(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(n < 10 ? 1 : 0).replace(/\.0$/, '');
}

/** A distribution in a few characters: "20 ms", "exp 20 ms", "10–40 ms". */
export function formatDistribution(d: Distribution): string {
  switch (d.kind) {
    case 'constant':
      return formatMs(d.ms);
    case 'exponential':
      return `exp ${formatMs(d.meanMs)}`;
    case 'uniform':
      return `${trim(d.minMs)}–${formatMs(d.maxMs)}`;
    case 'normal':
      return `${formatMs(d.meanMs)} ±${trim(d.stdDevMs)}`;
    case 'lognormal':
      return `logn ${formatMs(d.meanMs)}`;
  }
}

/** Large counts as 1.2k / 100k so node cards stay narrow. */
export function formatCount(n: number): string {
  if (n >= 1_000_000) return `${trim(n / 1_000_000)}M`;
  if (n >= 10_000) return `${Math.round(n / 1000)}k`;
  if (n >= 1000) return `${trim(n / 1000)}k`;
  return String(n);
}
