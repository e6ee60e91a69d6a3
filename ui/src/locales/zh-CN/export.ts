// Saving the result workbooks (打印与导出 section and the 职级晋升 page's 「导出结果」).

export default {
  title: '导出 Excel 工作簿',
  intro: '计算结果保存为 Excel 工作簿，软件会询问保存位置。',
  promotion: {
    name: '职级晋升资格工作簿',
    description: '晋升资格（全部人员，符合条件者在前，含理由和依据）、职数（核定、实有、空缺和拟晋升人选）',
  },
  assessment: {
    name: '年度考核结果工作簿',
    description: '考核结果、优秀名额测算、结果运用、统计、年度考核导入',
  },
  national: {
    name: '国家系统年度考核导入表',
    description: '序号、姓 名、单位及职务、等 次，供导入公务员管理信息系统',
  },
  asOf: '资格计算日期',
  year: '考核年度',
  yearOption: '{year}年度',
  pickDate: '选择日期',
  save: '导出',
  progress: {
    computing: '正在计算结果…',
    asking: '请在对话框中选择保存位置',
    writing: '正在写入：{done} / {total} 行',
    saving: '正在保存文件…',
  },
  saved: '已保存到：{path}',
  savedShort: '已导出',
} as const;
