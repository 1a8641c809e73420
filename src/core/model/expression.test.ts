import { describe, expect, it } from 'vitest';
import { compileExpression, type ExprValue } from './expression';

function evaluate(text: string, vars: Record<string, ExprValue> = {}): ExprValue {
  const r = compileExpression(text);
  if (!r.ok) throw new Error(r.message);
  return r.evaluate((name) => vars[name] ?? null);
}

function error(text: string): string {
  const r = compileExpression(text);
  if (r.ok) throw new Error(`"${text}" compiled`);
  return r.message;
}

describe('rule expressions', () => {
  it('follows arithmetic precedence and parentheses', () => {
    expect(evaluate('1 + 2 * 3')).toBe(7);
    expect(evaluate('(1 + 2) * 3')).toBe(9);
    expect(evaluate('10 - 4 - 3')).toBe(3);
    expect(evaluate('-2 * -3 % 4')).toBe(2);
  });

  it('reads dotted names from the scope, and a missing name is null', () => {
    expect(evaluate('fields.status >= 500', { 'fields.status': '503' })).toBe(true);
    expect(evaluate('missing == null')).toBe(true);
    expect(evaluate('balance - amount >= 0', { balance: 10, amount: 25 })).toBe(false);
  });

  it('treats a numeric string as a number against a number, orders numeric strings as numbers, other strings as strings', () => {
    expect(evaluate('status == 500', { status: '500' })).toBe(true);
    expect(evaluate("level == 'error'", { level: 'error' })).toBe(true);
    expect(evaluate("'10' < '9'")).toBe(false);
    expect(evaluate("'b' > 'a'")).toBe(true);
    expect(evaluate('level < 3', { level: 'warn' })).toBe(false);
  });

  it('combines conditions with && || ! and short-circuit truthiness', () => {
    expect(evaluate("level == 'error' && service == 'pay'", { level: 'error', service: 'pay' })).toBe(true);
    expect(evaluate('!(a > 1) || b', { a: 5, b: 0 })).toBe(false);
    expect(evaluate('!missing')).toBe(true);
  });

  it('gives null for arithmetic on what is not a number, and for division by zero', () => {
    expect(evaluate("'x' + 1")).toBe(null);
    expect(evaluate('1 / 0')).toBe(null);
    expect(evaluate('missing * 2')).toBe(null);
  });

  it('calls the built-in functions with their arity', () => {
    expect(evaluate("lower('ERROR')")).toBe('error');
    expect(evaluate("startsWith(path, '/api')", { path: '/api/pay' })).toBe(true);
    expect(evaluate('max(1, x, 3)', { x: 7 })).toBe(7);
    expect(evaluate("if(amount > 100, 'big', 'small')", { amount: 5 })).toBe('small');
    expect(evaluate('round(2.5) + floor(1.9) + ceil(0.1) + abs(-1)')).toBe(6);
    expect(evaluate('len(message)', { message: 'abc' })).toBe(3);
  });

  it('lists the names an expression reads', () => {
    const r = compileExpression("balance >= 0 && lower(kind) == 'x' && balance < limit");
    expect(r.ok && [...r.names].sort()).toEqual(['balance', 'kind', 'limit']);
  });

  it('refuses bad input with what is wrong and where', () => {
    expect(error('1 +')).toBe('unexpected end of expression at 4');
    expect(error('a = 1')).toBe('unexpected "=" at 3');
    expect(error("'open")).toBe('unterminated string at 1');
    expect(error('foo(1)')).toBe('unknown function "foo" at 1');
    expect(error('toString(1)')).toBe('unknown function "toString" at 1');
    expect(error('len(1, 2)')).toBe('len() takes 1 arguments, got 2');
    expect(error('1 < 2 < 3')).toBe('unexpected "<" at 7');
    expect(error('a..b')).toBe('bad name "a..b" at 1');
    expect(error('x'.repeat(1001))).toBe('expression longer than 1000 characters');
    expect(error(`${'('.repeat(40)}1${')'.repeat(40)}`)).toBe('nested deeper than 32 levels');
  });

  it('evaluates a long expression in one pass over its text (no blow-up on repetition)', () => {
    const text = Array.from({ length: 80 }, (_, i) => `x${i} > 0`).join(' || ');
    const r = compileExpression(text);
    expect(r.ok).toBe(true);
    let reads = 0;
    if (r.ok)
      r.evaluate(() => {
        reads++;
        return 0;
      });
    expect(reads).toBe(80);
  });
});
