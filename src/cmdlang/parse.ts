// The tmux command language: config files, source-file, the command prompt, command strings given
// to if-shell/bind-key/confirm-before, and (via splitCommandLine) argv from the command line.
//
// A parse turns text into a list of commands, each an argv of words and `{ }` blocks, with the file
// and line tmux attributes to it. The behaviour is tmux 3.3a's cmd-parse.y, re-derived from its
// grammar and checked against the installed tmux 3.3a (`source-file -nv` prints what it parsed);
// the recorded answers live in test/cmdlang/fixtures. In outline:
//
//   lexer   characters → tokens. Backslash-newline continues a line everywhere, even inside quotes
//           and comments. Words are built from unquoted, '…' (nothing special but the line
//           continuation) and "…" (\ escapes, $VAR, ~) parts; a word never starts with `#` (comment)
//           or `%` (directive). `;` `{` `}` are tokens of their own at the start of a word, and `;`
//           `}` also end an unquoted word.
//   parser  a recursive-descent rendering of tmux's LALR grammar. It reports an error at exactly
//           the token where bison would, with tmux's message and line, and performs the grammar's
//           side effects (NAME=value, %hidden, %if evaluation) at the same moments, because later
//           `$NAME` expansion in the same text sees them.
//
// Two ways to read a file. parseCommands is tmux: all or nothing, the first error only (tmux 3.3a
// parses a whole file before running any of it, so one syntax error means none of the file runs).
// parseConfig is tsmux's rule for config files: report every error as file:line: message and keep
// the good statements. Both give tmux's messages and lines.
//
// Known differences from tmux 3.3a, all at the byte level: text is a JS string, so a 0xff byte
// (which tmux's reader mistakes for end-of-file) is not special, and words that tmux would leave as
// invalid UTF-8 (\U00110000 and above) hold U+FFFD instead.
//
// This module never runs commands and never looks commands up: unknown commands, flags and
// argument counts are the caller's business (see args.ts). It never throws on any input; only an
// exception from one of the caller's callbacks passes through.

/** One parsed command: its words and blocks, where it came from, and its tmux command group. */
export interface ParsedCommand {
  argv: Arg[];
  file?: string;
  /**
   * The line tmux reports for this command (in errors from building or running it, and in
   * `source-file -v`). tmux 3.3a quirk: a command with a non-empty `{ }` argument reports the line
   * of the last command inside its last non-empty block, not its own.
   */
  line: number;
  /**
   * Commands with the same group number form one tmux command group: when one fails at run time,
   * the rest of its group is skipped. In a file a group is the commands ending on one line; with
   * `oneGroup` (strings: the prompt, if-shell, bind-key, …) every command is in group 0. Blocks
   * number their own groups.
   */
  group: number;
}

/** A `{ … }` argument: its commands stay parsed; `source` is the text between the braces. */
export interface Block {
  block: ParsedCommand[];
  source: string;
}

export type Arg = string | Block;

export type ParseResult =
  | { ok: true; commands: ParsedCommand[] }
  | { ok: false; error: string; message: string; line: number };

/** An error as tmux prints it (`error`: "file:line: message", or the bare message without a file). */
export interface ParseError {
  error: string;
  message: string;
  line: number;
}

export interface ParseOptions {
  /** Shown as `file:line: ` before errors; without it errors are the bare message, as for strings. */
  file?: string;
  /** The line number of the first line; default 1. */
  line?: number;
  /** Put every command in one group, as tmux's cmd_parse_from_string does for strings. */
  oneGroup?: boolean;
  /** The global environment, for `$NAME`, `${NAME}` and `~` (HOME). */
  environment(name: string): string | undefined;
  /** A user's home directory: `home()` is the current user's (used when HOME is unset or empty). */
  home(user?: string): string | undefined;
  /** Expand a `%if`/`%elif` format and test it as tmux's format_true does (non-empty and not "0"). */
  evaluateCondition(formatExpr: string): boolean;
  /**
   * `NAME=value` and `%hidden NAME=value` set the global environment while parsing, so a later
   * `$NAME` in the same text sees it, and the assignment stays even if the text then fails to parse.
   * Leave this out to parse only (`source-file -n`): assignments are then ignored.
   */
  assign?(name: string, value: string, hidden: boolean): void;
}

// ---------------------------------------------------------------------------------------------
// Errors inside the parser are thrown as this class and caught at the public boundary.

class SyntaxFailure {
  constructor(
    readonly message: string,
    readonly line: number,
  ) {}
}

const SYNTAX_ERROR = 'syntax error';

// ---------------------------------------------------------------------------------------------
// Characters. `null` is the end of the text.

type Char = string | null;

const VAR_FIRST = /^[A-Za-z_]$/;
const VAR_NEXT = /^[A-Za-z0-9_]$/;
const OCTAL = /^[0-7]$/;
const HEX = /^[0-9A-Fa-f]$/;
/** tmux keeps at most 1022 characters of a variable or user name (a 1024-byte buffer). */
const NAME_MAX = 1022;

