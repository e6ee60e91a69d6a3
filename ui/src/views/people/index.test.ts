import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { clearMocks } from '@tauri-apps/api/mocks';
import { fakeShell, type ShellAnswers, type ShellCall } from '../../test-utils';
import { i18n } from '../../i18n';
import type { PeopleQuery } from '../../api/people';
import { PAGE, emptyFilters, firstRows, isFiltered, pagesFor, resultLabel, toQuery, withPage } from './data';
import { sampleFilters, samplePage, tianDetail } from './fixture';
import PeoplePage from './index.vue';
import { ElTableV2, type TableV2Instance } from 'element-plus';

describe('people grid data', () => {
  it('starts on the latest year with no filter', () => {
    expect(emptyFilters(sampleFilters)).toEqual({
      organ: null,
      category: null,
      rank: null,
      leader: null,
      year: 2024,
      grade: null,
      search: '',
    });
    expect(emptyFilters(null).year).toBeNull();
    expect(isFiltered(emptyFilters(sampleFilters))).toBe(false);
    expect(isFiltered({ ...emptyFilters(sampleFilters), search: ' ' })).toBe(false);
    expect(isFiltered({ ...emptyFilters(sampleFilters), organ: '某市财政局' })).toBe(true);
  });

  it('asks the database for what the filters, the sort and the page say', () => {
    const f = {
      ...emptyFilters(sampleFilters),
      organ: '某市财政局',
      leader: 'no' as const,
      grade: '1' as const,
      search: '田',
    };
    expect(toQuery(f, { key: 'rankSince', order: 'desc' }, 400)).toEqual({
      search: '田',
      organ: '某市财政局',
      category: null,
      rank: null,
      leader: false,
      year: 2024,
      grade: { code: '1' },
      sort: { key: 'rank_since', descending: true },
      offset: 400,
      limit: PAGE,
    });
    expect(toQuery({ ...f, grade: 'ungraded' }, null, 0).grade).toBe('ungraded');
    expect(toQuery({ ...f, grade: 'none', leader: null }, null, 0)).toMatchObject({
      grade: 'none',
      leader: null,
      sort: null,
    });
  });

  it('holds a row per person matched: the first page read, placeholders for the rest, filled as pages come', () => {
    const page = {
      offset: 0,
      matched: 450,
      total: 1000,
      rows: samplePage({ ...toQuery(emptyFilters(sampleFilters), null, 0) }).rows,
    };
    const rows = firstRows(page);
    expect(rows).toHaveLength(450);
    expect(rows[2]).toEqual({
      key: '330521198710050558',
      index: 2,
      loaded: true,
      id: '330521198710050558',
      name: '黄浩然',
      organ: '某县人力资源和社会保障局',
      department: '就业股',
      category: '综合管理类',
      rank: '三级调研员',
      post: '局长',
      leader: true,
      rankSince: '2024-03-01',
      result: '2',
    });
    expect(rows[3]).toMatchObject({ name: '胡雅琴', department: '' });
    expect(rows[5]).toMatchObject({ key: '#5', index: 5, loaded: false, name: '' });
    const later = withPage(rows, { offset: 400, matched: 450, total: 1000, rows: page.rows.slice(0, 2) });
    expect(later[400]).toMatchObject({ key: '330102198808060235', index: 400, loaded: true, name: '田建国' });
    expect(later[402]!.loaded).toBe(false);
    expect(rows[400]!.loaded).toBe(false);
  });

  it('asks for the pages of the rows about to show, once', () => {
    expect(pagesFor(0, 30, new Set([0]))).toEqual([]);
    expect(pagesFor(190, 230, new Set([0]))).toEqual([1]);
    expect(pagesFor(390, 810, new Set([2]))).toEqual([1, 3, 4]);
    expect(pagesFor(5, 4, new Set())).toEqual([]);
    expect(resultLabel('5B')).toBe('立案调查未结案不定等次');
    expect(resultLabel('6A')).toBe('病事假累计超过半年不定等次');
    expect(resultLabel(null)).toBe('—');
  });
});

class FixedResizeObserver {
  constructor(private readonly callback: ResizeObserverCallback) {}
  observe(target: Element): void {
    this.callback(
      [{ target, contentRect: { width: 1400, height: 600 } } as unknown as ResizeObserverEntry],
      this as unknown as ResizeObserver,
    );
  }
  unobserve(): void {}
  disconnect(): void {}
}

