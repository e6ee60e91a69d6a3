// Simplified Chinese, the first and reference locale: every visible string of the UI is here.
// Other locales must have the same keys (the type `Messages` is taken from this file).

const zhCN = {
  app: {
    title: '考核 Kaohe',
    version: '版本 {version}',
    loading: '正在加载…',
  },
  database: {
    title: '数据库',
    path: '数据库文件',
    people: '人员',
    organs: '单位',
    results: '年度考核记录',
    importSample: '导入示例名册',
    imported:
      '已导入示例名册：人员 {people} 人（新增 {newPeople}，更新 {updatedPeople}），单位 {organs} 个，年度考核记录 {results} 条，处分记录 {restrictions} 条。',
    importedWithIssues: '名册中有 {issues} 处问题，相关行或数值未导入。',
  },
  promotion: {
    title: '职级晋升',
    asOf: '计算日期',
    pickDate: '选择日期',
    compute: '计算',
    empty: '选择日期后点击「计算」',
    noPeople: '数据库中没有人员，请先导入名册',
    summary: '截至 {asOf}，共 {total} 人，符合晋升条件 {eligible} 人（规则：{profile}）',
    column: {
      name: '姓名',
      organ: '单位',
      rank: '现职级',
      target: '拟晋升职级',
      months: '已计月数/需要月数',
      eligible: '是否符合',
      eligibleOn: '最早符合日期',
      blocks: '限制原因',
    },
    status: {
      eligible: '符合',
      blocked: '年限已满，受限制',
      notYet: '不符合',
      topOfLadder: '已到最高职级',
    },
    until: '至 {date}',
    openEnded: '期限未定',
    block: {
      sanction: '处分期内',
      admonition: '诫勉或组织处理影响期内',
      investigation: '立案调查未结束',
      basic_competent: '年度考核基本称职',
      organ_cap: '超出机关层级可设置的职级',
      top_of_ladder: '已到最高职级',
    },
  },
  duration: {
    none: '0个月',
    months: '{months}个月',
    years: '{years}年',
    yearsMonths: '{years}年{months}个月',
  },
  common: {
    none: '—',
    error: '出错了',
  },
  errors: {
    file_unreadable: '文件无法读取',
    sheet_missing: '缺少工作表',
    column_missing: '缺少必需的列',
    nothing_readable: '没有读到任何人员',
    profile_invalid: '规则文件无效',
    database: '数据库出错',
    bad_argument: '参数有误',
    write_failed: '文件无法写入',
    year_locked: '该年度已定稿',
    year_not_locked: '该年度尚未定稿',
    not_graded: '该人员不定等次',
    cannot_finalize: '暂不能定稿',
    reason_required: '必须填写理由',
    unknown_person: '没有该人员',
    unknown_organ: '没有该单位',
    internal: '程序内部错误',
  },
} as const;

/** The shape every locale must have. */
export type Messages = typeof zhCN;

export default zhCN;