/** Where the lexer is, small enough to save and restore around error recovery. */
interface LexerState {
  offset: number;
  heldBackslashes: number;
  line: number;
  eol: boolean;
  eof: boolean;
  condition: boolean;
}

/**
 * Reads characters, removing line continuations. A run of backslashes is counted before it is
 * handed out: if the run is odd and a newline follows, one backslash and the newline vanish and the
 * line number goes up; otherwise the backslashes are returned one by one. This happens below every
 * other rule, which is why a continuation works inside quotes and comments.
 */
class Reader {
  offset = 0;
  heldBackslashes = 0;
  line: number;

  constructor(
    private readonly text: string,
    firstLine: number,
  ) {
    this.line = firstLine;
  }

  private raw(): Char {
    return this.offset < this.text.length ? this.text[this.offset++] : null;
  }

  /** Step back over the last character read (tmux's ungetc: the end of text is never pushed back). */
  unget(ch: Char): void {
    if (ch !== null && this.offset > 0) this.offset--;
  }

  get(): Char {
    if (this.heldBackslashes > 0) {
      this.heldBackslashes--;
      return '\\';
    }
    for (;;) {
      const ch = this.raw();
      if (ch === '\\') {
        this.heldBackslashes++;
        continue;
      }
      if (ch === '\n' && this.heldBackslashes % 2 === 1) {
        this.line++;
        this.heldBackslashes--;
        continue;
      }
      if (this.heldBackslashes > 0) {
        this.unget(ch);
        this.heldBackslashes--;
        return '\\';
      }
      return ch;
    }
  }

  slice(from: number, to: number): string {
    return this.text.slice(from, to);
  }
}

// ---------------------------------------------------------------------------------------------
// Words are assembled from characters and, for octal escapes and code points beyond Unicode, raw
// bytes; a word with raw bytes is decoded as UTF-8 at the end (invalid sequences become U+FFFD).
// tmux words are C strings, so a NUL (from \000 or \u0000) ends the word there.

class WordBuilder {
  private parts: (string | number)[] = [];
  private hasBytes = false;

  char(ch: string): void {
    this.parts.push(ch);
  }

  byte(b: number): void {
    if (b < 0x80) this.parts.push(String.fromCharCode(b));
    else {
      this.parts.push(b);
      this.hasBytes = true;
    }
  }

  finish(): string {
    let s: string;
    if (!this.hasBytes) s = this.parts.join('');
    else {
      const chunks = this.parts.map((p) => (typeof p === 'number' ? Buffer.from([p]) : Buffer.from(p, 'utf8')));
      s = Buffer.concat(chunks).toString('utf8');
    }
    const nul = s.indexOf('\0');
    return nul === -1 ? s : s.slice(0, nul);
  }
}

/** The bytes glibc's wctomb writes for a code point: UTF-8, extended to 6 bytes up to 0x7fffffff. */
function extendedUtf8(cp: number): number[] {
  if (cp < 0x80) return [cp];
  const lengths: [number, number][] = [
    [0x800, 2],
    [0x10000, 3],
    [0x200000, 4],
    [0x4000000, 5],
    [0x80000000, 6],
  ];
  const size = lengths.find(([limit]) => cp < limit)![1];
  const bytes: number[] = [];
  let rest = cp;
  for (let i = size - 1; i > 0; i--) {
    bytes[i] = 0x80 | (rest & 0x3f);
    rest = Math.floor(rest / 64);
  }
  bytes[0] = ((0xff00 >> size) & 0xff) | rest;
  return bytes;
}

/** `\` followed by one of these letters stands for the character; any other character is itself. */
const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  a: '\x07',
  b: '\b',
  e: '\x1b',
  f: '\f',
  s: ' ',
  v: '\v',
  r: '\r',
  n: '\n',
  t: '\t',
};

/** `\u` takes 4 hex digits and `\U` 8. */
const UNICODE_ESCAPES: Readonly<Record<string, number>> = { u: 4, U: 8 };

// ---------------------------------------------------------------------------------------------
// Tokens.

type TokenKind =
  | 'newline'
  | ';'
  | '{'
  | '}'
  | 'word' // TOKEN
  | 'assignment' // EQUALS: a word that starts NAME=
  | 'format' // #{…} straight after a directive
  | 'if'
  | 'elif'
  | 'else'
  | 'endif'
  | 'hidden'
  | 'bad-directive' // %anything-else, an error in the grammar
  | 'end';

interface Token {
  kind: TokenKind;
  text: string;
}

const DIRECTIVES: Readonly<Record<string, TokenKind>> = {
  '%hidden': 'hidden',
  '%if': 'if',
  '%elif': 'elif',
  '%else': 'else',
  '%endif': 'endif',
};

const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;

enum Quote {
  Start, // only as `last`: nothing added to the word yet
  None,
  Double,
  Single,
}

/**
 * Turns characters into tokens. In strict mode the first problem throws a SyntaxFailure with tmux's
 * message; in lenient mode (used only to skip past a bad statement in parseConfig) problems are
 * passed over and lexing carries on.
 */
