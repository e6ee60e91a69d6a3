// 打印与导出 section: the printed documents and their options.

export default {
  docs: '选择文书',
  basis: {
    year: '按考核年度',
    as_of: '按资格计算日期',
  },
  year: '考核年度',
  yearOption: '{year}年度',
  asOf: '资格计算日期',
  organ: '单位',
  allOrgans: '全部单位',
  pool: '考核池',
  allPools: '全部考核池',
  from: '公示开始日期',
  fromHint: '公示期按工作日计算，从该日起算',
  pickDate: '选择日期',
  preview: '预览',
  print: '打印',
  shown: '已在预览窗口中打开',
  pages: '共 {pages} 页',
  flowPages: '页数随内容而定，以打印对话框中的预览为准',
  pagesLabel: '页数',
  file: '文件',
  stale: '参数已更改，请先点击「预览」，再打印',
  hint: '「打印」打开系统打印对话框，在其中选择打印机；在 Windows 上选择「Microsoft Print to PDF」可另存为 PDF 文件。',
  dialogOpened: '已打开打印对话框',
};
