// strftime in the C locale, as glibc formats it; ctime; the "pretty" ages of #{t/p:…}. Dates are fixed
// and formatted either in UTC or from a Date built in local time, so the machine's zone does not matter.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ctime, prettyTime, strftime } from '../../src/format/strftime';

/** Sunday 25 October 2015, 09:25:02 UTC — tmux's manual uses this moment. */
const MANUAL = new Date(Date.UTC(2015, 9, 25, 9, 25, 2));
const utc = (format: string, date = MANUAL): string => strftime(format, date, { utc: true });

describe('strftime conversions (UTC)', () => {
  const table: Array<[string, string]> = [
    ['%a %A %b %B %h', 'Sun Sunday Oct October Oct'],
    ['%c', 'Sun Oct 25 09:25:02 2015'],
    ['%C %y %Y', '20 15 2015'],
    ['%d %e %j %m', '25 25 298 10'],
    ['%D|%F|%x', '10/25/15|2015-10-25|10/25/15'],
    ['%H %I %k %l %M %S', '09 09  9  9 25 02'],
    ['%p %P', 'AM am'],
    ['%r|%R|%T|%X', '09:25:02 AM|09:25|09:25:02|09:25:02'],
    ['%s', '1445765102'],
    ['%u %w', '7 0'],
    ['%U %W %V %G %g', '43 42 43 2015 15'],
    ['%z %Z', '+0000 UTC'],
    ['%n%t%%', '\n\t%'],
  ];
  for (const [format, expected] of table) {
    test(`${JSON.stringify(format)} → ${JSON.stringify(expected)}`, () => assert.equal(utc(format), expected));
  }

  test('afternoon hours on the 12-hour clock', () => {
    assert.equal(utc('%I %l %p %P', new Date(Date.UTC(2015, 9, 25, 12, 0, 0))), '12 12 PM pm');
    assert.equal(utc('%I %l %p', new Date(Date.UTC(2015, 9, 25, 0, 0, 0))), '12 12 AM');
    assert.equal(utc('%I %p', new Date(Date.UTC(2015, 9, 25, 23, 0, 0))), '11 PM');
  });

  test('ISO week years at the turn of the year', () => {
    assert.equal(utc('%G-W%V-%u', new Date(Date.UTC(2021, 0, 1))), '2020-W53-5');
    assert.equal(utc('%G-W%V-%u', new Date(Date.UTC(2024, 11, 30))), '2025-W01-1');
    assert.equal(utc('%G-W%V %U %W', new Date(Date.UTC(2023, 0, 1))), '2022-W52 01 00');
    assert.equal(utc('%j', new Date(Date.UTC(2024, 11, 31))), '366');
  });

  test('glibc flags and widths', () => {
    assert.equal(utc('%-d|%-H|%_H|%0e|%^a|%^B|%#b|%#Z'), '25|9| 9|25|SUN|OCTOBER|OCT|utc');
    assert.equal(utc('%10Y|%3a|%5d'), '0000002015|Sun|00025');
    assert.equal(utc('%Ey %Od %EY'), '15 25 2015');
  });

  test('unknown conversions and a trailing % are copied through', () => {
    assert.equal(utc('%Q %+ 100%'), '%Q %+ 100%');
    assert.equal(utc('%'), '%');
  });
});

describe('strftime in local time', () => {
  test('a Date built from local fields formats back to those fields', () => {
    const local = new Date(2015, 9, 25, 9, 5, 2);
    assert.equal(strftime('%Y-%m-%d %H:%M:%S %a', local), '2015-10-25 09:05:02 Sun');
  });

  test('an invalid Date formats as nothing', () => {
    assert.equal(strftime('%Y', new Date(NaN)), '');
  });
});

describe('ctime', () => {
  test('pads the day with a space, as ctime(3) does', () => {
    assert.equal(ctime(new Date(2015, 9, 5, 9, 25, 2)), 'Mon Oct  5 09:25:02 2015');
    assert.equal(ctime(new Date(2015, 9, 25, 9, 25, 2)), 'Sun Oct 25 09:25:02 2015');
  });
});

describe('prettyTime (#{t/p:…}) by age', () => {
  const now = new Date(2024, 5, 15, 12, 0, 0);
  test('within a day: hours and minutes', () => {
    assert.equal(prettyTime(new Date(2024, 5, 15, 8, 30), now), '08:30');
    assert.equal(prettyTime(new Date(2024, 5, 14, 12, 30), now), '12:30');
  });
  test('this month or the last 28 days: weekday and day', () => {
    assert.equal(prettyTime(new Date(2024, 5, 2, 8, 30), now), 'Sun02');
    assert.equal(prettyTime(new Date(2024, 4, 20, 8, 30), now), 'Mon20');
  });
  test('the last twelve months: day and month', () => {
    assert.equal(prettyTime(new Date(2024, 0, 3), now), '03Jan');
    assert.equal(prettyTime(new Date(2023, 8, 9), now), '09Sep');
  });
  test('older: month and year', () => {
    assert.equal(prettyTime(new Date(2023, 5, 1), now), 'Jun23');
    assert.equal(prettyTime(new Date(2015, 9, 25), now), 'Oct15');
  });
  test('a time in the future counts as now', () => {
    assert.equal(prettyTime(new Date(2024, 5, 16, 8, 30), now), '08:30');
  });
});