class Lexer {
  readonly reader: Reader;
  /** The last token was a newline: the line number goes up when the next token is read. */
  private eol = false;
  /** The end of text has been returned as a newline once; next time it is the end. */
  private eof = false;
  /** The last token was a directive, so `#{` starts a format rather than a comment. */
  private condition = false;
  lenient = false;

  constructor(
    text: string,
    firstLine: number,
    private readonly options: ParseOptions,
  ) {
    this.reader = new Reader(text, firstLine);
  }

  get line(): number {
    return this.reader.line;
  }

  save(): LexerState {
    const r = this.reader;
    return {
      offset: r.offset,
      heldBackslashes: r.heldBackslashes,
      line: r.line,
      eol: this.eol,
      eof: this.eof,
      condition: this.condition,
    };
  }

  restore(state: LexerState): void {
    const r = this.reader;
    r.offset = state.offset;
    r.heldBackslashes = state.heldBackslashes;
    r.line = state.line;
    this.eol = state.eol;
    this.eof = state.eof;
    this.condition = state.condition;
  }

  /** A problem with a message of its own (tmux's yyerror from the lexer). */
  private fail(message: string): void {
    if (!this.lenient) throw new SyntaxFailure(message, this.reader.line);
  }

  next(): Token {
    const r = this.reader;
    if (this.eol) r.line++;
    this.eol = false;
    const condition = this.condition;
    this.condition = false;

    for (;;) {
      const ch = r.get();
      if (ch === null) {
        // Every text ends with a newline, so the last line needs no special case in the grammar.
        if (this.eof) return { kind: 'end', text: '' };
        this.eof = true;
        return { kind: 'newline', text: '' };
      }
      if (ch === ' ' || ch === '\t') continue;
      if (ch === '\n') {
        this.eol = true;
        return { kind: 'newline', text: '' };
      }
      if (ch === ';' || ch === '{' || ch === '}') return { kind: ch, text: ch };
      if (ch === '#') {
        let next = r.get();
        if (condition && next === '{') return { kind: 'format', text: this.format() };
        while (next !== '\n' && next !== null) next = r.get();
        if (next === '\n') {
          // Unlike a plain newline, a comment's newline counts at once: a command before a
          // comment is reported on the following line (tmux 3.3a).
          r.line++;
          return { kind: 'newline', text: '' };
        }
        continue;
      }
      if (ch === '%') return this.directive();
      const text = this.word(ch);
      return { kind: ASSIGNMENT.test(text) ? 'assignment' : 'word', text };
    }
  }

  /**
   * `%` starts a directive unless the whole space-delimited word is `%` signs and digits (a pane
   * id such as %1, or %%), which is an ordinary word, taken raw.
   */
  private directive(): Token {
    const r = this.reader;
    let text = '%';
    let ch = r.get();
    while (ch !== null && ch !== ' ' && ch !== '\t' && ch !== '\n') {
      text += ch;
      ch = r.get();
    }
    r.unget(ch);
    if (/^[%0-9]*$/.test(text)) return { kind: 'word', text };
    this.condition = true;
    const kind = DIRECTIVES[text];
    if (kind === undefined && !this.lenient) throw new SyntaxFailure(SYNTAX_ERROR, r.line);
    return { kind: kind ?? 'bad-directive', text };
  }

  /** `#{…}` after a directive, up to its matching `}` on the same line; `#}` does not close. */
  private format(): string {
    const r = this.reader;
    let text = '#{';
    let depth = 1;
    for (;;) {
      let ch = r.get();
      if (ch === null || ch === '\n') return this.unfinishedFormat(text, ch);
      if (ch === '#') {
        ch = r.get();
        if (ch === null || ch === '\n') return this.unfinishedFormat(text, ch);
        if (ch === '{') depth++;
        text += '#';
      } else if (ch === '}' && --depth === 0) {
        return text + ch;
      }
      text += ch;
    }
  }

  private unfinishedFormat(text: string, ch: Char): string {
    if (!this.lenient) throw new SyntaxFailure(SYNTAX_ERROR, this.reader.line);
    this.reader.unget(ch);
    return text;
  }

  /** An ordinary word starting with `first`. */
  private word(first: string): string {
    const r = this.reader;
    const out = new WordBuilder();
    let state = Quote.None;
    // `~` expands at the start of the word and straight after a quote opens or closes.
    let last = Quote.Start;
    let ch: Char = first;

    for (;;) {
      if (ch === null) break;
      if (state === Quote.None && (ch === '\n' || ch === ' ' || ch === '\t' || ch === ';' || ch === '}')) break;

      if (ch === '\n') {
        // A newline inside quotes is kept; the next line's indentation is dropped, and so is a
        // comment line (but not a line starting #{ #, #: ## or #}, which are format text).
        out.char('\n');
        do ch = r.get();
        while (ch === ' ' || ch === '\t');
        if (ch !== '#') continue;
        ch = r.get();
        if (ch !== null && ',#{}:\0'.includes(ch)) {
          r.unget(ch);
          ch = '#';
        } else {
          while ((ch = r.get()) !== '\n' && ch !== null);
        }
        continue;
      }

      if (ch === '\\' && state !== Quote.Single) {
        this.escape(out);
      } else if (ch === '~' && last !== state && state !== Quote.Single) {
        this.tilde(out);
      } else if (ch === '$' && state !== Quote.Single) {
        this.variable(out);
      } else if (ch === "'" && state !== Quote.Double) {
        state = state === Quote.None ? Quote.Single : Quote.None;
        ch = r.get();
        continue;
      } else if (ch === '"' && state !== Quote.Single) {
        state = state === Quote.None ? Quote.Double : Quote.None;
        ch = r.get();
        continue;
      } else {
        out.char(ch);
      }
      last = state;
      ch = r.get();
    }
    r.unget(ch);
    return out.finish();
  }

