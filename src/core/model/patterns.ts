import { RE2JS } from 're2js';

/**
 * User-supplied regular expressions (mesh header matches), as Istio reads them: RE2 syntax, matched
 * against the whole value, in time linear in the value's length. JavaScript's RegExp backtracks, so
 * a pattern like `^(a+)+$` takes exponential time on a long header; RE2JS never does.
 */

/** The longest pattern accepted, in characters. */
export const MAX_PATTERN_LENGTH = 1000;
/** Values longer than this (in characters) never match a pattern: a header past 8 KiB is refused by most proxies. */
export const MAX_MATCHED_VALUE_LENGTH = 8192;

/** A compiled pattern: `matches(value)` is a whole-value, linear-time match. */
export interface Pattern {
  matches(value: string): boolean;
}

/** Compiles an RE2 pattern once, or says why it is not one. */
export function compilePattern(
  source: string,
): { ok: true; pattern: Pattern } | { ok: false; message: string } {
  if (source.length > MAX_PATTERN_LENGTH) {
    return { ok: false, message: `is ${source.length} characters; the limit is ${MAX_PATTERN_LENGTH}` };
  }
  let re: RE2JS;
  try {
    re = RE2JS.compile(source);
  } catch (error) {
    const reason =
      error instanceof Error ? error.message.replace(/^error parsing regexp: /, '') : String(error);
    return { ok: false, message: `is not a valid RE2 regular expression: ${reason}` };
  }
  return {
    ok: true,
    pattern: { matches: (value) => value.length <= MAX_MATCHED_VALUE_LENGTH && re.matches(value) },
  };
}
