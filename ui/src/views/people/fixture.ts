// A small shell for the 人员 tests: what `people_filters` and `people_page` answer for a database
// holding five people of the sample roster, written by crates/kaohe-desk/tests/ui_fixtures.rs
// (`KAOHE_BLESS=1` rewrites them, never by hand), and a `person` answer. `samplePage` answers a
// query from those rows the way the database does for the few things the page tests ask (search,
// 领导成员, sort by 任现职级时间, paging); the database's own filters and sorts are tested in
// crates/kaohe-desk/tests/people.rs.

import type { PeopleFilters, PeoplePage, PeopleQuery, PeopleRow, PersonDetail } from '../../api/people';
import grid from './grid.generated.json';
import tian from './tian.generated.json';

export const sampleFilters = grid.filters as PeopleFilters;

const pages = grid.pages as { year: number | null; page: PeoplePage }[];

/** Each person's row (in roster order) and result by year. */
const SAMPLE = (pages.find((p) => p.year === null)?.page.rows ?? []).map((row) => ({
  row,
  results: Object.fromEntries(
    pages.filter((p) => p.year !== null).map((p) => [p.year, p.page.rows.find((r) => r.id === row.id)?.result ?? null]),
  ) as Record<number, string | null>,
}));

/** The sample's answer to `query` (search by name or ID, 领导成员, sort by 任现职级时间, the page). */
export function samplePage(query: PeopleQuery): PeoplePage {
  let people = SAMPLE.filter(
    (p) =>
      (query.search === '' || p.row.name.includes(query.search) || p.row.id.includes(query.search)) &&
      (query.leader === null || p.row.leader === query.leader),
  );
  if (query.sort?.key === 'rank_since') {
    const sign = query.sort.descending ? -1 : 1;
    people = [...people].sort((a, b) => sign * a.row.rank_since.localeCompare(b.row.rank_since));
  }
  const rows = people
    .slice(query.offset, query.offset + query.limit)
    .map((p) => ({ ...p.row, result: query.year === null ? null : (p.results[query.year] ?? null) }) as PeopleRow);
  return { offset: query.offset, matched: people.length, total: SAMPLE.length, rows };
}

// 田建国's drawer on 2026-01-01 after two imports (he moved from 某县财政局 and was promoted from
// 三级主任科员 in between), as the shell sends it: written by crates/kaohe-desk/tests/ui_fixtures.rs
// (`KAOHE_BLESS=1` rewrites it), never by hand.
export const tianDetail = tian as unknown as PersonDetail;
