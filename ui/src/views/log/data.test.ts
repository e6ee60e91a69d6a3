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
