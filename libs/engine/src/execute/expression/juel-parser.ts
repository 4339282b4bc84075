import { FORBIDDEN_KEYS } from './plain-data';
import { JUEL_KEYWORDS, JuelSyntaxError, type JuelToken, tokenizeJuel } from './juel-lexer';

/** AST of the JUEL safe subset; plain JSON. */
export type JuelNode =
  | { type: 'literal'; value: string | number | boolean | null }
  | { type: 'variable'; name: string }
  | { type: 'member'; object: JuelNode; property: JuelNode }
  | { type: 'unary'; op: '-' | '!' | 'empty'; operand: JuelNode }
  | { type: 'binary'; op: JuelBinaryOp; left: JuelNode; right: JuelNode }
  | { type: 'conditional'; test: JuelNode; then: JuelNode; otherwise: JuelNode };

export type JuelBinaryOp = '==' | '!=' | '<' | '>' | '<=' | '>=' | '&&' | '||' | '+' | '-' | '*' | '/' | '%';

export type JuelParseResult = { ok: true; ast: JuelNode; variables: string[] } | { ok: false; error: string };

/** Nesting deeper than this is a parse error, well before any stack could overflow. */
export const JUEL_MAX_DEPTH = 64;

const WORD_OPERATORS: Record<string, JuelBinaryOp> = {
  eq: '==',
  ne: '!=',
  lt: '<',
  gt: '>',
  le: '<=',
  ge: '>=',
  and: '&&',
  or: '||',
  div: '/',
  mod: '%',
};

const LEVELS: ReadonlyArray<ReadonlySet<JuelBinaryOp>> = [
  new Set(['||']),
  new Set(['&&']),
  new Set(['==', '!=']),
  new Set(['<', '>', '<=', '>=']),
  new Set(['+', '-']),
  new Set(['*', '/', '%']),
];

export function parseJuel(text: string): JuelParseResult {
  try {
    const parser = new JuelParser(tokenizeJuel(text));
    const ast = parser.parseAll();
    return { ok: true, ast, variables: [...parser.variables] };
  } catch (error) {
    // only our own syntax errors are expected here; anything else is a bug and must surface
    if (error instanceof JuelSyntaxError) return { ok: false, error: `invalid JUEL: ${error.message}` };
    throw error;
  }
}

class JuelParser {
  private index = 0;
  private depth = 0;
  readonly variables = new Set<string>();

  constructor(private readonly tokens: JuelToken[]) {}

  parseAll(): JuelNode {
    if (this.peek().kind === 'eof') throw new JuelSyntaxError('empty expression');
    const node = this.parseConditional();
    const rest = this.peek();
    if (rest.kind === 'ident' && rest.value === 'instanceof') throw new JuelSyntaxError(`instanceof is not supported (at ${rest.pos})`);
    if (rest.kind !== 'eof') throw new JuelSyntaxError(`unexpected ${describe(rest)} at ${rest.pos}`);
    return node;
  }

  private parseConditional(): JuelNode {
    return this.nested(() => {
      const test = this.parseBinary(0);
      if (!this.acceptOp('?')) return test;
      const then = this.parseConditional();
      this.expectOp(':');
      const otherwise = this.parseConditional();
      return { type: 'conditional', test, then, otherwise };
    });
  }

  private parseBinary(level: number): JuelNode {
    if (level >= LEVELS.length) return this.parseUnary();
    let left = this.parseBinary(level + 1);
    for (;;) {
      const op = this.binaryOperator();
      if (!op || !LEVELS[level].has(op)) return left;
      this.index++;
      const right = this.parseBinary(level + 1);
      left = { type: 'binary', op, left, right };
    }
  }

  private parseUnary(): JuelNode {
    const token = this.peek();
    const op: '-' | '!' | 'empty' | null =
      token.kind === 'op' && (token.value === '-' || token.value === '!')
        ? token.value
        : token.kind === 'ident' && token.value === 'not'
          ? '!'
          : token.kind === 'ident' && token.value === 'empty'
            ? 'empty'
            : null;
    if (!op) return this.parsePostfix();
    this.index++;
    return this.nested(() => ({ type: 'unary', op, operand: this.parseUnary() }));
  }

