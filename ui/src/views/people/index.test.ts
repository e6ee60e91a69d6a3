import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { i18n } from '../../i18n';
import { emptyFilters, filterRows, normalise, resultLabel, resultOf, sortRows, toRows, type Filters } from './data';
import { sampleGrid, tianDetail } from './fixture';
import PeoplePage from './index.vue';

const names = (f: Partial<Filters>) => filterRows(sampleGrid, toRows(sampleGrid), { ...emptyFilters(sampleGrid), ...f }).map((r) => r.name);

describe('people grid data', () => {
  it('turns the columns into rows with the look-up texts', () => {
    const rows = toRows(sampleGrid);
    expect(rows).toHaveLength(5);
    expect(rows[2]).toEqual({
      index: 2,
      id: '330521198710050558',
      name: '黄浩然',
      organ: '某县人力资源和社会保障局',
      department: '就业股',
      category: '综合管理类',
      rank: '三级调研员',
      post: '局长',
      leader: true,
      rankSince: '2024-03-01',
    });
    expect(rows[4]!.department).toBe('');
  });

  it('starts on the latest year with no filter', () => {
    expect(emptyFilters(sampleGrid)).toEqual({ organ: null, category: null, rank: null, leader: null, year: 2024, grade: null, search: '' });
    expect(names({})).toEqual(['田建国', '马秀英', '黄浩然', '冯雅琴', '胡雅琴']);
  });

  it('filters by organ, category, rank and leader', () => {
    expect(names({ organ: 1 })).toEqual(['黄浩然', '胡雅琴']);
    expect(names({ category: 1 })).toEqual(['冯雅琴']);
    expect(names({ rank: 1 })).toEqual(['田建国', '胡雅琴']);
    expect(names({ leader: 'yes' })).toEqual(['黄浩然']);
    expect(names({ leader: 'no', organ: 1 })).toEqual(['胡雅琴']);
  });

  it("filters by the chosen year's result", () => {
    expect(names({ year: 2024, grade: '1' })).toEqual(['田建国']);
    expect(names({ year: 2023, grade: '1' })).toEqual(['黄浩然']);
    expect(names({ year: 2023, grade: '3' })).toEqual(['田建国']);
    expect(names({ year: 2023, grade: 'ungraded' })).toEqual(['胡雅琴']);
    expect(names({ year: 2024, grade: 'none' })).toEqual(['冯雅琴']);
    expect(names({ year: 2024, grade: '2', organ: 0 })).toEqual(['马秀英']);
    expect(resultOf(sampleGrid, 2023, 4)).toBe('5B');
    expect(resultLabel('5B')).toBe('立案调查不定等次');
    expect(resultLabel(null)).toBe('—');
  });

  it('searches names and IDs, ignoring spaces and the case of X', () => {
    expect(names({ search: '雅琴' })).toEqual(['冯雅琴', '胡雅琴']);
    expect(names({ search: ' 田 建国' })).toEqual(['田建国']);
    expect(names({ search: '056x' })).toEqual(['胡雅琴']);
    expect(names({ search: '330102' })).toEqual(['田建国', '马秀英']);
    expect(names({ search: '330102', organ: 1 })).toEqual([]);
    expect(normalise('　田 建国\n')).toBe('田建国');
  });

  it('sorts by pinyin, by the ladder and by date, keeping roster order on ties', () => {
    const rows = toRows(sampleGrid);
    const sorted = (key: Parameters<typeof sortRows>[2]) => sortRows(sampleGrid, rows, key).map((r) => r.name);
    // 冯 féng, 胡 hú, 黄 huáng, 马 mǎ, 田 tián.
    expect(sorted({ key: 'name', order: 'asc' })).toEqual(['冯雅琴', '胡雅琴', '黄浩然', '马秀英', '田建国']);
    expect(sorted({ key: 'rank', order: 'asc' })).toEqual(['黄浩然', '田建国', '胡雅琴', '马秀英', '冯雅琴']);
    expect(sorted({ key: 'rankSince', order: 'desc' })).toEqual(['马秀英', '黄浩然', '冯雅琴', '胡雅琴', '田建国']);
    expect(sorted({ key: 'organ', order: 'asc' })).toEqual(['田建国', '马秀英', '黄浩然', '胡雅琴', '冯雅琴']);
    expect(sorted(null)).toEqual(['田建国', '马秀英', '黄浩然', '冯雅琴', '胡雅琴']);
    expect(rows.map((r) => r.name)).toEqual(['田建国', '马秀英', '黄浩然', '冯雅琴', '胡雅琴']);
  });

  it('filters 100,000 people quickly', () => {
    const n = 100_000;
    const big = {
      ...sampleGrid,
      id: Array.from({ length: n }, (_, i) => String(110101198000000000 + i)),
      name: Array.from({ length: n }, (_, i) => ['张伟', '王秀英', '李娜'][i % 3]!),
      organ: Array.from({ length: n }, (_, i) => i % 3),
      department: Array.from({ length: n }, () => null),
      category: Array.from({ length: n }, (_, i) => i % 2),
      rank: Array.from({ length: n }, (_, i) => i % 4),
      post: Array.from({ length: n }, () => null),
      leader: Array.from({ length: n }, (_, i) => i % 50 === 0),
      rank_since: Array.from({ length: n }, () => '2020-01-01'),
      results: [Array.from({ length: n }, (_, i) => (i % 5 === 0 ? '1' : '2') as '1' | '2'), Array.from({ length: n }, () => '2' as const)],
    };
    const rows = toRows(big);
    const start = performance.now();
    const shown = filterRows(big, rows, { ...emptyFilters(big), year: 2023, grade: '1', organ: 0, search: '张' });
    const elapsed = performance.now() - start;
    // i ≡ 0 (mod 3) for organ 0 and 张伟, i ≡ 0 (mod 5) for 优秀: every 15th person.
    expect(shown).toHaveLength(Math.ceil(n / 15));
    expect(elapsed).toBeLessThan(200);
  });
});

