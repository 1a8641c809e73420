/**
 * archplay's rule expressions: alert conditions, log filters and enrichments, stream-processor
 * filters and maps, aggregate rules. A small language with no loops, no user functions and no
 * regular expressions, parsed once by recursive descent (bounded length and nesting) into closures,
 * so evaluating an expression is one walk of its tree: linear in its text.
 *
 * Values are numbers, strings, booleans and null. A name (`level`, `fields.status`, `balance`) reads
 * a value from the scope; a missing one is null. Operators, loosest first: `||`, `&&`, `!`, the
 * comparisons `== != < <= > >=`, `+ -`, `* / %`, unary `-`. A string that reads as a number takes
 * part in arithmetic and numeric comparison as that number (parsed log fields are strings).
 * Functions: `len`, `lower`, `upper`, `startsWith`, `endsWith`, `number`, `string`, `min`, `max`,
 * `abs`, `round`, `floor`, `ceil`, `if(cond, a, b)`.
 */

/** A value an expression reads or produces. */
export type ExprValue = number | string | boolean | null;

/** Reads a name (a dotted path) from where the expression is evaluated. */
export type ExprScope = (name: string) => ExprValue;

/** A compiled expression: evaluates against a scope. */
export type CompiledExpr = (scope: ExprScope) => ExprValue;

/** The result of compiling: the closure and the names it reads, or what is wrong and where. */
export type CompileResult =
  | { readonly ok: true; readonly evaluate: CompiledExpr; readonly names: readonly string[] }
  | { readonly ok: false; readonly message: string };

/** Longest expression text accepted. */
export const EXPRESSION_MAX_CHARS = 1000;
const MAX_DEPTH = 32;

type Token =
  | { t: 'num'; v: number; at: number }
  | { t: 'str'; v: string; at: number }
  | { t: 'name'; v: string; at: number }
  | { t: 'op'; v: string; at: number }
  | { t: 'end'; at: number };

const OPS = ['||', '&&', '==', '!=', '<=', '>=', '<', '>', '!', '+', '-', '*', '/', '%', '(', ')', ','];

class ExprError extends Error {}

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
      continue;
    }
    if ((c >= '0' && c <= '9') || (c === '.' && /[0-9]/.test(text[i + 1] ?? ''))) {
      let j = i;
      while (j < text.length && /[0-9.]/.test(text[j]!)) j++;
      const v = Number(text.slice(i, j));
      if (!Number.isFinite(v)) throw new ExprError(`bad number "${text.slice(i, j)}" at ${i + 1}`);
      out.push({ t: 'num', v, at: i });
      i = j;
      continue;
    }
    if (c === "'" || c === '"') {
      let j = i + 1;
      let v = '';
      while (j < text.length && text[j] !== c) {
        if (text[j] === '\\' && j + 1 < text.length) j++;
        v += text[j];
        j++;
      }
      if (j >= text.length) throw new ExprError(`unterminated string at ${i + 1}`);
      out.push({ t: 'str', v, at: i });
      i = j + 1;
      continue;
    }
    if (/[A-Za-z_]/.test(c)) {
      let j = i;
      while (j < text.length && /[A-Za-z0-9_.]/.test(text[j]!)) j++;
      const v = text.slice(i, j);
      if (v.endsWith('.') || v.includes('..')) throw new ExprError(`bad name "${v}" at ${i + 1}`);
      out.push({ t: 'name', v, at: i });
      i = j;
      continue;
    }
    const op = OPS.find((o) => text.startsWith(o, i));
    if (!op) throw new ExprError(`unexpected "${c}" at ${i + 1}`);
    out.push({ t: 'op', v: op, at: i });
    i += op.length;
  }
  out.push({ t: 'end', at: text.length });
  return out;
}

/** A string that reads as a finite number, as that number; a number as itself; else NaN. */
function num(v: ExprValue): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v.trim() !== '') return Number(v);
  return Number.NaN;
}

