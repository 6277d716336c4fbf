import { describe, expect, it } from 'vitest';
import { formatBeijing, formatDuration, parseEpoch } from './index';

const NOW = Date.UTC(2026, 10, 25, 2, 0, 0); // 2026-11-25 10:00 Beijing

describe('parseEpoch', () => {
  it('accepts seconds and milliseconds for the same instant', () => {
    expect(parseEpoch(1764036000, NOW)).toBe(1764036000_000);
    expect(parseEpoch(1764036000_000, NOW)).toBe(1764036000_000);
    expect(parseEpoch('1764036000', NOW)).toBe(1764036000_000);
  });
  it('rejects nonsense', () => {
    for (const v of [0, -1, NaN, Infinity, '', 'abc', null, undefined, {}, 1_000_000, Date.UTC(2014, 0, 1)]) {
      expect(parseEpoch(v, NOW)).toBeUndefined();
    }
    expect(parseEpoch(NOW + 400 * 86400_000, NOW)).toBeUndefined();
  });
});

describe('formatting', () => {
  it('shows Beijing time whatever the machine zone', () => {
    expect(formatBeijing(NOW)).toBe('2026-11-25 10:00');
  });
  it('formats durations for zh and en', () => {
    expect(formatDuration(26 * 3600_000)).toBe('1天2小时');
    expect(formatDuration(2 * 3600_000 + 5 * 60_000)).toBe('2小时05分');
    expect(formatDuration(12 * 60_000 + 30_000)).toBe('12分30秒');
    expect(formatDuration(-(12 * 60_000 + 30_000))).toBe('12分30秒');
    expect(formatDuration(2 * 3600_000 + 5 * 60_000, 'en')).toBe('2h 05m');
  });
});
