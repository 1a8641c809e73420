/** A number rounded for reading: integers from 100 up, 1 decimal from 10, 2 below; no trailing zeros. */
export function fmtNum(x: number): string {
  if (!Number.isFinite(x)) return x > 0 ? 'unbounded' : '-';
  const abs = Math.abs(x);
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : 2;
  return String(Number(x.toFixed(digits)));
}

/** A duration in ms rounded for reading. */
export function fmtMs(ms: number): string {
  return fmtNum(ms);
}

/** A ratio as a percentage: whole from 1% up ("84%"), two significant digits below ("0.2%"). */
export function fmtPercent(ratio: number): string {
  const pct = ratio * 100;
  if (pct === 0) return '0%';
  if (Math.abs(pct) >= 1) return `${Math.round(pct)}%`;
  if (Math.abs(pct) < 0.001) return '<0.001%';
  return `${Number(pct.toPrecision(2))}%`;
}

/** Lower-cases the first letter unless the word is an acronym ("API gateway" stays). */
export function lowerFirst(text: string): string {
  if (text.length > 1 && text[1] === text[1]!.toUpperCase() && /[A-Z]/.test(text[1]!)) return text;
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** Rounds to `digits` decimals for stable, readable plain data; non-finite values pass through. */
export function round(x: number, digits = 3): number {
  if (!Number.isFinite(x)) return x;
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** "1 thing" / "2 things". */
export function plural(n: number, word: string, many = `${word}s`): string {
  return `${fmtNum(n)} ${n === 1 ? word : many}`;
}

/** "a", "a and b", "a, b and c". */
export function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
