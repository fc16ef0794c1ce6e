import { describe, expect, it } from 'vitest';
import { formatDateTime, formatShortDate, toJakartaIso } from '../../src/lib/dates/format-date.ts';
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
    expect(toJakartaIso(date)).toBe('2024-12-27T10:15:00+07:00');
  });

  it('rolls the day over at midnight WIB, not UTC', () => {
    expect(formatDateTime(new Date('2024-12-27T17:30:00Z'))).toBe('Sabtu, 28 Desember 2024 | 00:30 WIB');
  });
});
