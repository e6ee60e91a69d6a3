// Commands about the annual assessment (年度考核): the year's report, and the committee's
// decisions on it (override a grade, approve a ratio, finalise, reopen), each recorded in the
// year's log.

import { call } from './call';
import type { AssessmentLogEntry, AssessmentReport, Grade } from './types';

/** The year's pools, people, suggested and final grades, and results usage. */
export function assessment(year: number): Promise<AssessmentReport> {
  return call('assessment', { year });
}

export interface OverrideRequest {
  year: number;
  /** 身份证号. */
  id: string;
  grade: Grade;
  /** Required; recorded in the log. */
  reason: string;
  /** 操作人, recorded in the log. */
  by: string;
}

/** Sets a person's final grade (refused on a finalised year, for an ungraded person, without a reason). */
export async function assessmentOverride(request: OverrideRequest): Promise<void> {
  const { year, id, grade, reason, by } = request;
  await call('assessment_override', { year, id, grade, reason, by });
}

/** 补定等次: the grade of a person the year left 5B, once the investigation closed (allowed in a finalised year; refused otherwise with the reason). */
export async function assessmentSupplement(request: OverrideRequest): Promise<void> {
  const { year, id, grade, reason, by } = request;
  await call('assessment_supplement', { year, id, grade, reason, by });
}

/** Stores the year's final grades and locks it; resolves with how many results were stored. */
export function assessmentFinalize(year: number, by: string): Promise<number> {
  return call('assessment_finalize', { year, by });
}

/** Unlocks a finalised year; the reason is required and recorded. */
export async function assessmentReopen(year: number, reason: string, by: string): Promise<void> {
  await call('assessment_reopen', { year, reason, by });
}

export interface RatioRequest {
  year: number;
  /** The organ the ratio is approved for (all its pools). */
  organ: string;
  /** Percent, e.g. 25; at most the profile's maximum. */
  percent: number;
  /** 批准依据: required; recorded in the log. */
  basis: string;
  /** 操作人, recorded in the log. */
  by: string;
}

/** Records a 优秀 ratio approved for an organ's year (refused above the maximum, on a finalised year, without a basis). */
export async function assessmentRatio(request: RatioRequest): Promise<void> {
  const { year, organ, percent, basis, by } = request;
  await call('assessment_ratio', { year, organ, percent, basis, by });
}

/** The year's audit trail, oldest first. */
export function assessmentLog(year: number): Promise<AssessmentLogEntry[]> {
  return call('assessment_log', { year });
}
