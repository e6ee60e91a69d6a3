// What the 人员 grid shows of the `people` columns: one light row object per person (texts
// shared with the look-up lists), and the filters and search as pure functions over them, fast
// enough for 100,000 people on every keystroke.

import type { NationalCode, PeopleGrid, PersonDetail, TimelineEntry } from '../../api/people';
import type { PromotionPerson } from '../../api/types';
import { i18n } from '../../i18n';

export interface PersonRow {
  /** Position in the grid's columns (roster order). */
  index: number;
  id: string;
  name: string;
  organ: string;
  department: string;
  category: string;
  rank: string;
  post: string;
  leader: boolean;
  rankSince: string;
}

/** The result filter: a national code, any 不定等次 code, or no result that year. */
export type GradeFilter = NationalCode | 'ungraded' | 'none';

/** The codes of 不定等次 / 不参加考核. */
export const UNGRADED: readonly NationalCode[] = ['5A', '5B', '5C', '6A', '7'];

/** The choices of the result filter, in the order shown. */
export const GRADE_FILTERS: readonly GradeFilter[] = ['1', '2', '3', '4', 'ungraded', 'none'];

export interface Filters {
  /** Index into `grid.organs`, or null for all. */
  organ: number | null;
  category: number | null;
  rank: number | null;
  /** 领导成员: 'yes', 'no' or null for all. */
  leader: 'yes' | 'no' | null;
  /** The year whose result is shown and filtered on; null when the database has none. */
  year: number | null;
  grade: GradeFilter | null;
  /** Name or ID, as typed. */
  search: string;
}

export function emptyFilters(grid: PeopleGrid | null): Filters {
  const years = grid?.years ?? [];
  return { organ: null, category: null, rank: null, leader: null, year: years.length ? years[years.length - 1]! : null, grade: null, search: '' };
}

/** The rows of a grid, in roster order. */
export function toRows(grid: PeopleGrid): PersonRow[] {
  const rows: PersonRow[] = new Array(grid.id.length);
  for (let i = 0; i < grid.id.length; i++) {
    const department = grid.department[i];
    rows[i] = {
      index: i,
      id: grid.id[i]!,
      name: grid.name[i]!,
      organ: grid.organs[grid.organ[i]!]!,
      department: department === null || department === undefined ? '' : grid.departments[department]!,
      category: grid.categories[grid.category[i]!]!,
      rank: grid.ranks[grid.rank[i]!]!,
      post: grid.post[i] ?? '',
      leader: grid.leader[i]!,
      rankSince: grid.rank_since[i]!,
    };
  }
  return rows;
}

/** The text a clerk types, compared without spaces (full-width ones too) and case (the ID's X). */
export function normalise(text: string): string {
  return text.replace(/[\s\u3000]+/g, '').toUpperCase();
}

/** The person's result code in `year`, or null. */
export function resultOf(grid: PeopleGrid, year: number | null, index: number): NationalCode | null {
  if (year === null) return null;
  const k = grid.years.indexOf(year);
  return k < 0 ? null : (grid.results[k]![index] ?? null);
}

function gradeMatches(filter: GradeFilter, code: NationalCode | null): boolean {
  if (filter === 'none') return code === null;
  if (filter === 'ungraded') return code !== null && UNGRADED.includes(code);
  return code === filter;
}

/**
 * The rows that pass every filter, in roster order. The search matches a name containing the
 * text, or an ID containing it (so the last digits of an ID find the person too).
 */
export function filterRows(grid: PeopleGrid, rows: PersonRow[], f: Filters): PersonRow[] {
  const search = normalise(f.search);
  const column = f.grade !== null && f.year !== null ? grid.results[grid.years.indexOf(f.year)] : undefined;
  if (f.grade !== null && f.year !== null && column === undefined && f.grade !== 'none') return [];
  const out: PersonRow[] = [];
  for (const row of rows) {
    const i = row.index;
    if (f.organ !== null && grid.organ[i] !== f.organ) continue;
    if (f.category !== null && grid.category[i] !== f.category) continue;
    if (f.rank !== null && grid.rank[i] !== f.rank) continue;
    if (f.leader !== null && grid.leader[i] !== (f.leader === 'yes')) continue;
    if (f.grade !== null && f.year !== null && !gradeMatches(f.grade, column ? (column[i] ?? null) : null)) continue;
    if (search && !normalise(row.name).includes(search) && !row.id.includes(search)) continue;
    out.push(row);
  }
  return out;
}

