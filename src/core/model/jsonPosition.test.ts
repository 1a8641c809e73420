import { describe, expect, it } from 'vitest';
import { locateJsonError } from './jsonPosition';

describe('locateJsonError', () => {
  it.each(['{}', '[]', ' {"a": [1, -2.5e3, true, false, null, "x\\n\\u00e9"], "b": {}} ', '"text"', '0'])(
    'finds no error in valid JSON %s',
    (text) => {
      expect(() => JSON.parse(text)).not.toThrow();
      expect(locateJsonError(text)).toBeNull();
    },
  );

  it.each([
    ['{"a": 1,}', 1, 9, /property name in double quotes, found '}' \(a trailing comma\?\)/],
    ['[1, 2,]', 1, 7, /unexpected '\]' where a value belongs \(a trailing comma\?\)/],
    ['{\n  "a": 1\n  "b": 2\n}', 3, 3, /expected ',' or '}', found '"'/],
    ["{'a': 1}", 1, 2, /strings need double quotes/],
    ['{"a": "x', 1, 7, /string is never closed/],
    ['{"a": tru}', 1, 7, /expected a value, found 't'/],
    ['{"a" 1}', 1, 6, /expected ':' after the property name/],
    ['{"a": 1} x', 1, 10, /after the end of the JSON value/],
    ['{"a": [1, 2', 1, 12, /expected ',' or '\]', found the end of the input/],
    ['"bad \\x escape"', 1, 6, /bad escape sequence '\\x'/],
    ['"line\nbreak"', 1, 6, /raw control character/],
  ])('locates the error in %j at line %i, column %i', (text, line, column, message) => {
    expect(() => JSON.parse(text)).toThrow();
    const error = locateJsonError(text);
    expect(error).toMatchObject({ line, column });
    expect(error?.message).toMatch(message);
  });

  it('handles nesting far deeper than the call stack allows', () => {
    const text = `${'['.repeat(200_000)}${']'.repeat(199_999)}`;
    expect(locateJsonError(text)).toMatchObject({ line: 1, column: 400_000 });
  });
});
