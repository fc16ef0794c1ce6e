import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatDateTime,
  formatLongDate,
  formatListDate,
  formatShortDate,
  formatTime,
  toJakartaIso,
} from '../../src/lib/dates/format-date.ts';
import { parseArticleDate } from '../../src/lib/dates/parse-date.ts';

const parsed = (value: unknown): string => {
  const result = parseArticleDate(value);
  return result.ok ? result.date.toISOString() : `error: ${result.reason}`;
};

describe('parseArticleDate', () => {
  it('reads values without an offset as WIB', () => {
    expect(parsed('2024-12-27T10:15:00')).toBe('2024-12-27T03:15:00.000Z');
    expect(parsed('2024-12-27 10:15')).toBe('2024-12-27T03:15:00.000Z');
    expect(parsed('2024-12-27')).toBe('2024-12-26T17:00:00.000Z');
  });

  it('honours explicit offsets', () => {
    expect(parsed('2024-12-27T10:15:00Z')).toBe('2024-12-27T10:15:00.000Z');
    expect(parsed('2024-12-27T10:15:00+09:00')).toBe('2024-12-27T01:15:00.000Z');
  });

  it('rejects impossible and malformed dates with a reason', () => {
    expect(parsed('2024-02-30')).toMatch(/day 30/);
    expect(parsed('2023-02-29')).toMatch(/day 29/);
    expect(parsed('2024-13-01')).toMatch(/month 13/);
    expect(parsed('2024-12-27T25:00')).toMatch(/time 25/);
    expect(parsed('27 Desember 2024')).toMatch(/not an ISO 8601 date/);
    expect(parsed(20241227)).toMatch(/not a number/);
    expect(parsed('2024-12-27T10:00+25:00')).toMatch(/offset/);
  });
});

describe('Indonesian formatting', () => {
  const date = new Date('2024-12-27T03:15:00Z');
  it('prints day, date and WIB time', () => {
    expect(formatDateTime(date)).toBe('Jumat, 27 Desember 2024 | 10:15 WIB');
    expect(formatShortDate(date)).toBe('27 Des 2024');
    expect(formatListDate(date)).toBe('27 Des 2024, 10:15 WIB');
    expect(toJakartaIso(date)).toBe('2024-12-27T10:15:00+07:00');
  });

  it('rolls the day over at midnight WIB, not UTC', () => {
    expect(formatDateTime(new Date('2024-12-27T17:30:00Z'))).toBe('Sabtu, 28 Desember 2024 | 00:30 WIB');
  });
});

describe('formatting per WIB day', () => {
  // The formatters reuse one text per Jakarta calendar day and compute the clock time from the
  // fixed UTC+7 offset; both must agree with Intl in the Asia/Jakarta zone at every instant.
  const intl = (options: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat('id-ID', { timeZone: 'Asia/Jakarta', ...options });
  const long = intl({ weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
  const short = intl({ day: 'numeric', month: 'short', year: 'numeric' });
  const clock = intl({ hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const instant = fc.date({
    min: new Date('1990-01-01T00:00:00Z'),
    max: new Date('2040-12-31T23:59:59Z'),
    noInvalidDate: true,
  });

  it('matches Intl for any instant, including both sides of midnight WIB', () => {
    fc.assert(
      fc.property(instant, (date) => {
        expect(formatLongDate(date)).toBe(long.format(date));
        expect(formatShortDate(date)).toBe(short.format(date));
        expect(formatTime(date)).toBe(`${clock.format(date).replace('.', ':')} WIB`);
      }),
      { numRuns: 2000 },
    );
  });

  it('gives each day of a run of instants a minute apart around midnight its own text', () => {
    const beforeMidnight = new Date('2024-12-27T16:59:00Z'); // 23:59 WIB, Friday
    const afterMidnight = new Date('2024-12-27T17:00:00Z'); // 00:00 WIB, Saturday
    expect(formatLongDate(beforeMidnight)).toBe('Jumat, 27 Desember 2024');
    expect(formatLongDate(afterMidnight)).toBe('Sabtu, 28 Desember 2024');
    expect(formatLongDate(beforeMidnight)).toBe('Jumat, 27 Desember 2024');
    expect(formatTime(beforeMidnight)).toBe('23:59 WIB');
    expect(formatTime(afterMidnight)).toBe('00:00 WIB');
  });
});
