// Pure helpers of the 规则 section: numbers of the profile as the page shows them.

import {
  NATIONAL_CODES,
  type CiteStatus,
  type GradeKey,
  type Profile,
  type ResultCode,
  type ResultCodeJson,
  type UngradedRuleJson,
} from '../../api/types';

/** Element Plus tag type of a citation status: U orange (待核实), S grey (通行做法), P green (法定). */
export function statusTagType(status: CiteStatus): 'warning' | 'info' | 'success' {
  switch (status) {
    case 'U':
      return 'warning';
    case 'S':
      return 'info';
    default:
      return 'success';
  }
}

/** Basis points as a percent without trailing zeros: 2000 → "20", 2250 → "22.5". */
export function percent(basisPoints: number): string {
  return String(basisPoints / 100);
}

/** Hundredths as a score without trailing zeros: 7000 → "70", 8625 → "86.25". */
export function score(hundredths: number): string {
  return String(hundredths / 100);
}

// Every key of the profile's result codes has its national code (stops compiling when one is missing).
true satisfies GradeKey | Exclude<ResultCodeJson, object> extends keyof typeof NATIONAL_CODES ? true : false;

export type ResultCodeKey = keyof typeof NATIONAL_CODES;

/** The key of a result code in NATIONAL_CODES. */
export function codeKey(code: ResultCodeJson): ResultCodeKey {
  return typeof code === 'string' ? code : code.Graded;
}

/** The national system's code: "1".."4", "5A", "5B", "5C", "6A", "7". */
export function nationalCode(code: ResultCodeJson): ResultCode {
  return NATIONAL_CODES[codeKey(code)];
}

/** An ungraded rule as a locale key and its parameters (`rules.assessment.conditions.<key>`). */
export function condition(rule: UngradedRuleJson): {
  key: 'investigation' | 'discipline' | 'leave' | 'probation';
  params: Record<string, string | number>;
} {
  if (rule === 'Investigation') return { key: 'investigation', params: {} };
  if (rule === 'Discipline') return { key: 'discipline', params: {} };
  if ('Leave' in rule) return { key: 'leave', params: { days: rule.Leave.days_over } };
  return { key: 'probation', params: { months: rule.Probation.months } };
}

/** The leave rule (病事假 days over which a person is not assessed), if the profile has one. */
export function leaveRule(
  profile: Profile,
): { days: number; cite: Profile['assessment']['ungraded'][number]['cite'] } | null {
  for (const u of profile.assessment.ungraded) {
    if (typeof u.rule === 'object' && 'Leave' in u.rule) return { days: u.rule.Leave.days_over, cite: u.cite };
  }
  return null;
}
