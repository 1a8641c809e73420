/** Where and why a text is not JSON, in the line/column terms an editor shows. */
export interface JsonSyntaxError {
  offset: number;
  line: number;
  column: number;
  message: string;
}

type Mode = 'value' | 'firstValueOrClose' | 'key' | 'firstKeyOrClose' | 'afterValue';

const numberPattern = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const escapes = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);

/**
 * Finds the first syntax error in `text` following RFC 8259, because JSON.parse in Node 20 names
 * neither line nor column. Iterative (an explicit stack), so deep nesting cannot overflow the call
 * stack. Returns null when the text is valid JSON.
 */
export function locateJsonError(text: string): JsonSyntaxError | null {
  const n = text.length;
  const stack: string[] = [];
  let i = 0;
  let mode: Mode = 'value';

  const at = (offset: number, message: string): JsonSyntaxError => {
    let line = 1;
    let lineStart = 0;
    for (let k = 0; k < offset && k < n; k++) {
      if (text.charCodeAt(k) === 10) {
        line++;
        lineStart = k + 1;
      }
    }
    return { offset, line, column: offset - lineStart + 1, message };
  };
  const found = (offset: number): string => {
    if (offset >= n) return 'the end of the input';
    const c = text[offset]!;
    return c === "'" ? `"'" (strings need double quotes)` : `'${c}'`;
  };
  const skipSpace = (): void => {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c !== 32 && c !== 9 && c !== 10 && c !== 13) return;
      i++;
    }
  };
  const scanString = (): JsonSyntaxError | null => {
    const start = i;
    i++;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 34) {
        i++;
        return null;
      }
      if (c < 0x20) return at(i, 'raw control character (such as a line break) inside a string: escape it');
      if (c === 92) {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6)))
            return at(i, 'bad \\u escape: expected 4 hex digits');
          i += 6;
          continue;
        }
        if (e === undefined || !escapes.has(e))
          return at(i, `bad escape sequence '\\${e ?? ''}' in a string`);
        i += 2;
        continue;
      }
      i++;
    }
    return at(start, 'string is never closed (missing ")');
  };
  const scanScalar = (): JsonSyntaxError | null => {
    const c = text[i];
    if (c === '"') return scanString();
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return null;
      }
    }
    numberPattern.lastIndex = i;
    const m = numberPattern.exec(text);
    if (m !== null && m[0].length > 0 && m[0] !== '-') {
      i += m[0].length;
      return null;
    }
    if (c === ']' || c === '}') return at(i, `unexpected '${c}' where a value belongs (a trailing comma?)`);
    return at(i, `expected a value, found ${found(i)}`);
  };

  for (;;) {
    skipSpace();
    if (mode === 'value' || mode === 'firstValueOrClose') {
      if (i >= n) return at(i, 'unexpected end of input: expected a value');
      const c = text[i];
      if (mode === 'firstValueOrClose' && c === ']') {
        stack.pop();
        i++;
        mode = 'afterValue';
      } else if (c === '{' || c === '[') {
        stack.push(c);
        i++;
        mode = c === '{' ? 'firstKeyOrClose' : 'firstValueOrClose';
      } else {
        const error = scanScalar();
        if (error !== null) return error;
        mode = 'afterValue';
      }
      continue;
    }
    if (mode === 'key' || mode === 'firstKeyOrClose') {
      if (mode === 'firstKeyOrClose' && text[i] === '}') {
        stack.pop();
        i++;
        mode = 'afterValue';
        continue;
      }
      if (text[i] !== '"') {
        const hint = text[i] === '}' ? ' (a trailing comma?)' : '';
        return at(i, `expected a property name in double quotes, found ${found(i)}${hint}`);
      }
      const error = scanString();
      if (error !== null) return error;
      skipSpace();
      if (text[i] !== ':') return at(i, `expected ':' after the property name, found ${found(i)}`);
      i++;
      mode = 'value';
      continue;
    }
    const top = stack[stack.length - 1];
    if (top === undefined)
      return i < n ? at(i, `unexpected ${found(i)} after the end of the JSON value`) : null;
    const close = top === '{' ? '}' : ']';
    if (text[i] === ',') {
      i++;
      mode = top === '{' ? 'key' : 'value';
    } else if (text[i] === close) {
      stack.pop();
      i++;
    } else {
      return at(i, `expected ',' or '${close}', found ${found(i)}`);
    }
  }
}
