// strftime(3) as the C library does it in the C locale: the `%H:%M %d-%b-%y` strings of status-right,
// `#{t/f/…:…}` and `#{T:…}`. Local time unless asked for UTC. Also the two fixed time renderings tmux uses
// without a format: ctime(3) for `#{t:…}` and the short "pretty" age for `#{t/p:…}`.
//
// Behaviour follows glibc: the conversions of C99 and POSIX plus glibc's flags (`-` no padding, `_` pad
// with spaces, `0` pad with zeros, `^` upper case, `#` swap case) and field widths; `E` and `O` modifiers
// are accepted and ignored; an unknown conversion is copied through as written (`%Q` stays `%Q`), and so is
// a lone `%` at the end.

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

/** The broken-down time strftime works from (struct tm, with the full year). */
interface BrokenDownTime {
  year: number;
  month: number; // 0-11
  day: number; // 1-31
  hour: number;
  minute: number;
  second: number;
  weekday: number; // 0 = Sunday
  yearDay: number; // 0-365
  offsetMinutes: number; // east of UTC
  /** The zone's abbreviation, worked out only if %Z asks for it. */
  zone: () => string;
  epochSeconds: number;
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function dayOfYear(year: number, month: number, day: number): number {
  return Math.round((Date.UTC(year, month, day) - Date.UTC(year, 0, 1)) / 86400000);
}

/**
 * Locales whose ICU names match the tz database's abbreviations for some zones (CET, BST, AEST, IST,
 * JST); en-US alone knows only the American ones and says "GMT+1" elsewhere.
 */
const ZONE_LOCALES = ['en-US', 'en-GB', 'en-AU', 'en-IN', 'ja-JP'];
const zoneFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * Abbreviated zone name for a local time, as the tz database has it where Intl knows it ("UTC", "EST",
 * "CET"), else the numeric form the tz database also uses ("-03", "+0530").
 */
function zoneName(date: Date, utc: boolean): string {
  if (utc) return 'UTC';
  for (const locale of ZONE_LOCALES) {
    try {
      let format = zoneFormats.get(locale);
      if (format === undefined) {
        format = new Intl.DateTimeFormat(locale, { timeZoneName: 'short' });
        zoneFormats.set(locale, format);
      }
      const name = format.formatToParts(date).find((p) => p.type === 'timeZoneName')?.value;
      if (name !== undefined && /^[A-Z]{2,5}$/.test(name)) return name;
    } catch {
      // No Intl zone data for this locale: try the next, then the numeric form.
    }
  }
  const off = -date.getTimezoneOffset();
  const sign = off < 0 ? '-' : '+';
  const a = Math.abs(off);
  const hours = String(Math.floor(a / 60)).padStart(2, '0');
  return a % 60 === 0 ? `${sign}${hours}` : `${sign}${hours}${String(a % 60).padStart(2, '0')}`;
}

function breakDown(date: Date, utc: boolean): BrokenDownTime {
  const year = utc ? date.getUTCFullYear() : date.getFullYear();
  const month = utc ? date.getUTCMonth() : date.getMonth();
  const day = utc ? date.getUTCDate() : date.getDate();
  return {
    year,
    month,
    day,
    hour: utc ? date.getUTCHours() : date.getHours(),
    minute: utc ? date.getUTCMinutes() : date.getMinutes(),
    second: utc ? date.getUTCSeconds() : date.getSeconds(),
    weekday: utc ? date.getUTCDay() : date.getDay(),
    yearDay: dayOfYear(year, month, day),
    offsetMinutes: utc ? 0 : -date.getTimezoneOffset(),
    zone: () => zoneName(date, utc),
    epochSeconds: Math.floor(date.getTime() / 1000),
  };
}

/** ISO 8601 week-based year and week number (%G, %V). */
function isoWeek(tm: BrokenDownTime): { year: number; week: number } {
  const wday = (tm.weekday + 6) % 7; // Monday = 0
  let year = tm.year;
  let week = Math.floor((tm.yearDay - wday + 10) / 7);
  if (week < 1) {
    year--;
    const days = isLeap(year) ? 366 : 365;
    week = Math.floor((tm.yearDay + days - wday + 10) / 7);
  } else {
    const days = isLeap(year) ? 366 : 365;
    if (tm.yearDay - wday + 3 >= days) {
      year++;
      week = 1;
    }
  }
  return { year, week };
}

type Pad = '0' | ' ' | '';

interface Field {
  value: string;
  /** Numbers pad to a width; text does not unless a width is given. */
  numeric: boolean;
  width: number;
  pad: Pad;
}

const num = (n: number, width: number, pad: Pad = '0'): Field => ({ value: String(n), numeric: true, width, pad });
const text = (s: string): Field => ({ value: s, numeric: false, width: 0, pad: '' });

function hour12(h: number): number {
  return h % 12 === 0 ? 12 : h % 12;
}

/**
 * One conversion. `sub` formats a composite conversion (%c, %D, …) recursively.
 * Returns undefined for characters that are not conversions.
 */
function convert(c: string, tm: BrokenDownTime, sub: (f: string) => string): Field | undefined {
  switch (c) {
    case 'a': return text(DAYS[tm.weekday].slice(0, 3));
    case 'A': return text(DAYS[tm.weekday]);
    case 'b': case 'h': return text(MONTHS[tm.month].slice(0, 3));
    case 'B': return text(MONTHS[tm.month]);
    case 'c': return text(sub('%a %b %e %H:%M:%S %Y'));
    case 'C': return num(Math.floor(tm.year / 100), 2);
    case 'd': return num(tm.day, 2);
    case 'D': return text(sub('%m/%d/%y'));
    case 'e': return num(tm.day, 2, ' ');
    case 'F': return text(sub('%Y-%m-%d'));
    case 'g': return num(((isoWeek(tm).year % 100) + 100) % 100, 2);
    case 'G': return num(isoWeek(tm).year, 1);
    case 'H': return num(tm.hour, 2);
    case 'I': return num(hour12(tm.hour), 2);
    case 'j': return num(tm.yearDay + 1, 3);
    case 'k': return num(tm.hour, 2, ' ');
    case 'l': return num(hour12(tm.hour), 2, ' ');
    case 'm': return num(tm.month + 1, 2);
    case 'M': return num(tm.minute, 2);
    case 'n': return text('\n');
    case 'p': return text(tm.hour < 12 ? 'AM' : 'PM');
    case 'P': return text(tm.hour < 12 ? 'am' : 'pm');
    case 'r': return text(sub('%I:%M:%S %p'));
    case 'R': return text(sub('%H:%M'));
    case 's': return num(tm.epochSeconds, 1);
    case 'S': return num(tm.second, 2);
    case 't': return text('\t');
    case 'T': return text(sub('%H:%M:%S'));
    case 'u': return num(tm.weekday === 0 ? 7 : tm.weekday, 1);
    case 'U': return num(Math.floor((tm.yearDay + 7 - tm.weekday) / 7), 2);
    case 'V': return num(isoWeek(tm).week, 2);
    case 'w': return num(tm.weekday, 1);
    case 'W': return num(Math.floor((tm.yearDay + 7 - ((tm.weekday + 6) % 7)) / 7), 2);
    case 'x': return text(sub('%m/%d/%y'));
    case 'X': return text(sub('%H:%M:%S'));
    case 'y': return num(((tm.year % 100) + 100) % 100, 2);
    case 'Y': return num(tm.year, 1);
    case 'z': {
      const off = Math.abs(tm.offsetMinutes);
      const hhmm = Math.floor(off / 60) * 100 + (off % 60);
      return { value: (tm.offsetMinutes < 0 ? '-' : '+') + String(hhmm).padStart(4, '0'), numeric: false, width: 0, pad: '' };
    }
    case 'Z': return text(tm.zone());
    case '%': return text('%');
    default: return undefined;
  }
}

function render(field: Field, flag: string, width: number, c: string): string {
  let value = field.value;
  if (flag === '^') value = value.toUpperCase();
  else if (flag === '#') {
    // glibc swaps case for names: %#Z lower-cases, %#a / %#b upper-case.
    value = c === 'Z' ? value.toLowerCase() : value.toUpperCase();
  }
  let pad: Pad = field.pad;
  if (flag === '-') return value;
  if (flag === '_') pad = ' ';
  else if (flag === '0') pad = '0';
  const w = width > 0 ? width : field.numeric ? field.width : 0;
  if (value.length >= w) return value;
  if (!field.numeric && width === 0) return value;
  const fill = (pad === '' ? (field.numeric ? '0' : ' ') : pad).repeat(w - value.length);
  if (fill[0] === '0' && /^[+-]/.test(value)) return value[0] + fill + value.slice(1);
  return fill + value;
}

/** Format a date like strftime(3) in the C locale, in local time (or UTC with `utc`). */
export function strftime(format: string, date: Date, options: { utc?: boolean } = {}): string {
  if (Number.isNaN(date.getTime())) return '';
  const tm = breakDown(date, options.utc === true);
  const sub = (f: string): string => formatWith(f, tm);
  return formatWith(format, tm, sub);
}

function formatWith(format: string, tm: BrokenDownTime, sub?: (f: string) => string): string {
  const recurse = sub ?? ((f: string): string => formatWith(f, tm));
  let out = '';
  let i = 0;
  while (i < format.length) {
    const pct = format.indexOf('%', i);
    if (pct < 0) {
      out += format.slice(i);
      break;
    }
    out += format.slice(i, pct);
    let j = pct + 1;
    let flag = '';
    while (j < format.length && '-_0^#'.includes(format[j])) flag = format[j++];
    let width = 0;
    while (j < format.length && format[j] >= '0' && format[j] <= '9') width = width * 10 + Number(format[j++]);
    if (j < format.length && (format[j] === 'E' || format[j] === 'O')) j++;
    if (j >= format.length) {
      out += format.slice(pct);
      break;
    }
    const c = format[j];
    const field = convert(c, tm, recurse);
    if (field === undefined) {
      out += format.slice(pct, j + 1);
    } else {
      out += render(field, flag, width, c);
    }
    i = j + 1;
  }
  return out;
}

/** ctime(3) without the newline: `Sun Oct 25 09:25:02 2015` (what `#{t:…}` gives). */
export function ctime(date: Date): string {
  return strftime('%a %b %e %H:%M:%S %Y', date);
}

/**
 * `#{t/p:…}`: a short age-dependent rendering — `%H:%M` within a day, `%a%d` within this month or the last
 * 28 days, `%d%b` within the last twelve months, `%h%y` before that. A time in the future counts as now.
 */
export function prettyTime(then: Date, now: Date): string {
  const t = Math.floor(then.getTime() / 1000);
  const n = Math.max(Math.floor(now.getTime() / 1000), t);
  const age = n - t;
  const ref = new Date(n * 1000);
  if (age < 24 * 3600) return strftime('%H:%M', then);
  const sameYear = then.getFullYear() === ref.getFullYear();
  if ((sameYear && then.getMonth() === ref.getMonth()) || age < 28 * 24 * 3600) return strftime('%a%d', then);
  if ((sameYear && then.getMonth() < ref.getMonth()) ||
      (then.getFullYear() === ref.getFullYear() - 1 && then.getMonth() > ref.getMonth())) {
    return strftime('%d%b', then);
  }
  return strftime('%h%y', then);
}