  /** After a backslash (outside single quotes). */
  private escape(out: WordBuilder): void {
    const r = this.reader;
    const ch = r.get();
    if (ch === null) return this.fail(SYNTAX_ERROR);
    if (ch >= '4' && ch <= '7') return this.fail('invalid octal escape');
    if (ch >= '0' && ch <= '3') {
      // Exactly three octal digits, the first 0-3: one byte.
      const second = r.get();
      if (second !== null && OCTAL.test(second)) {
        const third = r.get();
        if (third !== null && OCTAL.test(third)) {
          out.byte(parseInt(ch + second + third, 8));
          return;
        }
      }
      return this.fail('invalid octal escape');
    }
    const simple = SIMPLE_ESCAPES[ch];
    if (simple !== undefined) return out.char(simple);
    const digits = UNICODE_ESCAPES[ch];
    if (digits !== undefined) return this.unicode(out, ch, digits);
    out.char(ch);
  }

  private unicode(out: WordBuilder, type: string, digits: number): void {
    const r = this.reader;
    const invalid = `invalid \\${type} argument`;
    let hex = '';
    for (let i = 0; i < digits; i++) {
      const ch = r.get();
      if (ch === null || ch === '\n') return this.fail(SYNTAX_ERROR);
      if (!HEX.test(ch)) return this.fail(invalid);
      hex += ch;
    }
    const cp = parseInt(hex, 16);
    // glibc's wctomb refuses surrogates and anything above 0x7fffffff; it happily encodes code
    // points above U+10FFFF as long UTF-8 sequences, which we can only keep as U+FFFD.
    if ((cp >= 0xd800 && cp <= 0xdfff) || cp > 0x7fffffff) return this.fail(invalid);
    if (cp <= 0x10ffff) out.char(String.fromCodePoint(cp));
    else for (const b of extendedUtf8(cp)) out.byte(b);
  }

  /** After `$` (outside single quotes): $NAME or ${NAME}; `$` before anything else is itself. */
  private variable(out: WordBuilder): void {
    const r = this.reader;
    let ch = r.get();
    if (ch === null) return this.fail(SYNTAX_ERROR);
    const braced = ch === '{';
    let name = '';
    if (!braced) {
      if (!VAR_FIRST.test(ch)) {
        out.char('$');
        r.unget(ch);
        return;
      }
      name = ch;
    }
    for (;;) {
      ch = r.get();
      if (braced && ch === '}') break;
      if (ch === null || !VAR_NEXT.test(ch)) {
        if (braced) return this.fail('invalid environment variable');
        r.unget(ch);
        break;
      }
      if (name.length === NAME_MAX) return this.fail('environment variable is too long');
      name += ch;
    }
    const value = this.options.environment(name);
    if (value !== undefined) for (const c of value) out.char(c);
  }

  /** After `~` at the start of a word or quote: ~ is HOME, ~user that user's home directory. */
  private tilde(out: WordBuilder): void {
    const r = this.reader;
    let user = '';
    for (;;) {
      const ch = r.get();
      // Only these end a user name: `~;` and `~}` look up users called ";" and "}".
      if (ch === null || '/ \t\n"\'\0'.includes(ch)) {
        r.unget(ch);
        break;
      }
      if (user.length === NAME_MAX) return this.fail('user name is too long');
      user += ch;
    }
    let home: string | undefined;
    if (user === '') {
      const env = this.options.environment('HOME');
      home = env !== undefined && env !== '' ? env : this.options.home();
    } else {
      home = this.options.home(user);
    }
    if (home === undefined) return this.fail(SYNTAX_ERROR);
    for (const c of home) out.char(c);
  }
}

// ---------------------------------------------------------------------------------------------
// The parser. tmux's grammar (cmd-parse.y), which this follows production by production:
//
//   lines      := (statement '\n')*
//   statement  := ε | %hidden NAME=value | condition | commands
//   condition  := %if expr '\n' body (%elif expr '\n' body)* (%else '\n' body)? %endif
//   body       := (statement '\n')+              -- so `%if 1` `%endif` on adjacent lines is an error
//   commands   := (command | condition1) (';' (command | condition1)?)*
//   condition1 := %if expr commands (%elif expr commands)* (%else commands)? %endif   -- one line
//   command    := NAME=value | NAME=value? word argument*
//   argument   := word | NAME=value | '{' (statement '\n')* statement '}'
//   expr       := word | #{format}
//
// Quirks kept on purpose, each verified against tmux 3.3a:
// - `a ; NAME=value` drops `a`: an empty command after `;` empties the whole list before it.
// - Assignments obey only the innermost %if branch flag, which %else simply inverts: so a
//   NAME=value inside a true %if nested in a false one, or in the %else after a false %elif
//   that followed a true %if, still sets the variable.

