/** Simulated time as mm:ss.mmm (h:mm:ss.mmm past an hour). */
export function formatClock(ms: number): string {
  const total = Math.max(0, Math.floor(ms));
  const millis = total % 1000;
  const secs = Math.floor(total / 1000) % 60;
  const mins = Math.floor(total / 60_000) % 60;
  const hours = Math.floor(total / 3_600_000);
  const mmss = `${String(mins).padStart(2, '0')}:${String(secs).padStart(2, '0')}.${String(millis).padStart(3, '0')}`;
  return hours > 0 ? `${hours}:${mmss}` : mmss;
}

/** A duration in seconds as m:ss (h:mm:ss past an hour). */
export function formatDurationSec(sec: number): string {
  const s = Math.round(sec);
  const h = Math.floor(s / 3600);
  const m = Math.floor(s / 60) % 60;
  const rest = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${rest}` : `${m}:${rest}`;
}

/** A rate per second, short: 0.4, 12, 1.2k, 3.4M. */
export function formatRate(perSec: number): string {
  if (perSec >= 1e6) return `${(perSec / 1e6).toFixed(1)}M`;
  if (perSec >= 1e4) return `${Math.round(perSec / 1e3)}k`;
  if (perSec >= 1e3) return `${(perSec / 1e3).toFixed(1)}k`;
  if (perSec >= 10) return String(Math.round(perSec));
  return perSec === 0 ? '0' : perSec.toFixed(1);
}

/** Milliseconds, short: 0.8ms, 12ms, 1.4s. */
export function formatLatency(ms: number): string {
  if (ms >= 10_000) return `${Math.round(ms / 1000)}s`;
  if (ms >= 1000) return `${(ms / 1000).toFixed(1)}s`;
  if (ms >= 10) return `${Math.round(ms)}ms`;
  return `${ms.toFixed(1)}ms`;
}

/** A fraction as a percentage: 0%, 0.4%, 12%. */
export function formatPercent(fraction: number): string {
  const p = fraction * 100;
  if (p === 0) return '0%';
  if (p < 1) return `${p.toFixed(1)}%`;
  return `${Math.round(p)}%`;
}

/** A count, short and at most five characters, so a card's badge never outgrows it: 950, 12.3k, 500k, 1.2M. */
export function formatCount(n: number): string {
  if (n >= 999_500) return `${(n / 1e6).toFixed(1)}M`;
  if (n >= 99_950) return `${Math.round(n / 1e3)}k`;
  if (n >= 1e4) return `${(n / 1e3).toFixed(1)}k`;
  return String(Math.round(n));
}
