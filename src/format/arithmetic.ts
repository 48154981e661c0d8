// `#{e|op|flags|precision:left,right}`: tmux's arithmetic and numeric comparison on two expanded
// strings, with C's number handling reproduced where it shows: strtod(3) parsing (leading blanks, hex,
// `inf`, `nan`, an empty string is 0), truncation to `long long` in integer mode (anything out of range,
// infinite or NaN becomes -9223372036854775808 as on x86-64), and printf's `%.*f` (exact binary value,
// round-half-even, `-0.00`, `inf`, `-nan`).

/** An operand or result: NaN carries a sign in C and printf shows it, so we keep it. */
interface CNumber {
  value: number;
  negativeNaN: boolean;
}

const OPERATORS: Record<string, (a: number, b: number) => number> = {
  '+': (a, b) => a + b,
  '-': (a, b) => a - b,
  '*': (a, b) => a * b,
  '/': (a, b) => a / b,
  // JavaScript's % is C's fmod(): the result has the sign of the dividend.
  '%': (a, b) => a % b,
  m: (a, b) => a % b,
  '==': (a, b) => (Math.abs(a - b) < 1e-9 ? 1 : 0),
  '!=': (a, b) => (Math.abs(a - b) > 1e-9 ? 1 : 0),
  '>': (a, b) => (a > b ? 1 : 0),
  '>=': (a, b) => (a >= b ? 1 : 0),
  '<': (a, b) => (a < b ? 1 : 0),
  '<=': (a, b) => (a <= b ? 1 : 0),
};

const INT64_MIN = -(2 ** 63);

/** strtod(3) of a whole string, or undefined if anything is left over after the number. */
export function parseDouble(s: string): CNumber | undefined {
  const m = /^[ \t\n\v\f\r]*([+-]?)(?:(inf(?:inity)?)|(nan)(?:\([0-9A-Za-z_]*\))?|0[xX]((?:[0-9a-fA-F]+\.?[0-9a-fA-F]*|\.[0-9a-fA-F]+))(?:[pP]([+-]?\d+))?|((?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?))$/i.exec(s);
  if (m === null) {
    // No conversion at all leaves the end pointer at the start: valid only for the empty string.
    return s === '' ? { value: 0, negativeNaN: false } : undefined;
  }
  const negative = m[1] === '-';
  let value: number;
  if (m[2] !== undefined) value = Infinity;
  else if (m[3] !== undefined) return { value: NaN, negativeNaN: negative };
  else if (m[4] !== undefined) {
    const [whole, fraction = ''] = m[4].split('.');
    value = parseInt(whole === '' ? '0' : whole, 16) + (fraction === '' ? 0 : parseInt(fraction, 16) / 16 ** fraction.length);
    if (m[5] !== undefined) value *= 2 ** Number(m[5]);
  } else value = Number(m[6]);
  return { value: negative ? -value : value, negativeNaN: false };
}

/** C's conversion of a double to long long and back, as x86-64 does it. */
function truncateToInteger(x: number): number {
  if (!Number.isFinite(x) || x >= 2 ** 63 || x < INT64_MIN) return INT64_MIN;
  return Math.trunc(x) + 0;
}

/** printf("%.*f", precision, x) with glibc's exact rounding. */
export function formatFixed(x: number, precision: number, negativeNaN = false): string {
  if (Number.isNaN(x)) return negativeNaN ? '-nan' : 'nan';
  const negative = x < 0 || Object.is(x, -0);
  if (!Number.isFinite(x)) return negative ? '-inf' : 'inf';
  const sign = negative ? '-' : '';

  // x = mantissa * 2^exponent exactly.
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, Math.abs(x));
  const bits = view.getBigUint64(0);
  const biased = Number((bits >> 52n) & 0x7ffn);
  let mantissa = bits & ((1n << 52n) - 1n);
  let exponent: number;
  if (biased === 0) exponent = -1074;
  else {
    mantissa |= 1n << 52n;
    exponent = biased - 1075;
  }

  const scaled = mantissa * 10n ** BigInt(precision);
  let digits: bigint;
  if (exponent >= 0) digits = scaled << BigInt(exponent);
  else {
    const divisor = 1n << BigInt(-exponent);
    digits = scaled / divisor;
    const twice = (scaled % divisor) * 2n;
    if (twice > divisor || (twice === divisor && digits % 2n === 1n)) digits++;
  }
  let text = digits.toString().padStart(precision + 1, '0');
  if (precision > 0) text = `${text.slice(0, -precision)}.${text.slice(-precision)}`;
  return sign + text;
}

/** Longest precision we print; tmux would print more, but megabytes of zeros help no one. */
const MAX_PRECISION = 1000;

/**
 * Evaluate `#{e|…:…}`: `args` are the modifier's arguments (operator, optional flags with `f` for
 * floating point, optional precision) and `left`/`right` the expanded operands. Returns undefined
 * where tmux's expression fails (the format then expands to '').
 */
export function evaluateExpression(args: readonly string[], left: string, right: string): string | undefined {
  if (!Object.hasOwn(OPERATORS, args[0])) return undefined;
  const operator = OPERATORS[args[0]];
  const floating = args.length >= 2 && args[1].includes('f');
  let precision = floating ? 2 : 0;
  if (args.length >= 3) {
    const m = /^[ \t\n\v\f\r]*([+-]?\d+)$/.exec(args[2]);
    if (m === null) return undefined;
    const p = Number(m[1]);
    if (p < -(2 ** 31) || p > 2 ** 31 - 1) return undefined;
    // A negative precision reaches printf as "no precision given", which means six digits.
    precision = p < 0 ? 6 : Math.min(p, MAX_PRECISION);
  }

  const a = parseDouble(left);
  const b = parseDouble(right);
  if (a === undefined || b === undefined) return undefined;
  let x = a.value;
  let y = b.value;
  if (!floating) {
    x = truncateToInteger(x);
    y = truncateToInteger(y);
  }
  const result = operator(x, y);
  if (!floating) return formatFixed(truncateToInteger(result), precision);

  // A NaN result keeps the sign of a NaN operand; one made from numbers (0/0, fmod by 0) is negative on x86.
  let negativeNaN = true;
  if (Number.isNaN(x)) negativeNaN = a.negativeNaN;
  else if (Number.isNaN(y)) negativeNaN = b.negativeNaN;
  return formatFixed(result, precision, negativeNaN);
}
