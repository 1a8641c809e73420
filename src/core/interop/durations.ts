/**
 * Istio durations (protobuf Duration as Go duration text: "0.5s", "250ms", "1m30s") to and from
 * archplay's milliseconds. Export always writes seconds, without trailing zeros.
 */

/** Milliseconds as an Istio duration in seconds: 500 -> "0.5s", 2000 -> "2s". */
export function durationText(ms: number): string {
  const seconds = Math.round(ms * 1000) / 1_000_000;
  return `${Number(seconds.toFixed(6))}s`;
}

const UNIT_MS: Record<string, number> = {
  h: 3_600_000,
  m: 60_000,
  s: 1000,
  ms: 1,
  us: 0.001,
  µs: 0.001,
  ns: 1e-6,
};

/** Parses a Go duration ("1.5s", "250ms", "1m30s"); null when it is not one. */
export function parseDuration(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === '' || trimmed === '0') return trimmed === '0' ? 0 : null;
  const part = /(\d+(?:\.\d+)?|\.\d+)(h|ms|m|s|us|µs|ns)/y;
  let total = 0;
  let at = 0;
  while (at < trimmed.length) {
    part.lastIndex = at;
    const match = part.exec(trimmed);
    if (!match) return null;
    total += Number(match[1]) * UNIT_MS[match[2]!]!;
    at = part.lastIndex;
  }
  return Math.round(total * 1e6) / 1e6;
}