/** One raw command before line and group numbers are finalised. */
interface RawCommand {
  argv: RawArg[];
  line: number; // the line when tmux's parser reduced the command
}

type RawArg = string | { commands: RawCommand[]; source: string };

/** Where a list of statements began, for parseConfig's recovery. */
interface Level {
  blockDepth: number;
  scopeDepth: number;
}

class Parser {
  private readonly lexer: Lexer;
  private lookahead: Token | null = null;
  /** The %if flags, innermost last: whether the branch being read is taken. */
  private readonly scope: boolean[] = [];
  private blockDepth = 0;
  /** How many %endif tokens have been read (parseConfig tells a one-line %if from a header). */
  private endifs = 0;
  /** The statement being read is a %if whose first line is not finished yet. */
  private inIfLine = false;
  /** parseConfig: errors collected at statement boundaries instead of thrown. */
  readonly errors: ParseError[] = [];

  constructor(
    text: string,
    private readonly options: ParseOptions,
    private readonly recover: boolean,
  ) {
    this.lexer = new Lexer(text, options.line ?? 1, options);
  }

  // --- tokens -------------------------------------------------------------------------------

  private peek(): Token {
    if (this.lookahead === null) {
      const before = this.lexer.save();
      try {
        this.lookahead = this.lexer.next();
      } catch (e) {
        // Put the reader back at the start of the bad token, so recovery can read it leniently.
        this.lexer.restore(before);
        throw e;
      }
      if (this.lookahead.kind === 'endif') this.endifs++;
    }
    return this.lookahead;
  }

  private take(): Token {
    const t = this.peek();
    this.lookahead = null;
    return t;
  }

  private is(kind: TokenKind): boolean {
    return this.peek().kind === kind;
  }

  /** A syntax error at the lookahead: tmux reports the line as it stands after lexing it. */
  private unexpected(): never {
    throw new SyntaxFailure(SYNTAX_ERROR, this.lexer.line);
  }

  private expect(kind: TokenKind): Token {
    if (!this.is(kind)) this.unexpected();
    return this.take();
  }

  // --- scope and side effects ---------------------------------------------------------------

  private get taken(): boolean {
    return this.scope.length === 0 || this.scope[this.scope.length - 1];
  }

  private setScope(flag: boolean): void {
    this.scope[this.scope.length - 1] = flag;
  }

  private assign(text: string, hidden: boolean): void {
    if (this.options.assign === undefined || !this.taken) return;
    const eq = text.indexOf('=');
    this.options.assign(text.slice(0, eq), text.slice(eq + 1), hidden);
  }

  /** The expression after %if or %elif, evaluated as soon as it is read. */
  private condition(): boolean {
    const t = this.peek();
    if (t.kind !== 'word' && t.kind !== 'format') this.unexpected();
    this.take();
    return this.options.evaluateCondition(t.text);
  }

  // --- grammar ------------------------------------------------------------------------------

  parseLines(): RawCommand[] {
    const out: RawCommand[] = [];
    const level = this.level();
    while (!this.is('end')) this.statementLine(out, level);
    return out;
  }

  private level(): Level {
    return { blockDepth: this.blockDepth, scopeDepth: this.scope.length };
  }

  private get recovering(): boolean {
    return this.recover && this.blockDepth === 0;
  }

  /** One statement and its newline, in a list where parseConfig recovers from errors. */
  private statementLine(out: RawCommand[], level: Level): void {
    if (!this.recovering) {
      out.push(...this.statement());
      this.expect('newline');
      return;
    }
    const endifsBefore = this.endifs;
    try {
      const commands = this.statement();
      this.inIfLine = false;
      // The end can follow directly only when recovery closed an %if there (already reported).
      if (!this.is('end')) this.expect('newline');
      out.push(...commands);
    } catch (e) {
      if (!(e instanceof SyntaxFailure)) throw e;
      const brokenIfLine = this.inIfLine;
      this.inIfLine = false;
      this.record(e);
      this.skip(level);
      if (brokenIfLine && this.endifs === endifsBefore && this.is('newline')) {
        // A broken `%if` line with no %endif on it heads a multi-line %if: read that structure
        // with its first branch not taken, rather than run its body unconditionally.
        this.take();
        this.scope.push(false);
        out.push(...this.conditionRest(false));
      }
      if (this.is('newline')) this.take();
    }
  }

  private record(e: SyntaxFailure): void {
    this.errors.push(errorOf(e, this.options));
  }

