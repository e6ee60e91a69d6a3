import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import { i18n } from '../i18n';
import ReasonText from './ReasonText.vue';

describe('ReasonText', () => {
  it('shows the words and sets each citation apart where it stands, with its status', () => {
    const wrapper = mount(ReasonText, {
      global: { plugins: [i18n] },
      props: {
        reason: [
          { text: '任职年限自2019年1月28日起算，共89个月' },
          { cite: '《公务员职务与职级并行规定》第十九条', status: 'S' },
          { text: '，计77个月。' },
          { cite: '排序规则为本地设置', status: 'U' },
        ],
      },
    });
    expect(wrapper.text()).toBe(
      '任职年限自2019年1月28日起算，共89个月〔依据：《公务员职务与职级并行规定》第十九条〕，计77个月。〔依据：排序规则为本地设置；待核实〕',
    );
    const common = wrapper.get('[data-test="reason-cite-S"]');
    expect(common.text()).toBe('〔依据：《公务员职务与职级并行规定》第十九条〕');
    expect(common.attributes('title')).toBe('通行做法');
    const pending = wrapper.get('[data-test="reason-cite-U"]');
    expect(pending.classes()).toContain('reason__cite--pending');
    expect(pending.attributes('title')).toBe('待核实');
  });
});