/** Whether a value counts as true in a condition (null, false, 0, '' and NaN do not). */
export function isTruthy(v: ExprValue): boolean {
  return !(v === null || v === false || v === 0 || v === '' || (typeof v === 'number' && Number.isNaN(v)));
}

function finite(x: number): ExprValue {
  return Number.isFinite(x) ? x : null;
}

function compare(op: string, a: ExprValue, b: ExprValue): boolean {
  const x = num(a);
  const y = num(b);
  const numeric = !Number.isNaN(x) && !Number.isNaN(y) && (typeof a === 'number' || typeof b === 'number');
  if (op === '==' || op === '!=') {
    const eq = numeric ? x === y : a === b;
    return op === '==' ? eq : !eq;
  }
  if (numeric || (!Number.isNaN(x) && !Number.isNaN(y))) {
    return op === '<' ? x < y : op === '<=' ? x <= y : op === '>' ? x > y : x >= y;
  }
  if (typeof a === 'string' && typeof b === 'string') {
    return op === '<' ? a < b : op === '<=' ? a <= b : op === '>' ? a > b : a >= b;
  }
  return false;
}

type Fn = (args: ExprValue[]) => ExprValue;
const str = (v: ExprValue): string => (v === null ? '' : String(v));
const FUNCTIONS: Record<string, { arity: [number, number]; fn: Fn }> = {
  len: { arity: [1, 1], fn: ([a]) => str(a!).length },
  lower: { arity: [1, 1], fn: ([a]) => str(a!).toLowerCase() },
  upper: { arity: [1, 1], fn: ([a]) => str(a!).toUpperCase() },
  startsWith: { arity: [2, 2], fn: ([a, b]) => str(a!).startsWith(str(b!)) },
  endsWith: { arity: [2, 2], fn: ([a, b]) => str(a!).endsWith(str(b!)) },
  number: { arity: [1, 1], fn: ([a]) => finite(num(a!)) },
  string: { arity: [1, 1], fn: ([a]) => str(a!) },
  min: { arity: [1, 8], fn: (xs) => finite(Math.min(...xs.map(num))) },
  max: { arity: [1, 8], fn: (xs) => finite(Math.max(...xs.map(num))) },
  abs: { arity: [1, 1], fn: ([a]) => finite(Math.abs(num(a!))) },
  round: { arity: [1, 1], fn: ([a]) => finite(Math.round(num(a!))) },
  floor: { arity: [1, 1], fn: ([a]) => finite(Math.floor(num(a!))) },
  ceil: { arity: [1, 1], fn: ([a]) => finite(Math.ceil(num(a!))) },
  if: { arity: [3, 3], fn: ([c, a, b]) => (isTruthy(c!) ? a! : b!) },
};

class Parser {
  private i = 0;
  readonly names = new Set<string>();
  constructor(private readonly tokens: Token[]) {}

  private peek(): Token {
    return this.tokens[this.i]!;
  }

  private isOp(v: string): boolean {
    const t = this.peek();
    return t.t === 'op' && t.v === v;
  }

  private expect(v: string): void {
    if (!this.isOp(v)) throw new ExprError(`expected "${v}" at ${this.peek().at + 1}`);
    this.i++;
  }

  parse(): CompiledExpr {
    const e = this.or(0);
    const t = this.peek();
    if (t.t !== 'end') throw new ExprError(`unexpected ${tokenText(t)} at ${t.at + 1}`);
    return e;
  }

  private or(d: number): CompiledExpr {
    if (d > MAX_DEPTH) throw new ExprError(`nested deeper than ${MAX_DEPTH} levels`);
    let left = this.and(d);
    while (this.isOp('||')) {
      this.i++;
      const l = left;
      const r = this.and(d);
      left = (s) => isTruthy(l(s)) || isTruthy(r(s));
    }
    return left;
  }

  private and(d: number): CompiledExpr {
    let left = this.not(d);
    while (this.isOp('&&')) {
      this.i++;
      const l = left;
      const r = this.not(d);
      left = (s) => isTruthy(l(s)) && isTruthy(r(s));
    }
    return left;
  }