  /**
   * parseConfig: after an error, close what the failed statement left open and skip the rest of
   * it, up to (not including) the newline that ends it once every `{` it opened is closed.
   */
  private skip(level: Level): void {
    let depth = this.blockDepth - level.blockDepth;
    this.blockDepth = level.blockDepth;
    this.scope.length = level.scopeDepth;
    this.lexer.lenient = true;
    try {
      for (;;) {
        const t = this.peek();
        if (t.kind === 'end' || (t.kind === 'newline' && depth === 0)) break;
        this.take();
        if (t.kind === '{') depth++;
        else if (t.kind === '}' && depth > 0) depth--;
      }
    } finally {
      this.lexer.lenient = false;
    }
  }

  /** parseConfig: record an error at the lookahead and skip to the end of its line. */
  private recoverLine(e: unknown): void {
    if (!(e instanceof SyntaxFailure) || !this.recovering) throw e;
    this.record(e);
    this.skip(this.level());
    if (this.is('newline')) this.take();
  }

  private statement(): RawCommand[] {
    const t = this.peek();
    let result: RawCommand[];
    switch (t.kind) {
      case 'newline':
      case '}':
        return [];
      case 'hidden':
        this.take();
        if (!this.is('assignment')) this.unexpected();
        this.assign(this.take().text, true);
        return [];
      case 'if': {
        this.take();
        if (this.recovering) this.inIfLine = true;
        const flag = this.condition();
        this.scope.push(flag);
        if (this.is('newline')) {
          this.take();
          if (this.recovering) this.inIfLine = false;
          result = this.conditionRest(flag);
        } else {
          result = this.commands(this.condition1Rest(flag));
        }
        break;
      }
      case 'word':
      case 'assignment':
        result = this.commands(null);
        break;
      default:
        this.unexpected();
    }
    return this.taken ? result : [];
  }

  /** The rest of a multi-line %if, after `%if expr` and its newline. */
  private conditionRest(ifFlag: boolean): RawCommand[] {
    let chosen: RawCommand[] | null = null;
    const ifBody = this.body();
    if (ifFlag) chosen = ifBody;
    let sawElse = false;
    for (;;) {
      if (this.is('elif') && (!sawElse || this.recovering)) {
        this.take();
        let flag = false;
        try {
          if (sawElse) this.unexpected(); // parseConfig only: %elif after %else
          flag = this.condition();
          this.setScope(flag);
          this.expect('newline');
        } catch (e) {
          this.recoverLine(e);
          flag = false;
          this.setScope(false);
        }
        const elifBody = this.body();
        if (chosen === null && flag) chosen = elifBody;
      } else if (this.is('else') && (!sawElse || this.recovering)) {
        this.take();
        const twice = sawElse;
        sawElse = true;
        this.setScope(twice ? false : !this.scope[this.scope.length - 1]);
        try {
          if (twice) this.unexpected(); // parseConfig only: a second %else
          this.expect('newline');
        } catch (e) {
          this.recoverLine(e);
        }
        const elseBody = this.body();
        if (chosen === null && !twice) chosen = elseBody;
      } else break;
    }
    if (this.recovering && this.is('end')) {
      // parseConfig: an %if still open at the end of the text is reported and closed there.
      this.record(new SyntaxFailure(SYNTAX_ERROR, this.lexer.line));
      this.scope.pop();
      return chosen ?? [];
    }
    this.expect('endif');
    this.scope.pop();
    if (this.recovering && !this.is('newline')) {
      // parseConfig: anything after %endif is reported and skipped; the newline is the caller's.
      this.record(new SyntaxFailure(SYNTAX_ERROR, this.lexer.line));
      this.skip(this.level());
    }
    return chosen ?? [];
  }

  /** One or more statement lines, up to %elif, %else or %endif at the start of a line. */
  private body(): RawCommand[] {
    const out: RawCommand[] = [];
    const level = this.level();
    if (this.recovering && (this.is('elif') || this.is('else') || this.is('endif'))) {
      // parseConfig: a branch needs at least one line; report it but keep the structure.
      this.record(new SyntaxFailure(SYNTAX_ERROR, this.lexer.line));
      return out;
    }
    do {
      if (this.recovering && this.is('end')) break;
      this.statementLine(out, level);
    } while (!this.is('elif') && !this.is('else') && !this.is('endif'));
    return out;
  }

  /** The rest of a one-line %if, after `%if expr`. */
  private condition1Rest(ifFlag: boolean): RawCommand[] {
    let chosen: RawCommand[] | null = null;
    const ifBody = this.commands(null);
    if (ifFlag) chosen = ifBody;
    while (this.is('elif')) {
      this.take();
      const flag = this.condition();
      this.setScope(flag);
      const elifBody = this.commands(null);
      if (chosen === null && flag) chosen = elifBody;
    }
    if (this.is('else')) {
      this.take();
      this.setScope(!this.scope[this.scope.length - 1]);
      const elseBody = this.commands(null);
      if (chosen === null) chosen = elseBody;
    }
    this.expect('endif');
    this.scope.pop();
    return chosen ?? [];
  }

