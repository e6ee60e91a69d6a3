// A small shell for the 人员 tests: `people_filters` and `people_page` answers over five people of
// the sample roster (shapes of kaohe_store::people, values from the sample), and a `person`
// answer. `samplePage` answers a query the way the database does for the few things the page
// tests ask (search, 领导成员, sort by 任现职级时间, paging); the database's own filters and sorts
// are tested in crates/kaohe-desk/tests/people.rs.

import type { PeopleFilters, PeoplePage, PeopleQuery, PeopleRow, PersonDetail } from '../../api/people';

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

export const tianDetail: PersonDetail = {
  as_of: '2026-01-01',
  person: {
    id: '330102198808060235',
    name: '田建国',
    gender: '男',
    birth: '1988-08-06',
    organ: '某市财政局',
    department: '办公室',
    category: '综合管理类',
    rank: '二级主任科员',
    rank_since: '2019-01-28',
    post: null,
    post_level: null,
    post_since: null,
    is_leader: false,
    education: '大学本科',
    work_start: '2010-07-01',
    service_start: '2013-09-01',
    level: null,
    level_since: null,
    step: null,
    step_since: null,
    political_status: null,
    duties: null,
    entry_method: null,
    left_on: null,
  },
  timeline: [
    {
      kind: 'added',
      date: '2025-12-20',
      value: '田建国',
      detail: null,
      previous: null,
      current: false,
      recorded_at: '2025-12-20 09:30:00',
      file: '名册示例.xlsx',
    },
    {
      kind: 'organ',
      date: null,
      value: '某市财政局',
      detail: null,
      previous: '某县财政局',
      current: true,
      recorded_at: '2025-12-20 09:30:00',
      file: '名册示例.xlsx',
    },
    {
      kind: 'rank',
      date: '2019-01-28',
      value: '二级主任科员',
      detail: null,
      previous: '三级主任科员',
      current: true,
      recorded_at: '2025-12-20 09:30:00',
      file: '名册示例.xlsx',
    },
    {
      kind: 'service_start',
      date: '2013-09-01',
      value: null,
      detail: null,
      previous: null,
      current: false,
      recorded_at: null,
      file: null,
    },
  ],
  results: [
    { year: 2022, code: '2', label: '称职' },
    { year: 2023, code: '3', label: '基本称职' },
    { year: 2024, code: '1', label: '优秀' },
  ],
  restrictions: [
    {
      kind: '警告',
      date: '2025-09-17',
      end: null,
      months: 6,
      until: '2026-03-16',
      state: 'active',
      cite: '《公务员法》第六十四条',
    },
  ],
  promotion: {
    id: '330102198808060235',
    name: '田建国',
    organ: '某市财政局',
    category: '综合管理类',
    rank: '二级主任科员',
    target_rank: '一级主任科员',
    required_months: 24,
    reduction_months: 6,
    reduction_years: [2024],
    counting_from: '2019-01-28',
    counted_months: 71,
    qualified: true,
    eligible: false,
    eligible_on: '2021-01-28',
    level: null,
    new_level: null,
    slot: null,
    blocks: [
      {
        code: 'sanction',
        until: '2026-03-16',
        reason: [{ text: '2025年9月17日受警告（影响期6个月，至2026年3月16日），影响期内不得晋升职级' }],
      },
    ],
    reasons: [
      [{ text: '任职年限已满足。' }],
      [{ text: '结论：任职年限已满足，但因处分影响期暂不能晋升一级主任科员。' }],
    ],
  },
};