  private not(d: number): CompiledExpr {
    if (this.isOp('!')) {
      this.i++;
      const e = this.not(d + 1);
      return (s) => !isTruthy(e(s));
    }
    return this.comparison(d);
  }

  private comparison(d: number): CompiledExpr {
    const left = this.additive(d);
    const t = this.peek();
    if (t.t === 'op' && ['==', '!=', '<', '<=', '>', '>='].includes(t.v)) {
      this.i++;
      const right = this.additive(d);
      const op = t.v;
      return (s) => compare(op, left(s), right(s));
    }
    return left;
  }

  private additive(d: number): CompiledExpr {
    let left = this.term(d);
    for (let t = this.peek(); t.t === 'op' && (t.v === '+' || t.v === '-'); t = this.peek()) {
      this.i++;
      const l = left;
      const r = this.term(d);
      left = t.v === '+' ? (s) => finite(num(l(s)) + num(r(s))) : (s) => finite(num(l(s)) - num(r(s)));
    }
    return left;
  }

  private term(d: number): CompiledExpr {
    let left = this.unary(d);
    for (let t = this.peek(); t.t === 'op' && ['*', '/', '%'].includes(t.v); t = this.peek()) {
      this.i++;
      const l = left;
      const r = this.unary(d);
      const op = t.v;
      left = (s) => {
        const a = num(l(s));
        const b = num(r(s));
        return finite(op === '*' ? a * b : op === '/' ? a / b : a % b);
      };
    }
    return left;
  }

  private unary(d: number): CompiledExpr {
    if (this.isOp('-')) {
      this.i++;
      const e = this.unary(d + 1);
      return (s) => finite(-num(e(s)));
    }
    return this.primary(d);
  }

  private primary(d: number): CompiledExpr {
    const t = this.peek();
    this.i++;
    if (t.t === 'num' || t.t === 'str') {
      const v = t.v;
      return () => v;
    }
    if (t.t === 'op' && t.v === '(') {
      const e = this.or(d + 1);
      this.expect(')');
      return e;
    }
    if (t.t !== 'name') throw new ExprError(`unexpected ${tokenText(t)} at ${t.at + 1}`);
    if (t.v === 'true' || t.v === 'false') {
      const v = t.v === 'true';
      return () => v;
    }
    if (t.v === 'null') return () => null;
    if (this.isOp('(')) return this.call(t.v, t.at, d);
    const name = t.v;
    this.names.add(name);
    return (s) => s(name);
  }

  private call(name: string, at: number, d: number): CompiledExpr {
    const f = FUNCTIONS[name];
    if (!f || !Object.hasOwn(FUNCTIONS, name)) throw new ExprError(`unknown function "${name}" at ${at + 1}`);
    this.expect('(');
    const args: CompiledExpr[] = [];
    if (!this.isOp(')')) {
      args.push(this.or(d + 1));
      while (this.isOp(',')) {
        this.i++;
        args.push(this.or(d + 1));
      }
    }
    this.expect(')');
    const [lo, hi] = f.arity;
    if (args.length < lo || args.length > hi) {
      throw new ExprError(
        `${name}() takes ${lo === hi ? lo : `${lo} to ${hi}`} arguments, got ${args.length}`,
      );
    }
    const fn = f.fn;
    return (s) => fn(args.map((a) => a(s)));
  }
}

function tokenText(t: Token): string {
  return t.t === 'end' ? 'end of expression' : `"${t.t === 'str' ? `'${t.v}'` : t.v}"`;
}

/** Compiles an expression, or says what is wrong with it (1-based character positions). */
export function compileExpression(text: string): CompileResult {
  if (text.length > EXPRESSION_MAX_CHARS) {
    return { ok: false, message: `expression longer than ${EXPRESSION_MAX_CHARS} characters` };
  }
  try {
    const parser = new Parser(tokenize(text));
    const evaluate = parser.parse();
    return { ok: true, evaluate, names: [...parser.names] };
  } catch (e) {
    if (e instanceof ExprError) return { ok: false, message: e.message };
    throw e;
  }
}