  /** Commands separated by `;`. `first` is the result of a leading one-line %if already read. */
  private commands(first: RawCommand[] | null): RawCommand[] {
    let list: RawCommand[];
    if (first !== null) list = first;
    else if (this.is('if')) list = this.condition1();
    else if (this.is('word') || this.is('assignment')) {
      const c = this.command();
      list = c.argv.length > 0 && this.taken ? [c] : [];
    } else this.unexpected();

    while (this.is(';')) {
      this.take();
      if (this.is('if')) list = list.concat(this.condition1());
      else if (this.is('word') || this.is('assignment')) {
        const c = this.command();
        // tmux 3.3a: an empty command (a lone NAME=value) here throws away the commands before it.
        if (c.argv.length > 0 && this.taken) list.push(c);
        else list = [];
      }
    }
    return list;
  }

  /** A one-line %if inside a command list. */
  private condition1(): RawCommand[] {
    this.expect('if');
    const flag = this.condition();
    this.scope.push(flag);
    return this.condition1Rest(flag);
  }

  private command(): RawCommand {
    if (this.is('assignment')) {
      // Applied before the next token is read, so `A=1 cmd $A` sees the new value.
      this.assign(this.take().text, false);
      if (!this.is('word')) return { argv: [], line: this.lexer.line };
    }
    const argv: RawArg[] = [this.expect('word').text];
    for (;;) {
      const t = this.peek();
      if (t.kind === 'word' || t.kind === 'assignment') argv.push(this.take().text);
      else if (t.kind === '{') {
        this.take();
        argv.push(this.block());
      } else break;
    }
    // The line once the token after the command has been read, as when bison reduces it.
    return { argv, line: this.lexer.line };
  }