describe('people page', () => {
  let calls: ShellCall[];
  /** The sample's answers. */
  const sample: ShellAnswers = {
    people_filters: () => sampleFilters,
    people_page: ({ query }: { query: PeopleQuery }) => samplePage(query),
    person: () => tianDetail,
  };
  beforeAll(() => {
    (window as unknown as { ResizeObserver: unknown }).ResizeObserver = FixedResizeObserver;
  });
  beforeEach(() => {
    calls = fakeShell(sample);
  });
  afterEach(() => {
    clearMocks();
    document.body.innerHTML = '';
  });

  function mountPage() {
    return mount(PeoplePage, { props: { active: true }, global: { plugins: [i18n] }, attachTo: document.body });
  }

  it('shows everyone in the grid with the count, and narrows by search and filters', async () => {
    const page = mountPage();
    await flushPromises();
    expect(calls.map((c) => c.cmd)).toEqual(['people_filters', 'people_page']);
    expect(calls[1]!.args.query as PeopleQuery).toMatchObject({ year: 2024, offset: 0, limit: PAGE, search: '' });
    expect(page.get('[data-test="people-count"]').text()).toBe('共 5 人');
    expect(page.find('[data-test="people-grid"]').exists()).toBe(true);
    const row = page.get('[data-test="people-row-330521198710050558"]');
    expect(row.text()).toContain('黄浩然');
    expect(row.text()).toContain('某县人力资源和社会保障局');
    expect(row.text()).toContain('三级调研员');
    expect(row.text()).toContain('局长');
    expect(row.get('[data-test="people-result"]').text()).toBe('称职');
    expect(page.text()).toContain('2024年度考核');

    vi.useFakeTimers();
    await page.get('input[data-test="people-search"]').setValue('雅琴');
    // The search asks once the clerk pauses typing.
    expect(calls.filter((c) => c.cmd === 'people_page')).toHaveLength(1);
    await vi.runAllTimersAsync();
    vi.useRealTimers();
    await flushPromises();
    expect((calls[calls.length - 1]!.args.query as PeopleQuery).search).toBe('雅琴');
    expect(page.get('[data-test="people-count"]').text()).toBe('符合条件 2 人（共 5 人）');
    expect(page.find('[data-test="people-row-330102198808060235"]').exists()).toBe(false);
    expect(page.find('[data-test="people-row-33052119850420056X"]').exists()).toBe(true);

    await page.get('[data-test="people-reset"]').trigger('click');
    await flushPromises();
    expect(page.get('[data-test="people-count"]').text()).toBe('共 5 人');

    // 领导成员: 是 — the select's options are in a popper under body.
    await page.get('[data-test="people-filter-leader"] .el-select__wrapper').trigger('click');
    await flushPromises();
    const yes = [...document.querySelectorAll('.el-select-dropdown__item')].find(
      (o) => o.textContent?.trim() === '是',
    ) as HTMLElement;
    yes.click();
    await flushPromises();
    expect(page.get('[data-test="people-count"]').text()).toBe('符合条件 1 人（共 5 人）');
    expect(page.find('[data-test="people-row-330521198710050558"]').exists()).toBe(true);
    page.unmount();
  });

  it('asks for the page of the rows scrolled to, once', async () => {
    // 1,000 people: the first page holds 200, the rest are placeholders until scrolled to.
    const big = (query: PeopleQuery) => {
      const rows = Array.from({ length: Math.max(0, Math.min(query.limit, 1000 - query.offset)) }, (_, k) => ({
        ...samplePage({ ...query, offset: 0, limit: 1 }).rows[0]!,
        id: `ID${query.offset + k}`,
        name: `人员${query.offset + k}`,
      }));
      return { offset: query.offset, matched: 1000, total: 1000, rows };
    };
    calls = fakeShell({
      people_filters: () => ({ ...sampleFilters, total: 1000 }),
      people_page: ({ query }: { query: PeopleQuery }) => big(query),
    });
    const page = mountPage();
    await flushPromises();
    expect(page.get('[data-test="people-count"]').text()).toBe('共 1000 人');
    const offsets = () => calls.filter((c) => c.cmd === 'people_page').map((c) => (c.args.query as PeopleQuery).offset);
    expect(offsets()).toEqual([0]);
    (page.findComponent(ElTableV2).vm as unknown as TableV2Instance).scrollToRow(450, 'start');
    await flushPromises();
    await new Promise((resolve) => requestAnimationFrame(resolve));
    await flushPromises();
    expect(offsets()).toContain(400);
    expect(offsets().filter((o) => o === 400)).toHaveLength(1);
    expect(page.find('[data-test="people-row-ID450"]').exists()).toBe(true);
    expect(page.text()).toContain('人员450');
    page.unmount();
  });

  it('shows the answer to the latest question when an older one answers last', async () => {
    let answerSlow: (() => void) | null = null;
    calls = fakeShell({
      ...sample,
      people_page: ({ query }: { query: PeopleQuery }) =>
        query.search === '田'
          ? new Promise((resolve) => (answerSlow = () => resolve(samplePage(query))))
          : samplePage(query),
    });
    const page = mountPage();
    await flushPromises();
    vi.useFakeTimers();
    await page.get('input[data-test="people-search"]').setValue('田');
    await vi.runAllTimersAsync();
    await page.get('input[data-test="people-search"]').setValue('雅琴');
    await vi.runAllTimersAsync();
    vi.useRealTimers();
    await flushPromises();
    expect(page.get('[data-test="people-count"]').text()).toBe('符合条件 2 人（共 5 人）');
    expect(answerSlow).not.toBeNull();
    answerSlow!();
    await flushPromises();
    expect(page.get('[data-test="people-count"]').text()).toBe('符合条件 2 人（共 5 人）');
    expect(page.find('[data-test="people-row-330102198808060235"]').exists()).toBe(false);
    page.unmount();
  });

  it('sorts when a header is clicked', async () => {
    const page = mountPage();
    await flushPromises();
    const order = () =>
      page.findAll('[data-test^="people-row-"]').map((r) => r.attributes('data-test')!.slice('people-row-'.length));
    expect(order()[0]).toBe('330102198808060235');
    const header = page.findAll('.el-table-v2__header-cell').find((c) => c.text().includes('任现职级时间'))!;
    await header.trigger('click');
    await flushPromises();
    // 任现职级时间 ascending: 田建国 2019-01-28 … 马秀英 2024-07-28.
    expect(order()).toEqual([
      '330102198808060235',
      '33052119850420056X',
      '330522199707060860',
      '330521198710050558',
      '330102199604250242',
    ]);
    page.unmount();
  });

  it('opens the drawer of a clicked row with its timeline, results, restriction and promotion', async () => {
    const page = mountPage();
    await flushPromises();
    await page.get('[data-test="people-row-330102198808060235"]').trigger('click');
    await flushPromises();
    expect(calls.find((c) => c.cmd === 'person')?.args).toEqual({ id: '330102198808060235' });

    const drawer = document.querySelector('[data-test="person-drawer"]');
    expect(drawer).not.toBeNull();
    const text = (sel: string) => document.querySelector(`[data-test="${sel}"]`)?.textContent?.trim();
    expect(text('person-name')).toBe('田建国');
    expect(text('person-id')).toBe('330102198808060235');
    expect(text('person-rank')).toBe('二级主任科员');
    expect(text('person-rank-since')).toBe('2019-01-28');
    expect(text('promotion-status')).toBe('年限已满，受限制');
    expect(text('promotion-target')).toBe('一级主任科员');
    expect(text('promotion-months')).toBe('5年11个月 / 2年');
    expect(text('promotion-eligible-on')).toBe('2021-01-28');
    // A 警告's 处分期 (政务处分法 第八条), citing its rule.
    expect(text('promotion-blocks')).toContain('受警告（处分期6个月，至2026年3月16日），处分期内不得晋升职级〔依据：');

    const timeline = [...document.querySelectorAll('[data-test="timeline-entry"]')].map((e) =>
      e.textContent?.replace(/\s+/g, ' ').trim(),
    );
    // Newest first: the move and the first import (both seen on 2025-12-20), the rank now (its date
    // on the roster, the rank before it, the row of the roster's 职级变动 sheet), the rank the first
    // import held, a rank before the first import that only the 职级变动 sheet knows (with its 文号),
    // then the start of service.
    expect(timeline[0]).toContain('在某市财政局原某县财政局');
    expect(timeline[1]).toContain('首次导入');
    expect(timeline[2]).toContain('任二级主任科员');
    expect(timeline[2]).toContain('现任');
    expect(timeline[2]).toContain('原三级主任科员');
    expect(timeline[2]).toContain('2019-01-28');
    expect(timeline[2]).toContain('见名册「职级变动」表第3行');
    expect(timeline[3]).toContain('任三级主任科员');
    expect(timeline[3]).not.toContain('现任');
    expect(timeline[4]).toContain('任四级主任科员');
    expect(timeline[4]).toContain('2016-03-01');
    expect(timeline[4]).toContain('某组字〔2016〕3号 · 见名册「职级变动」表第2行');
    expect(timeline[5]).toContain('进入公务员队伍');
    expect(timeline).toHaveLength(7);

    const results = [...document.querySelectorAll('[data-test="person-results"] .el-table__body tr')].map((tr) =>
      [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim()),
    );
    expect(results).toEqual([
      ['2022', '称职', '2'],
      ['2023', '基本称职', '3'],
      ['2024', '优秀', '1'],
    ]);
    const restrictions = [...document.querySelectorAll('[data-test="person-restrictions"] .el-table__body tr')].map(
      (tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim()),
    );
    // A 警告 is a 处分: its period is a 处分期 (政务处分法 第八条), as the rules name it.
    expect(restrictions).toEqual([['警告（6个月）', '2025-09-17', '2026-03-16', '处分期内']]);
    page.unmount();
  });

  it('shows an unknown person as an error in the drawer', async () => {
    const page = mountPage();
    await flushPromises();
    fakeShell({
      ...sample,
      person: () => {
        throw { code: 'unknown_person', message: '数据库中没有身份证号为 330102198808060235 的人员' };
      },
    });
    await page.get('[data-test="people-row-330102198808060235"]').trigger('click');
    await flushPromises();
    const failure = document.querySelector('[data-test="person-error"]')?.textContent ?? '';
    expect(failure).toContain('没有该人员');
    expect(failure).toContain('330102198808060235');
    page.unmount();
  });
});