/** 「优秀」 for a code, 「—」 for none. */
export function resultLabel(code: NationalCode | null): string {
  const { t } = i18n.global;
  return code === null ? t('common.none') : t(`people.grade.${code}`);
}

export function gradeFilterLabel(filter: GradeFilter): string {
  return i18n.global.t(`people.grade.${filter}`);
}

/** The drawer's 是否符合 wording. */
export function promotionStatus(p: PromotionPerson): string {
  const { t } = i18n.global;
  if (p.target_rank === null) return t('people.drawer.status.topOfLadder');
  if (p.eligible) return t('people.drawer.status.eligible');
  if (p.qualified) return t('people.drawer.status.blocked');
  return t('people.drawer.status.notYet');
}

/** 「任二级主任科员」, 「在某市财政局」, 「首次导入」 … */
export function timelineTitle(e: TimelineEntry): string {
  return i18n.global.t(`people.drawer.timelineKind.${e.kind}`, { value: e.value ?? '' });
}

/** 「原四级主任科员 · 2025-04-02 10:00:00 导入「名册.xlsx」时记录」, or ''. */
export function timelineNote(e: TimelineEntry): string {
  const { t } = i18n.global;
  const parts: string[] = [];
  if (e.detail) parts.push(e.detail);
  if (e.previous) parts.push(t('people.drawer.previous', { previous: e.previous }));
  if (e.recorded_at && e.file && e.kind !== 'work_start' && e.kind !== 'service_start') parts.push(t('people.drawer.recorded', { at: e.recorded_at, file: e.file }));
  return parts.join(' · ');
}

/** 「22级（2020-01-01起）」 or 「—」. */
export function levelText(detail: PersonDetail): string {
  const { t } = i18n.global;
  const p = detail.person;
  if (p.level === null) return t('common.none');
  return p.level_since ? t('people.drawer.levelValue', { level: p.level, since: p.level_since }) : String(p.level);
}

export function stepText(detail: PersonDetail): string {
  const { t } = i18n.global;
  const p = detail.person;
  if (p.step === null) return t('common.none');
  return p.step_since ? t('people.drawer.stepValue', { step: p.step, since: p.step_since }) : String(p.step);
}

/** The columns the grid sorts on (a header click): text by pinyin, rank by the ladder (highest first). */
export type SortKey = 'name' | 'id' | 'organ' | 'department' | 'category' | 'rank' | 'rankSince' | 'post';

export interface Sort {
  key: SortKey;
  order: 'asc' | 'desc';
}

const collator = new Intl.Collator('zh-Hans-CN-u-co-pinyin');

/** The rows in the asked order; equal keys keep roster order. A new array; `rows` is untouched. */
export function sortRows(grid: PeopleGrid, rows: PersonRow[], sort: Sort | null): PersonRow[] {
  if (sort === null) return rows;
  const sign = sort.order === 'asc' ? 1 : -1;
  const key = sort.key;
  const compare =
    key === 'rank'
      ? (a: PersonRow, b: PersonRow) => grid.rank[a.index]! - grid.rank[b.index]!
      : key === 'organ'
        ? (a: PersonRow, b: PersonRow) => grid.organ[a.index]! - grid.organ[b.index]!
        : key === 'id' || key === 'rankSince'
          ? (a: PersonRow, b: PersonRow) => (a[key] < b[key] ? -1 : a[key] > b[key] ? 1 : 0)
          : (a: PersonRow, b: PersonRow) => collator.compare(a[key], b[key]);
  return [...rows].sort((a, b) => sign * compare(a, b) || a.index - b.index);
}
