import { describe, expect, it } from 'vitest';
import type { AssessedPerson } from '../../api/types';
import { actionLabel, canOverride, isUngraded } from './data';
import { LOG_ACTIONS } from '../../api/types';
import { sampleReport } from './fixture';

/** A person of the sample report with another result code. */
function withCode(code: AssessedPerson['code']): AssessedPerson {
  const person = sampleReport.people[0];
  if (!person) throw new Error('the sample report has people');
  return { ...person, final: null, suggested: null, code };
}

describe('who is not graded', () => {
  it('counts every national code but 1–4 as not graded, 7 (其他) included', () => {
    expect((['5A', '5B', '5C', '6A', '7'] as const).map((code) => isUngraded(withCode(code)))).toEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
    expect((['1', '2', '3', '4'] as const).map((code) => isUngraded(withCode(code)))).toEqual([
      false,
      false,
      false,
      false,
    ]);
    expect(isUngraded(withCode(null))).toBe(false);
  });

  it('offers 修改等次 only to graded people of an open year', () => {
    expect(canOverride(withCode('7'), false)).toBe(false);
    expect(canOverride(withCode(null), false)).toBe(true);
    expect(canOverride(withCode('2'), true)).toBe(false);
  });
});

describe('the log of a year in Chinese', () => {
  it('names every action the shell records, 补定等次 included', () => {
    expect(LOG_ACTIONS.map(actionLabel)).toEqual(['修改等次', '补定等次', '批准优秀比例', '定稿', '重新打开']);
    expect(actionLabel('something_else')).toBe('something_else');
  });
});
