// A `dashboard` answer for the tests (the shape of src-tauri/src/dashboard.rs, numbers of the
// sample roster on 2026-01-01 with a 90-day horizon).

import type { Dashboard } from '../../api/dashboard';

export const sampleDashboard: Dashboard = {
  today: '2026-01-01',
  horizon_days: 90,
  horizon_end: '2026-04-01',
  people: 38,
  leaders: 2,
  by_organ: [
    { name: '某市财政局', count: 16 },
    { name: '某县人力资源和社会保障局', count: 11 },
    { name: '某县市场监督管理局', count: 11 },
  ],
  by_category: [
    { name: '综合管理类', count: 32 },
    { name: '行政执法类', count: 6 },
  ],
  by_rank: [
    { name: '三级调研员', count: 6 },
    { name: '一级科员', count: 7 },
  ],
  assessment: {
    year: 2025,
    state: 'in_progress',
    finalized_on: null,
    inputs: 28,
    regular: 16,
    results: 0,
    overrides: 0,
  },
  grades: {
    year: 2025,
    source: 'in_progress',
    organs: [
      { organ: '某市财政局', grades: [3, 11, 1, 0], ungraded: 1, none: 0 },
      { organ: '某县人力资源和社会保障局', grades: [2, 8, 1, 0], ungraded: 0, none: 0 },
      { organ: '某县市场监督管理局', grades: [0, 0, 0, 0], ungraded: 1, none: 10 },
    ],
  },
  alerts: {
    eligible: [
      {
        id: '330521198710050558',
        name: '黄浩然',
        organ: '某县人力资源和社会保障局',
        rank: '三级调研员',
        target_rank: '二级调研员',
        eligible_on: '2026-03-01',
        blocks: [],
      },
      {
        id: '330521199201270581',
        name: '梁雅琴',
        organ: '某县人力资源和社会保障局',
        rank: '一级科员',
        target_rank: '四级主任科员',
        eligible_on: '2026-03-28',
        blocks: [{ code: 'admonition', until: '2026-05-01' }],
      },
    ],
    restrictions: [
      {
        id: '330102198611050316',
        name: '王宏伟',
        organ: '某市财政局',
        kind: '诫勉',
        date: '2025-07-22',
        until: '2026-01-21',
      },
      {
        id: '330102198808060235',
        name: '田建国',
        organ: '某市财政局',
        kind: '警告',
        date: '2025-09-17',
        until: '2026-03-16',
      },
    ],
    probations: [],
    steps: [],
    probation_rule: true,
  },
};
