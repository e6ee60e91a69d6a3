import { describe, expect, it } from 'vitest';
import type { Reason } from '../api/types';
import { citesPending, reasonText } from './reason';

describe('reasonText', () => {
  const serviceLine: Reason = [
    { text: '任职年限自2019年1月28日起算（任二级主任科员），至2026年6月30日共89个月' },
    { cite: '《公务员职务与职级并行规定》第十九条', status: 'S' },
    { text: '，计77个月（6年5个月）。' },
  ];

  it('reads a reason as the workbooks write it, a citation inside the sentence in its place', () => {
    expect(reasonText(serviceLine)).toBe(
      '任职年限自2019年1月28日起算（任二级主任科员），至2026年6月30日共89个月〔依据：《公务员职务与职级并行规定》第十九条〕，计77个月（6年5个月）。',
    );
    expect(citesPending(serviceLine)).toBe(false);
  });

  it('says 待核实 for a rule still to be verified, and several citations in one sentence', () => {
    const waiting: Reason = [
      { text: '某市财政局「一级和二级调研员」核定2名' },
      { cite: '职数池按类比设置', status: 'U' },
      { text: '；在3名符合条件人员中排第3位' },
      { cite: '排序规则为本地设置', status: 'U' },
    ];
    expect(reasonText(waiting)).toBe(
      '某市财政局「一级和二级调研员」核定2名〔依据：职数池按类比设置；待核实〕；在3名符合条件人员中排第3位〔依据：排序规则为本地设置；待核实〕',
    );
    expect(citesPending(waiting)).toBe(true);
    expect(reasonText([])).toBe('');
  });
});