class FixedResizeObserver {
  constructor(private readonly callback: ResizeObserverCallback) {}
  observe(target: Element): void {
    this.callback([{ target, contentRect: { width: 1400, height: 600 } } as unknown as ResizeObserverEntry], this as unknown as ResizeObserver);
  }
  unobserve(): void {}
  disconnect(): void {}
}

describe('people page', () => {
  let calls: { cmd: string; args: unknown }[];
  beforeAll(() => {
    (window as unknown as { ResizeObserver: unknown }).ResizeObserver = FixedResizeObserver;
  });
  beforeEach(() => {
    calls = [];
    mockIPC((cmd, args) => {
      calls.push({ cmd, args });
      if (cmd === 'people') return sampleGrid;
      if (cmd === 'person') return tianDetail;
      throw `unknown command ${cmd}`;
    });
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
    expect(calls.map((c) => c.cmd)).toEqual(['people']);
    expect(page.get('[data-test="people-count"]').text()).toBe('共 5 人');
    expect(page.find('[data-test="people-grid"]').exists()).toBe(true);
    const row = page.get('[data-test="people-row-330521198710050558"]');
    expect(row.text()).toContain('黄浩然');
    expect(row.text()).toContain('某县人力资源和社会保障局');
    expect(row.text()).toContain('三级调研员');
    expect(row.text()).toContain('局长');
    expect(row.get('[data-test="people-result"]').text()).toBe('称职');
    expect(page.text()).toContain('2024年度考核');

    await page.get('input[data-test="people-search"]').setValue('雅琴');
    await flushPromises();
    expect(page.get('[data-test="people-count"]').text()).toBe('符合条件 2 人（共 5 人）');
    expect(page.find('[data-test="people-row-330102198808060235"]').exists()).toBe(false);
    expect(page.find('[data-test="people-row-33052119850420056X"]').exists()).toBe(true);

    await page.get('[data-test="people-reset"]').trigger('click');
    await flushPromises();
    expect(page.get('[data-test="people-count"]').text()).toBe('共 5 人');

    // 领导成员: 是 — the select's options are in a popper under body.
    await page.get('[data-test="people-filter-leader"] .el-select__wrapper').trigger('click');
    await flushPromises();
    const yes = [...document.querySelectorAll('.el-select-dropdown__item')].find((o) => o.textContent?.trim() === '是') as HTMLElement;
    yes.click();
    await flushPromises();
    expect(page.get('[data-test="people-count"]').text()).toBe('符合条件 1 人（共 5 人）');
    expect(page.find('[data-test="people-row-330521198710050558"]').exists()).toBe(true);
    page.unmount();
  });

  it('sorts when a header is clicked', async () => {
    const page = mountPage();
    await flushPromises();
    const order = () => page.findAll('[data-test^="people-row-"]').map((r) => r.attributes('data-test')!.slice('people-row-'.length));
    expect(order()[0]).toBe('330102198808060235');
    const header = page.findAll('.el-table-v2__header-cell').find((c) => c.text().includes('任现职级时间'))!;
    await header.trigger('click');
    await flushPromises();
    // 任现职级时间 ascending: 田建国 2019-01-28 … 马秀英 2024-07-28.
    expect(order()).toEqual(['330102198808060235', '33052119850420056X', '330522199707060860', '330521198710050558', '330102199604250242']);
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
    expect(text('promotion-blocks')).toContain('受警告（影响期6个月，至2026年3月16日）');

    const timeline = [...document.querySelectorAll('[data-test="timeline-entry"]')].map((e) => e.textContent?.replace(/\s+/g, ' ').trim());
    expect(timeline[0]).toContain('首次导入');
    expect(timeline[1]).toContain('在某市财政局');
    expect(timeline[2]).toContain('任二级主任科员');
    expect(timeline[2]).toContain('现任');
    expect(timeline[2]).toContain('原三级主任科员');
    expect(timeline[2]).toContain('2019-01-28');
    expect(timeline[3]).toContain('进入公务员队伍');

    const results = [...document.querySelectorAll('[data-test="person-results"] .el-table__body tr')].map((tr) =>
      [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim()),
    );
    expect(results).toEqual([
      ['2022', '称职', '2'],
      ['2023', '基本称职', '3'],
      ['2024', '优秀', '1'],
    ]);
    const restrictions = [...document.querySelectorAll('[data-test="person-restrictions"] .el-table__body tr')].map((tr) =>
      [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim()),
    );
    expect(restrictions).toEqual([['警告（6个月）', '2025-09-17', '2026-03-16', '影响期内']]);
    page.unmount();
  });

  it('shows an unknown person as an error in the drawer', async () => {
    const page = mountPage();
    await flushPromises();
    mockIPC((cmd) => {
      if (cmd === 'person') throw { code: 'unknown_person', message: '数据库中没有身份证号为 330102198808060235 的人员' };
      return sampleGrid;
    });
    await page.get('[data-test="people-row-330102198808060235"]').trigger('click');
    await flushPromises();
    const failure = document.querySelector('[data-test="person-error"]')?.textContent ?? '';
    expect(failure).toContain('没有该人员');
    expect(failure).toContain('330102198808060235');
    page.unmount();
  });
});
