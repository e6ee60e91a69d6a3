import { describe, expect, it } from 'vitest';
import { mount, type VueWrapper } from '@vue/test-utils';
import { ElSelect } from 'element-plus';
import { i18n } from '../../../i18n';
import { FIELDS, wpsLayout } from '../fixture';
import { confidenceLevel, duplicateFields, fieldOptions, mappingOf, missingFields, type Mapping } from '../data';
import MappingEditor from './MappingEditor.vue';

function mountEditor(mapping: Mapping): VueWrapper {
  return mount(MappingEditor, {
    props: { columns: wpsLayout.columns, fields: FIELDS, modelValue: mapping, thisYear: 2026 },
    global: { plugins: [i18n] },
  });
}

function select(editor: VueWrapper, letter: string) {
  return editor.getComponent(`[data-test="mapping-field-${letter}"]`) as VueWrapper<InstanceType<typeof ElSelect>>;
}

describe('列对应 editor', () => {
  it('shows each column with its header, the field chosen and the confidence', () => {
    const editor = mountEditor(mappingOf(wpsLayout.columns));
    const rows = editor.findAll('[data-test="mapping-row"]');
    expect(rows.map((r) => r.attributes('data-column'))).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H']);
    expect(rows.map((r) => r.get('[data-test="mapping-header"]').text())).toEqual([
      '序号',
      '姓名',
      '身份证号码',
      '所在单位',
      '类别',
      '现职级',
      '任该职级时间',
      '备注',
    ]);
    expect(rows.map((r) => r.attributes('data-field'))).toEqual([
      '',
      '姓名',
      '身份证号',
      '单位',
      '职位类别',
      '职级',
      '任现职级时间',
      '',
    ]);
    expect(select(editor, 'C').props('modelValue')).toBe('身份证号');
    expect(select(editor, 'A').props('modelValue')).toBe('');
    const confidence = (letter: string) => editor.get(`[data-test="mapping-confidence-${letter}"]`).text();
    expect(confidence('B')).toBe('100% · 确定');
    expect(confidence('C')).toBe('90% · 按常见写法识别');
    expect(confidence('A')).toBe('0% · 未识别');
  });

  it('offers 不导入, the fields with the required ones marked, and years of results', () => {
    const editor = mountEditor(mappingOf(wpsLayout.columns));
    const labels = select(editor, 'H')
      .findAllComponents({ name: 'ElOption' })
      .map((o) => o.props('label'));
    expect(labels.slice(0, 4)).toEqual(['不导入', '身份证号（必需）', '姓名（必需）', '性别']);
    expect(labels).toContain('从事或分管工作');
    expect(labels).toContain('进入方式');
    expect(labels).toContain('离职/退休日期');
    expect(labels).toContain('2025年度考核结果');
    // 不导入, the 24 people fields the shell offers, six years of results.
    expect(labels).toHaveLength(1 + 24 + 6);
    expect(
      fieldOptions(
        FIELDS,
        [{ column: 'I', header: '2019年考核', field: '年度考核:2019', confidence: 0.8 }],
        2026,
      ).slice(-1)[0]?.value,
    ).toBe('年度考核:2019');
  });

  it('emits the whole mapping when the clerk picks a field, then shows it as confirmed', async () => {
    const proposed = mappingOf(wpsLayout.columns);
    const editor = mountEditor(proposed);
    select(editor, 'H').vm.$emit('update:modelValue', '从事或分管工作');
    const emitted = editor.emitted('update:modelValue') as Mapping[][];
    expect(emitted).toHaveLength(1);
    expect(emitted[0]![0]).toEqual({ ...proposed, H: '从事或分管工作' });

    await editor.setProps({ modelValue: emitted[0]![0] });
    expect(editor.get('[data-test="mapping-confidence-H"]').text()).toBe('100% · 已确认');
    expect(editor.get('[data-column="H"]').attributes('data-field')).toBe('从事或分管工作');
  });

  it('warns when two columns are read as the same field, and knows what is missing', async () => {
    const mapping = { ...mappingOf(wpsLayout.columns), F: '姓名' };
    const editor = mountEditor(mapping);
    const warned = editor.findAll('[data-test="mapping-duplicate"]').map((w) => w.text());
    expect(warned).toEqual(['「姓名（必需）」对应了多列，只采用第一列', '「姓名（必需）」对应了多列，只采用第一列']);
    expect(duplicateFields(mapping)).toEqual(['姓名']);
    expect(missingFields(FIELDS, mapping)).toEqual(['职级']);
    expect(confidenceLevel(wpsLayout.columns[5]!, '姓名')).toBe('manual');
  });
});
