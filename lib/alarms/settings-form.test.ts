import { describe, expect, it } from 'vitest';
import { isOvernight, parseMinutes, parseThresholds, segmentValid, thresholdsToText } from './settings-form';

const MIN = 60_000;

describe('thresholds text', () => {
  it('round-trips the defaults, largest first', () => {
    expect(thresholdsToText([0, 10 * MIN, 120 * MIN, 30 * MIN])).toBe('120, 30, 10, 0');
    expect(parseThresholds('120, 30, 10, 0')).toEqual([120 * MIN, 30 * MIN, 10 * MIN, 0]);
  });

  it('accepts Chinese commas, 、 and spaces, drops duplicates, and allows an empty list', () => {
    expect(parseThresholds('10，60、 5  5')).toEqual([60 * MIN, 10 * MIN, 5 * MIN]);
    expect(parseThresholds('  ')).toEqual([]);
  });

  it('rejects fractions, negatives, words, more than a week and more than 10 entries', () => {
    for (const bad of ['1.5', '-5', '十', '10080 10081', '1 2 3 4 5 6 7 8 9 10 11'])
      expect(parseThresholds(bad)).toBeUndefined();
    expect(parseThresholds('10080')).toEqual([10080 * MIN]);
  });
});

describe('minutes and segments', () => {
  it('parses whole minutes within the bound', () => {
    expect(parseMinutes(' 60 ', 1440)).toBe(60 * MIN);
    expect(parseMinutes('0', 1440)).toBe(0);
    expect(parseMinutes('1441', 1440)).toBeUndefined();
    expect(parseMinutes('', 1440)).toBeUndefined();
  });

  it('validates segments and tells overnight ones', () => {
    expect(segmentValid({ start: '09:00', end: '18:00' })).toBe(true);
    expect(segmentValid({ start: '09:00', end: '09:00' })).toBe(false);
    expect(segmentValid({ start: '9:00', end: '18:00' })).toBe(false);
    expect(isOvernight({ start: '22:00', end: '02:00' })).toBe(true);
    expect(isOvernight({ start: '09:00', end: '00:00' })).toBe(true);
    expect(isOvernight({ start: '09:00', end: '24:00' })).toBe(false);
    expect(isOvernight({ start: '09:00', end: '18:00' })).toBe(false);
  });
});
