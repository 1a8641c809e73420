import { describe, expect, it } from 'vitest';
import { compilePattern, MAX_MATCHED_VALUE_LENGTH, MAX_PATTERN_LENGTH, type Pattern } from './patterns';

function compiled(source: string): Pattern {
  const result = compilePattern(source);
  if (!result.ok) throw new Error(result.message);
  return result.pattern;
}

describe('header patterns (RE2, as Istio reads them)', () => {
  it('match the whole value, not a substring', () => {
    const p = compiled('eu|us');
    expect(p.matches('eu')).toBe(true);
    expect(p.matches('us')).toBe(true);
    expect(p.matches('eu-west')).toBe(false);
  });

  it('answer a nested repetition on a long value that does not match, which a backtracking engine takes exponential time for', () => {
    const p = compiled('^(a+)+$');
    expect(p.matches(`${'a'.repeat(5000)}b`)).toBe(false);
    expect(p.matches('a'.repeat(5000))).toBe(true);
  });

  it(`never match a value longer than ${MAX_MATCHED_VALUE_LENGTH} characters`, () => {
    const p = compiled('a*');
    expect(p.matches('a'.repeat(MAX_MATCHED_VALUE_LENGTH))).toBe(true);
    expect(p.matches('a'.repeat(MAX_MATCHED_VALUE_LENGTH + 1))).toBe(false);
  });

  it('refuse what RE2 does not accept, with its reason', () => {
    expect(compilePattern('(')).toEqual({
      ok: false,
      message: 'is not a valid RE2 regular expression: missing closing ): `(`',
    });
    // Lookahead is JavaScript's, not RE2's: Istio would refuse it too.
    expect(compilePattern('(?=x)x')).toMatchObject({ ok: false });
    expect(compilePattern('a{1001}')).toMatchObject({ ok: false });
  });

  it(`refuse a pattern longer than ${MAX_PATTERN_LENGTH} characters`, () => {
    expect(compilePattern('a'.repeat(MAX_PATTERN_LENGTH))).toMatchObject({ ok: true });
    expect(compilePattern('a'.repeat(MAX_PATTERN_LENGTH + 1))).toEqual({
      ok: false,
      message: `is ${MAX_PATTERN_LENGTH + 1} characters; the limit is ${MAX_PATTERN_LENGTH}`,
    });
  });
});
