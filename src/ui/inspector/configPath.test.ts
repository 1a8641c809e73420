import { describe, expect, it } from 'vitest';
import { nodeConfigSchemas } from '../../core/model/schema';
import { checkEdit, getIn, setIn } from './configPath';

describe('configPath', () => {
  it('sets a nested value without mutating the original', () => {
    const root = { a: { b: [1, 2] } };
    const next = setIn(root, ['a', 'b', 1], 5);
    expect(next).toEqual({ a: { b: [1, 5] } });
    expect(root.a.b[1]).toBe(2);
  });

  it('removes a key when set to undefined', () => {
    expect(setIn({ a: 1, b: 2 }, ['b'], undefined)).toEqual({ a: 1 });
    expect(getIn({ a: [{ x: 3 }] }, ['a', 0, 'x'])).toBe(3);
  });

  it('refuses a value the kind schema refuses, with a reason for that field', () => {
    const config = nodeConfigSchemas.service.parse({});
    const result = checkEdit(nodeConfigSchemas.service, config, ['instances'], 0);
    expect(result).toEqual({ ok: false, message: 'must be at least 1' });
    expect(checkEdit(nodeConfigSchemas.service, config, ['instances'], 1.5)).toEqual({
      ok: false,
      message: 'must be a whole number',
    });
  });

  it('accepts a valid value and returns the parsed config', () => {
    const config = nodeConfigSchemas.service.parse({});
    const result = checkEdit(nodeConfigSchemas.service, config, ['instances'], 4);
    expect(result.ok && (result.value as { instances: number }).instances).toBe(4);
  });
});
