import { describe, expect, it } from 'vitest';
import type { Operation } from '../../api/log';
import { kindLabel, whatText } from './data';

function entry(e: Partial<Operation>): Operation {
  return {
    kind: 'organs',
    at: '2026-12-03 09:00:00',
    by: '组织部 王芳',
    year: null,
    subject: null,
    person_id: null,
    from: null,
    to: null,
    reason: null,
    people: null,
    issues: null,
    ...e,
  };
}

describe('操作日志 entries of the 所辖单位 list', () => {
  it('says what was added, from which file, and what was removed', () => {
    expect(kindLabel('organs')).toBe('所辖单位');
    expect(whatText(entry({ subject: 'D:\\名单.xlsx', to: '添加2个：某县财政局、某县审计局', people: 2 }))).toBe(
      '从「D:\\名单.xlsx」导入所辖单位名单：添加2个：某县财政局、某县审计局',
    );
    expect(whatText(entry({ to: '添加1个：某县统计局；更改机构级别1个：某县财政局' }))).toBe(
      '所辖单位名单添加1个：某县统计局；更改机构级别1个：某县财政局',
    );
    expect(whatText(entry({ from: '删除1个：某县统计局' }))).toBe('所辖单位名单删除1个：某县统计局');
  });
});

describe('操作日志 entries of 统筹职数', () => {
  it('says the group set, changed or removed', () => {
    const group = (e: Partial<Operation>) => entry({ kind: 'shared_pool', subject: '县直统筹', ...e });
    expect(kindLabel('shared_pool')).toBe('统筹职数');
    expect(whatText(group({ to: '三级和四级主任科员，核定5：甲镇、乙镇' }))).toBe(
      '统筹职数「县直统筹」：三级和四级主任科员，核定5：甲镇、乙镇',
    );
    expect(whatText(group({ from: '三级和四级主任科员，核定5：甲镇', to: '三级和四级主任科员，核定6：甲镇' }))).toBe(
      '统筹职数「县直统筹」：三级和四级主任科员，核定5：甲镇 → 三级和四级主任科员，核定6：甲镇',
    );
    expect(whatText(group({ from: '三级和四级主任科员，核定5：甲镇' }))).toBe(
      '删除统筹职数「县直统筹」（三级和四级主任科员，核定5：甲镇）',
    );
  });
});