  private parsePostfix(): JuelNode {
    let node = this.parsePrimary();
    for (;;) {
      if (this.acceptOp('.')) {
        const name = this.next();
        if (name.kind !== 'ident') throw new JuelSyntaxError(`expected a property name after '.' at ${name.pos}`);
        node = { type: 'member', object: node, property: { type: 'literal', value: checkProperty(name.value, name.pos) } };
      } else if (this.acceptOp('[')) {
        const property = this.nested(() => this.parseConditional());
        if (property.type === 'literal' && typeof property.value === 'string') checkProperty(property.value, 0);
        this.expectOp(']');
        node = { type: 'member', object: node, property };
      } else if (this.peekOp('(')) {
        throw new JuelSyntaxError(`function and method calls are not supported (at ${this.peek().pos})`);
      } else {
        return node;
      }
    }
  }

  private parsePrimary(): JuelNode {
    const token = this.next();
    switch (token.kind) {
      case 'number':
      case 'string':
        return { type: 'literal', value: token.value };
      case 'ident':
        return this.identifier(token.value, token.pos);
      case 'op':
        if (token.value === '(') {
          const inner = this.parseConditional();
          this.expectOp(')');
          return inner;
        }
        throw new JuelSyntaxError(`unexpected ${describe(token)} at ${token.pos}`);
      default:
        throw new JuelSyntaxError('unexpected end of expression');
    }
  }

  private identifier(name: string, pos: number): JuelNode {
    if (name === 'true' || name === 'false') return { type: 'literal', value: name === 'true' };
    if (name === 'null') return { type: 'literal', value: null };
    if (name === 'instanceof') throw new JuelSyntaxError(`instanceof is not supported (at ${pos})`);
    if (JUEL_KEYWORDS.has(name)) throw new JuelSyntaxError(`unexpected operator '${name}' at ${pos}`);
    if (this.peekOp('(')) throw new JuelSyntaxError(`function calls are not supported: ${name}() at ${pos}`);
    const next = this.peek(2);
    if (this.peekOp(':') && this.peek(1).kind === 'ident' && next.kind === 'op' && next.value === '(') {
      throw new JuelSyntaxError(`function calls are not supported: ${name}:… at ${pos}`);
    }
    checkProperty(name, pos);
    this.variables.add(name);
    return { type: 'variable', name };
  }

  private binaryOperator(): JuelBinaryOp | null {
    const token = this.peek();
    if (token.kind === 'ident') return WORD_OPERATORS[token.value] ?? null;
    if (token.kind !== 'op') return null;
    return LEVELS.some((level) => level.has(token.value as JuelBinaryOp)) ? (token.value as JuelBinaryOp) : null;
  }

  private nested<T>(parse: () => T): T {
    if (++this.depth > JUEL_MAX_DEPTH) throw new JuelSyntaxError(`expression nested deeper than ${JUEL_MAX_DEPTH} levels`);
    const result = parse();
    this.depth--;
    return result;
  }

  private peek(ahead = 0): JuelToken {
    return this.tokens[Math.min(this.index + ahead, this.tokens.length - 1)];
  }

  private next(): JuelToken {
    const token = this.peek();
    if (token.kind !== 'eof') this.index++;
    return token;
  }

  private peekOp(value: string): boolean {
    const token = this.peek();
    return token.kind === 'op' && token.value === value;
  }

  private acceptOp(value: string): boolean {
    if (!this.peekOp(value)) return false;
    this.index++;
    return true;
  }

  private expectOp(value: string): void {
    const token = this.next();
    if (token.kind !== 'op' || token.value !== value) {
      throw new JuelSyntaxError(`expected '${value}' but found ${describe(token)} at ${token.pos}`);
    }
  }
}

function checkProperty(name: string, pos: number): string {
  if (FORBIDDEN_KEYS.has(name)) throw new JuelSyntaxError(`access to '${name}' is not allowed (at ${pos})`);
  return name;
}

function describe(token: JuelToken): string {
  return token.kind === 'eof' ? 'end of expression' : `'${String(token.value)}'`;
}
