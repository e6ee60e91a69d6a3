import { describe, expect, it } from 'vitest';
import { formatMonths, formatServiceProgress } from './duration';
import { localToday } from './date';

describe('formatMonths', () => {
  it.each([
    [0, '0个月'],
    [5, '5个月'],
    [12, '1年'],
    [24, '2年'],
    [27, '2年3个月'],
    [78, '6年6个月'],
    [-3, '0个月'],
  ])('%i months → %s', (months, text) => {
    expect(formatMonths(months)).toBe(text);
  });
});

describe('formatServiceProgress', () => {
  it('shows counted and required months', () => {
    expect(formatServiceProgress(78, 24)).toBe('6年6个月 / 2年');
    expect(formatServiceProgress(11, 36)).toBe('11个月 / 3年');
  });

  it('shows only the counted months at the top of the ladder', () => {
    expect(formatServiceProgress(40, null)).toBe('3年4个月');
  });
});

describe('localToday', () => {
  it('writes the local date with zero padding', () => {
    expect(localToday(new Date(2025, 0, 5, 23, 59))).toBe('2025-01-05');
    expect(localToday(new Date(2025, 11, 31, 0, 0))).toBe('2025-12-31');
  });
});
