// What the 年度考核 page shows of an assessment report: pools with their people, already worded
// (flags, periods, consequence kinds and log actions in Chinese), and who may still be changed.

import type { AppError } from '../../api/error';
import {
  LOG_ACTIONS,
  UNGRADED_CODES,
  type AssessedPerson,
  type AssessmentFlag,
  type AssessmentLogEntry,
  type AssessmentPool,
  type AssessmentReport,
  type Consequence,
  type ConsequenceKind,
  type PoolMode,
  type Reason,
  type RegularCheck,
  type ResultCode,
} from '../../api/types';
import { i18n } from '../../i18n';

/** The default year: the last calendar year (assessments are made early in the next year). */
export function defaultYear(now: Date = new Date()): number {
  return now.getFullYear() - 1;
}

/** The years offered, newest first: next year back to ten years ago. */
export function yearChoices(now: Date = new Date()): number[] {
  const current = now.getFullYear();
  return Array.from({ length: 12 }, (_, i) => current + 1 - i);
}

export function flagLabel(flag: AssessmentFlag): string {
  return i18n.global.t(`assessment.flag.${flag}`);
}

export function modeLabel(mode: PoolMode): string {
  return i18n.global.t(`assessment.pool.mode.${mode}`);
}

export function kindLabel(kind: ConsequenceKind): string {
  return i18n.global.t(`assessment.consequence.kind.${kind}`);
}

export function actionLabel(action: string): string {
  return (LOG_ACTIONS as readonly string[]).includes(action)
    ? i18n.global.t(`assessment.log.action.${action}`)
    : action;
}

/** "Q1" → 第1季度, "M3" → 3月; anything else as it is. */
export function periodLabel(code: string): string {
  const { t } = i18n.global;
  const match = /^([QM])(\d{1,2})$/.exec(code);
  if (!match) return code;
  const n = Number(match[2]);
  return match[1] === 'Q' ? t('assessment.pool.quarter', { n }) : t('assessment.pool.month', { n });
}

/** 「第1季度：16人中“好”16人，上限6人」. */
export function regularCheckText(check: RegularCheck): string {
  return i18n.global.t('assessment.pool.regularCheck', {
    period: periodLabel(check.period),
    recorded: check.recorded,
    good: check.good,
    limit: check.limit,
  });
}

/** Not graded that year (5A/5B/5C/6A/7): no grade can be set. */
export function isUngraded(person: AssessedPerson): boolean {
  return person.code !== null && (UNGRADED_CODES as readonly ResultCode[]).includes(person.code);
}

/** Whether 「修改等次」 applies: the year is open and the person is graded. */
export function canOverride(person: AssessedPerson, finalized: boolean): boolean {
  return !finalized && !isUngraded(person);
}

export interface FlagCell {
  flag: AssessmentFlag;
  label: string;
}

export interface PersonRow {
  person: AssessedPerson;
  id: string;
  name: string;
  rank: string;
  tier: string;
  score: string;
  rankInPool: string;
  suggested: string;
  /** The final grade, 待定 while a tie is undecided, — when not graded. */
  final: string;
  /** The committee's grade differs from the suggestion. */
  adjusted: boolean;
  code: string;
  flags: FlagCell[];
  reasons: Reason[];
  ungraded: boolean;
}

export function toPersonRow(p: AssessedPerson): PersonRow {
  const { t } = i18n.global;
  const none = t('common.none');
  const ungraded = isUngraded(p);
  return {
    person: p,
    id: p.id,
    name: p.name,
    rank: p.rank,
    tier: p.tier ?? none,
    score: p.score === null ? none : p.score.toFixed(2),
    rankInPool: p.rank_in_pool === null ? none : String(p.rank_in_pool),
    suggested: p.suggested ?? none,
    final: p.final ?? (ungraded ? none : t('assessment.undecided')),
    adjusted: p.final !== null && p.final !== p.suggested,
    code: p.code ?? none,
    flags: p.flags.map((flag) => ({ flag, label: flagLabel(flag) })),
    reasons: p.reasons,
    ungraded,
  };
}

function sameOrgan(pool: AssessmentPool, p: AssessedPerson): boolean {
  return p.organ === pool.organ && p.pool === pool.pool;
}

/**
 * The pool's people as table rows: in a score-based pool by rank (the unranked after, in roster
 * order); in a proposal-based pool in roster order.
 */
export function poolRows(report: AssessmentReport, pool: AssessmentPool): PersonRow[] {
  const members = report.people.filter((p) => sameOrgan(pool, p));
  if (pool.mode === 'score') {
    const order = new Map(members.map((p, i) => [p.id, i]));
    members.sort((a, b) => {
      const ra = a.rank_in_pool ?? Number.MAX_SAFE_INTEGER;
      const rb = b.rank_in_pool ?? Number.MAX_SAFE_INTEGER;
      return ra - rb || (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0);
    });
  }
  return members.map(toPersonRow);
}

/** Names of the people tied at the pool's quota line. */
export function tiedNames(report: AssessmentReport, pool: AssessmentPool): string[] {
  const byId = new Map(report.people.map((p) => [p.id, p.name]));
  return pool.tied_at_line.map((id) => byId.get(id) ?? id);
}

/** How many final 优秀 exceed the quota (0 when within). */
export function overQuota(pool: AssessmentPool): number {
  return Math.max(0, pool.final_excellent - pool.quota);
}

/** A stable key for a pool. */
export function poolKey(pool: AssessmentPool): string {
  return `${pool.organ}·${pool.pool}`;
}

export interface ConsequenceRow {
  key: string;
  name: string;
  kind: string;
  due: string;
  reason: Reason;
}

export function consequenceRows(consequences: Consequence[]): ConsequenceRow[] {
  const none = i18n.global.t('common.none');
  return consequences.map((c, i) => ({
    key: `${c.id}-${c.kind}-${i}`,
    name: c.name,
    kind: kindLabel(c.kind),
    due: c.due ?? none,
    reason: c.reason,
  }));
}

export interface LogRow {
  key: number;
  at: string;
  action: string;
  person: string;
  from: string;
  to: string;
  reason: string;
  by: string;
}

/** The log as table rows; a person is named when the report knows the ID. */
export function logRows(log: AssessmentLogEntry[], report: AssessmentReport | null): LogRow[] {
  const none = i18n.global.t('common.none');
  const byId = new Map((report?.people ?? []).map((p) => [p.id, p.name]));
  return log.map((e, i) => ({
    key: i,
    at: e.at,
    action: actionLabel(e.action),
    person: e.id === null ? none : (byId.get(e.id) ?? e.id),
    from: e.from ?? none,
    to: e.to ?? none,
    reason: e.reason ?? none,
    by: e.by,
  }));
}

/** The problems listed in a `cannot_finalize` message ("…暂不能定稿：甲；乙"). */
export function finalizeProblems(error: AppError): string[] {
  const text = error.message;
  const colon = text.indexOf('：');
  const list = colon < 0 ? text : text.slice(colon + 1);
  return list
    .split('；')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** How an error is told in an ElMessage: its Chinese title, then the shell's message. */
export function errorText(error: AppError): string {
  const { t } = i18n.global;
  return t('common.errorLine', { title: t(`errors.${error.code}`), message: error.message });
}

/** Total 优秀 quota over all pools. */
export function totalQuota(report: AssessmentReport): number {
  return report.pools.reduce((sum, p) => sum + p.quota, 0);
}
