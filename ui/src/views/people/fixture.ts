// A small shell for the 人员 tests: `people_filters` and `people_page` answers over five people of
// the sample roster (shapes of kaohe_store::people, values from the sample), and a `person`
// answer. `samplePage` answers a query the way the database does for the few things the page
// tests ask (search, 领导成员, sort by 任现职级时间, paging); the database's own filters and sorts
// are tested in crates/kaohe-desk/tests/people.rs.

import type { PeopleFilters, PeoplePage, PeopleQuery, PeopleRow, PersonDetail } from '../../api/people';
import tian from './tian.generated.json';

export const sampleFilters: PeopleFilters = {
  total: 5,
  organs: ['某市财政局', '某县人力资源和社会保障局', '某县市场监督管理局'],
  categories: ['综合管理类', '行政执法类'],
  ranks: ['三级调研员', '二级主任科员', '一级科员', '二级主办'],
  years: [2023, 2024],
};

const row = (
  id: string,
  name: string,
  organ: string,
  department: string | null,
  category: string,
  rank: string,
  post: string | null,
  leader: boolean,
  rank_since: string,
  results: [string | null, string | null],
) => ({
  row: { id, name, organ, department, category, rank, post, leader, rank_since, result: null } as PeopleRow,
  results: { 2023: results[0], 2024: results[1] } as Record<number, string | null>,
});

const SAMPLE = [
  row('330102198808060235', '田建国', '某市财政局', '办公室', '综合管理类', '二级主任科员', null, false, '2019-01-28', [
    '3',
    '1',
  ]),
  row('330102199604250242', '马秀英', '某市财政局', '办公室', '综合管理类', '一级科员', null, false, '2024-07-28', [
    '2',
    '2',
  ]),
  row(
    '330521198710050558',
    '黄浩然',
    '某县人力资源和社会保障局',
    '就业股',
    '综合管理类',
    '三级调研员',
    '局长',
    true,
    '2024-03-01',
    ['1', '2'],
  ),
  row(
    '330522199707060860',
    '冯雅琴',
    '某县市场监督管理局',
    '执法大队',
    '行政执法类',
    '二级主办',
    null,
    false,
    '2022-07-01',
    ['2', null],
  ),
  row(
    '33052119850420056X',
    '胡雅琴',
    '某县人力资源和社会保障局',
    null,
    '综合管理类',
    '二级主任科员',
    null,
    false,
    '2021-12-01',
    ['5B', '2'],
  ),
];

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
