// #{e|…:…}: C's number parsing, integer truncation and printf("%.*f") reproduced.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { evaluateExpression, formatFixed, parseDouble } from '../../src/format/arithmetic';

describe('formatFixed is printf("%.*f")', () => {
  const table: Array<[number, number, string]> = [
    [3, 0, '3'],
    [3.5, 2, '3.50'],
    [2.5, 0, '2'],
    [3.5, 0, '4'],
    [0.125, 2, '0.12'],
    [0.375, 2, '0.38'],
    [0.1, 20, '0.10000000000000000555'],
    [1e21, 0, '1000000000000000000000'],
    [-(2 ** 63), 0, '-9223372036854775808'],
    [-0, 2, '-0.00'],
    [-0.001, 2, '-0.00'],
    [5e-324, 3, '0.000'],
    [Infinity, 2, 'inf'],
    [-Infinity, 0, '-inf'],
  ];
  for (const [x, precision, expected] of table) {
    test(`${x} with ${precision} places is ${expected}`, () => assert.equal(formatFixed(x, precision), expected));
  }
  test('NaN keeps its sign', () => {
    assert.equal(formatFixed(NaN, 2), 'nan');
    assert.equal(formatFixed(NaN, 2, true), '-nan');
  });
});

describe('parseDouble is strtod over the whole string', () => {
  const value = (s: string): number | undefined => parseDouble(s)?.value;
  test('numbers in the forms strtod reads', () => {
    assert.equal(value('42'), 42);
    assert.equal(value(' \t-1.5'), -1.5);
    assert.equal(value('.5'), 0.5);
    assert.equal(value('1.'), 1);
    assert.equal(value('1e3'), 1000);
    assert.equal(value('0x10'), 16);
    assert.equal(value('0x1.8p1'), 3);
    assert.equal(value('inf'), Infinity);
    assert.equal(value('-Infinity'), -Infinity);
    assert.ok(Number.isNaN(value('nan')));
    assert.equal(parseDouble('-nan')?.negativeNaN, true);
  });
  test('the empty string is 0; anything left over is an error', () => {
    assert.equal(value(''), 0);
    for (const s of [' ', '1 ', 'a', '1e', '0x', '1.2.3', 'infinit']) assert.equal(parseDouble(s), undefined, s);
  });
});

describe('evaluateExpression', () => {
  test('integer arithmetic truncates operands and result', () => {
    assert.equal(evaluateExpression(['+'], '5.9', '1'), '6');
    assert.equal(evaluateExpression(['/'], '-7', '2'), '-3');
    assert.equal(evaluateExpression(['m'], '-7', '3'), '-1');
    assert.equal(evaluateExpression(['%'], '7', '3'), '1');
  });
  test('floating point with default and given precision', () => {
    assert.equal(evaluateExpression(['/', 'f'], '7', '2'), '3.50');
    assert.equal(evaluateExpression(['/', 'f', '4'], '1', '3'), '0.3333');
    assert.equal(evaluateExpression(['+', 'f', '-1'], '1', '2'), '3.000000');
    assert.equal(evaluateExpression(['+', '', '3'], '1', '2'), '3.000');
  });
  test('division by zero as on x86-64', () => {
    assert.equal(evaluateExpression(['/'], '1', '0'), '-9223372036854775808');
    assert.equal(evaluateExpression(['/', 'f'], '1', '0'), 'inf');
    assert.equal(evaluateExpression(['/', 'f'], '0', '0'), '-nan');
    assert.equal(evaluateExpression(['m', 'f'], '7', '0'), '-nan');
    assert.equal(evaluateExpression(['+', 'f'], 'nan', '1'), 'nan');
  });
  test('comparisons give 1 or 0, floating ones with decimals', () => {
    assert.equal(evaluateExpression(['=='], '1', '1'), '1');
    assert.equal(evaluateExpression(['!='], '1', '1'), '0');
    assert.equal(evaluateExpression(['<'], '1', '2'), '1');
    assert.equal(evaluateExpression(['>=', 'f'], '1.5', '1.5'), '1.00');
    assert.equal(evaluateExpression(['==', 'f'], '0.1', '0.1000000001'), '1.00');
  });
  test('bad operators, operands and precisions fail', () => {
    assert.equal(evaluateExpression(['^'], '1', '2'), undefined);
    assert.equal(evaluateExpression(['constructor'], '1', '2'), undefined);
    assert.equal(evaluateExpression(['+'], 'a', '2'), undefined);
    assert.equal(evaluateExpression(['+', 'f', 'x'], '1', '2'), undefined);
  });
});