  /** After `{`: statements separated by newlines, up to the matching `}`. */
  private block(): RawArg {
    this.blockDepth++;
    const start = this.lexer.reader.offset;
    const out: RawCommand[] = [];
    for (;;) {
      out.push(...this.statement());
      if (this.is('}')) {
        const end = this.lexer.reader.offset - 1;
        this.take();
        this.blockDepth--;
        return { commands: out, source: this.lexer.reader.slice(start, end) };
      }
      this.expect('newline');
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Finishing: reported lines, groups, file names.

function finish(raw: RawCommand[], options: ParseOptions): ParsedCommand[] {
  const out: ParsedCommand[] = [];
  let group = -1;
  let previousLine: number | undefined;
  for (const r of raw) {
    if (options.oneGroup !== true && r.line !== previousLine) group++;
    else if (group < 0) group = 0;
    previousLine = r.line;
    let line = r.line;
    const argv: Arg[] = r.argv.map((a) => {
      if (typeof a === 'string') return a;
      const block = finish(a.commands, options);
      // Building a block leaves tmux's current line at its last command's line.
      if (block.length > 0) line = block[block.length - 1].line;
      return { block, source: a.source };
    });
    const command: ParsedCommand = { argv, line, group };
    if (options.file !== undefined) command.file = options.file;
    out.push(command);
  }
  return out;
}

function errorOf(e: SyntaxFailure, options: ParseOptions): { error: string; message: string; line: number } {
  const error = options.file === undefined ? e.message : `${options.file}:${e.line}: ${e.message}`;
  return { error, message: e.message, line: e.line };
}

/**
 * Parse text as tmux does: all or nothing, the first error (tmux's exact text) failing the whole
 * parse. What tmux 3.3a does with a file (source-file, -f; verified): it parses the whole file and
 * then builds every command (looks up its name, parses its flags) before running any, so a syntax
 * error or a build error ("file:2: unknown command: foo", "file:4: command set-option: unknown
 * flag -Z") anywhere means none of that file runs, and only that first error is reported;
 * assignments made before the error stay made; other files given to source-file still run. Once
 * running, a command that fails ("invalid option: x") skips only the rest of its group (its line).
 */
export function parseCommands(text: string, options: ParseOptions): ParseResult {
  // tmux's cmd_parse_from_buffer treats empty input as an empty list without parsing.
  if (text.length === 0) return { ok: true, commands: [] };
  const parser = new Parser(text, options, false);
  try {
    return { ok: true, commands: finish(parser.parseLines(), options) };
  } catch (e) {
    // Anything else is a bug here or an exception from a callback: let it through.
    if (!(e instanceof SyntaxFailure)) throw e;
    return { ok: false, ...errorOf(e, options) };
  }
}

/**
 * Parse a config file for tsmux's rule "report each error as file:line: message and apply the
 * rest". Error messages and lines are tmux's. A statement that fails contributes nothing, and
 * parsing resumes after it: after the newline that ends it once every `{` it opened is closed.
 * Statements inside a multi-line %if recover one by one; a broken `%if` line opens a branch that
 * is not taken; an %if still open at the end is closed there (and reported). Inside a `{ }` block
 * there is no recovery: the whole outer statement goes, so half a key binding never gets bound.
 */
export function parseConfig(text: string, options: ParseOptions): { commands: ParsedCommand[]; errors: ParseError[] } {
  if (text.length === 0) return { commands: [], errors: [] };
  const parser = new Parser(text, options, true);
  try {
    return { commands: finish(parser.parseLines(), options), errors: parser.errors };
  } catch (e) {
    // Recovery happens at statement boundaries, so only an error no statement loop catches (none
    // is expected) ends up here; report it like tmux would.
    if (!(e instanceof SyntaxFailure)) throw e;
    return { commands: [], errors: [...parser.errors, errorOf(e, options)] };
  }
}

// ---------------------------------------------------------------------------------------------
// The command line.

/**
 * Split argv from the command line into commands, as tmux's cmd_parse_from_arguments does: an
 * argument ending in `;` ends a command (`new -d\;` is `new -d` then a new command); `\;` at the
 * end of an argument is a literal `;` instead. Nothing else in an argument is special. Empty
 * commands (`a ; ; b`) are dropped, as tmux builds them into nothing. Blocks pass through.
 */
export function splitCommandLine(argv: readonly string[]): string[][];
export function splitCommandLine(argv: readonly Arg[]): Arg[][];
export function splitCommandLine(argv: readonly Arg[]): Arg[][] {
  const commands: Arg[][] = [];
  let current: Arg[] = [];
  for (const arg of argv) {
    if (typeof arg !== 'string' || !arg.endsWith(';')) {
      current.push(arg);
      continue;
    }
    const body = arg.slice(0, -1);
    if (body.endsWith('\\')) {
      current.push(body.slice(0, -1) + ';');
      continue;
    }
    if (body.length > 0) current.push(body);
    if (current.length > 0) commands.push(current);
    current = [];
  }
  if (current.length > 0) commands.push(current);
  return commands;
}

// ---------------------------------------------------------------------------------------------
// Printing, as tmux's args_escape and cmd_list_print do (list-keys, source-file -v, #{…} of blocks).

/** Characters that make tmux print an argument in double quotes, else single quotes. */
const NEEDS_DOUBLE_QUOTES = /[ #';${}%]/;
const NEEDS_SINGLE_QUOTES = /[ "]/;

/** C-style escapes vis(3) uses for these control characters; others print as \ooo. */
const VIS_CSTYLE: Readonly<Record<string, string>> = {
  '\n': '\\n',
  '\r': '\\r',
  '\b': '\\b',
  '\x07': '\\a',
  '\v': '\\v',
  '\t': '\\t',
  '\f': '\\f',
  '\0': '\\0',
};

function octal(bytes: Iterable<number>): string {
  let s = '';
  for (const b of bytes) s += '\\' + b.toString(8).padStart(3, '0');
  return s;
}

/** tmux's utf8_stravis with VIS_OCTAL|VIS_CSTYLE|VIS_TAB|VIS_NL (and VIS_DQ inside "…"). */
function visualise(s: string, doubleQuoted: boolean): string {
  const chars = Array.from(s);
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    const code = c.codePointAt(0)!;
    if (c === '$' && i + 1 < chars.length) {
      // `$` before something that would expand is escaped; other `$` stay as they are.
      out += /^[A-Za-z_{]$/.test(chars[i + 1]) ? '\\$' : '$';
    } else if (code >= 0x20 && code < 0x7f) {
      out += c === '\\' || (c === '"' && doubleQuoted) ? '\\' + c : c;
    } else if (code < 0x80) {
      out += VIS_CSTYLE[c] ?? octal([code]);
    } else if (code <= 0x9f) {
      // C1 controls have no width, so tmux shows their UTF-8 bytes (other characters are kept;
      // tmux also escapes characters its wcwidth does not know, which we cannot tell here).
      out += octal(Buffer.from(c, 'utf8'));
    } else {
      out += c;
    }
  }
  return out;
}

/**
 * Quote one argument the way tmux prints it (args_escape): bare when safe, '…' for spaces and `"`,
 * "…" for anything the parser would treat specially; a lone special character is backslashed.
 * tmux quirk kept: inside '…' a backslash is still doubled, so such an argument does not read back
 * exactly.
 */
export function quoteArgument(s: string): string {
  if (s === '') return "''";
  const quote = NEEDS_DOUBLE_QUOTES.test(s) ? '"' : NEEDS_SINGLE_QUOTES.test(s) ? "'" : '';
  if (s.length === 1 && s !== ' ' && (quote !== '' || s === '~')) return '\\' + s;
  const escaped = visualise(s, quote === '"');
  const tilde = escaped.startsWith('~') ? '\\' : '';
  if (quote === "'") return `'${escaped}'`;
  if (quote === '"') return `"${tilde}${escaped}"`;
  return tilde + escaped;
}

/** One argument as tmux prints it: a string quoted, a block as `{ commands }`. */
export function printArgument(arg: Arg): string {
  return typeof arg === 'string' ? quoteArgument(arg) : `{ ${printCommands(arg.block)} }`;
}

/**
 * A command list as tmux's cmd_list_print prints it: ` ; ` between commands of one group, ` ;; `
 * between groups. tmux prints commands after building them (full command names, flags sorted);
 * this prints the argv as parsed — the commands layer can canonicalise first if it needs to.
 */
export function printCommands(commands: readonly ParsedCommand[]): string {
  let out = '';
  commands.forEach((c, i) => {
    if (i > 0) out += c.group === commands[i - 1].group ? ' ; ' : ' ;; ';
    out += c.argv.map(printArgument).join(' ');
  });
  return out;
}
