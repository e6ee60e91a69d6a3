// What the 人员 grid shows of the `people_page` answers: the filters as the clerk set them and
// the query they make, and the grid's rows — loaded ones, and placeholders for the rows of pages
// not yet asked for (the grid holds one row per person matched, but only the pages scrolled to
// are read from the database).

import type {
  GradeFilter as QueryGrade,
  NationalCode,
  PeopleFilters,
  PeoplePage,
  PeopleQuery,
  PeopleRow,
  PeopleSortKey,
  PersonDetail,
  TimelineEntry,
} from '../../api/people';
import { RESULT_LABELS, type PromotionPerson } from '../../api/types';
import { i18n } from '../../i18n';

/** Rows per `people_page` call: a few screens, so a scroll asks the database now and then. */
export const PAGE = 200;

export interface PersonRow {
  /** Row key: the ID, or `#<index>` while the row's page is being read. */
  key: string;
  /** Position among the people matched. */
  index: number;
  /** False for a placeholder. */
  loaded: boolean;
  id: string;
  name: string;
  organ: string;
  department: string;
  category: string;
  rank: string;
  post: string;
  leader: boolean;
  rankSince: string;
  /** The result in the filters' year. */
  result: NationalCode | null;
}

/** The result filter: a national code, any 不定等次 code, or no result that year. */
export type GradeFilter = NationalCode | 'ungraded' | 'none';

/** The choices of the result filter, in the order shown. */
export const GRADE_FILTERS: readonly GradeFilter[] = ['1', '2', '3', '4', 'ungraded', 'none'];

export interface Filters {
  organ: string | null;
  category: string | null;
  rank: string | null;
  /** 领导成员: 'yes', 'no' or null for all. */
  leader: 'yes' | 'no' | null;
  /** The year whose result is shown and filtered on; null when the database has none. */
  year: number | null;
  grade: GradeFilter | null;
  /** Name or ID, as typed. */
  search: string;
}

/** No filter, on the latest year with results. */
export function emptyFilters(options: PeopleFilters | null): Filters {
  const years = options?.years ?? [];
  return {
    organ: null,
    category: null,
    rank: null,
    leader: null,
    year: years.length ? years[years.length - 1]! : null,
    grade: null,
    search: '',
  };
}

/** Whether any filter or the search narrows the list. */
export function isFiltered(f: Filters): boolean {
  return (
    f.organ !== null ||
    f.category !== null ||
    f.rank !== null ||
    f.leader !== null ||
    (f.grade !== null && f.year !== null) ||
    f.search.trim() !== ''
  );
}

/** The columns the grid sorts on (a header click): text by pinyin, rank by the ladder (highest first). */
export type SortKey = 'name' | 'id' | 'organ' | 'department' | 'category' | 'rank' | 'rankSince' | 'post';

export interface Sort {
  key: SortKey;
  order: 'asc' | 'desc';
}

const SORT_KEYS: Record<SortKey, PeopleSortKey> = {
  name: 'name',
  id: 'id',
  organ: 'organ',
  department: 'department',
  category: 'category',
  rank: 'rank',
  rankSince: 'rank_since',
  post: 'post',
};

/** The `people_page` query of a page of rows. */
export function toQuery(f: Filters, sort: Sort | null, offset: number, limit = PAGE): PeopleQuery {
  const grade: QueryGrade | null =
    f.grade === null ? null : f.grade === 'ungraded' || f.grade === 'none' ? f.grade : { code: f.grade };
  return {
    search: f.search,
    organ: f.organ,
    category: f.category,
    rank: f.rank,
    leader: f.leader === null ? null : f.leader === 'yes',
    year: f.year,
    grade,
    sort: sort === null ? null : { key: SORT_KEYS[sort.key], descending: sort.order === 'desc' },
    offset,
    limit,
  };
}

export function toRow(r: PeopleRow, index: number): PersonRow {
  return {
    key: r.id,
    index,
    loaded: true,
    id: r.id,
    name: r.name,
    organ: r.organ,
    department: r.department ?? '',
    category: r.category,
    rank: r.rank,
    post: r.post ?? '',
    leader: r.leader,
    rankSince: r.rank_since,
    result: r.result,
  };
}

export function placeholder(index: number): PersonRow {
  return {
    key: `#${index}`,
    index,
    loaded: false,
    id: '',
    name: '',
    organ: '',
    department: '',
    category: '',
    rank: '',
    post: '',
    leader: false,
    rankSince: '',
    result: null,
  };
}

/** The grid's rows after the first page: that page, then a placeholder for every other person matched. */
export function firstRows(page: PeoplePage): PersonRow[] {
  const rows: PersonRow[] = new Array<PersonRow>(page.matched);
  for (let i = 0; i < page.matched; i++) rows[i] = i < page.rows.length ? toRow(page.rows[i]!, i) : placeholder(i);
  return rows;
}

/** `rows` with a page read in (a new array; `rows` is untouched). */
export function withPage(rows: PersonRow[], page: PeoplePage): PersonRow[] {
  const next = rows.slice();
  page.rows.forEach((r, k) => {
    const i = page.offset + k;
    if (i < next.length) next[i] = toRow(r, i);
  });
  return next;
}

/** The pages (numbered from 0) that hold the rows `start`..`end` (inclusive) and are not in `asked`. */
export function pagesFor(start: number, end: number, asked: ReadonlySet<number>): number[] {
  const out: number[] = [];
  if (end < start) return out;
  for (let p = Math.floor(Math.max(0, start) / PAGE); p <= Math.floor(end / PAGE); p++) if (!asked.has(p)) out.push(p);
  return out;
}

/** 「优秀」 for a code, as the rules name it (「5B」: 立案调查未结案不定等次); 「—」 for none. */
export function resultLabel(code: NationalCode | null): string {
  return code === null ? i18n.global.t('common.none') : RESULT_LABELS[code];
}

export function gradeFilterLabel(filter: GradeFilter): string {
  return filter === 'ungraded' || filter === 'none' ? i18n.global.t(`people.grade.${filter}`) : RESULT_LABELS[filter];
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

/**
 * 「原四级主任科员 · 2025-04-02 10:00:00 导入「名册.xlsx」时记录」, 「某组字〔2015〕7号 · 见名册「职级变动」表第3行」,
 * or ''.
 */
export function timelineNote(e: TimelineEntry): string {
  const { t } = i18n.global;
  const parts: string[] = [];
  if (e.detail) parts.push(e.detail);
  if (e.previous) parts.push(t('people.drawer.previous', { previous: e.previous }));
  if (e.recorded_at && e.file && e.kind !== 'work_start' && e.kind !== 'service_start')
    parts.push(t('people.drawer.recorded', { at: e.recorded_at, file: e.file }));
  if (e.source) parts.push(t('people.drawer.fromRecords', { source: e.source }));
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
