// Simplified Chinese, the first and reference locale: every visible string of the UI, by section (one
// file each under ./zh-CN/, the shared ones here).
// Other locales must have the same keys (the type `Messages` is taken from this file).

import promotionPage from './zh-CN/promotion';
import exportWorkbooks from './zh-CN/export';
import log from './zh-CN/log';
import audit from './zh-CN/audit';
import whatif from './zh-CN/whatif';
import summaryPage from './zh-CN/summary';
import rulesFile from './zh-CN/rulesFile';
import settings from './zh-CN/settings';
import importMessages from './zh-CN/import';
import people from './zh-CN/people';
import dashboard from './zh-CN/dashboard';
import assessment from './zh-CN/assessment';
import rules from './zh-CN/rules';
import print from './zh-CN/print';

const zhCN = {
  app: {
    title: '考核 Kaohe',
    version: '版本 {version}',
    loading: '正在加载…',
  },
  nav: {
    home: '工作台',
    import: '导入',
    people: '人员',
    assessment: '年度考核',
    promotion: '职级晋升',
    print: '打印与导出',
    audit: '核查',
    summary: '汇总',
    rules: '规则',
    log: '操作日志',
    settings: '设置',
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
  import: importMessages,
  promotion: {
    until: '至 {date}',
    block: {
      sanction: '处分期内',
      party_discipline: '党纪处分影响期内',
      admonition: '诫勉或组织处理影响期内',
      investigation: '立案调查未结束',
      basic_competent: '年度考核基本称职',
      incompetent: '年度考核不称职',
      organ_cap: '超出机关层级可设置的职级',
      top_of_ladder: '已到最高职级',
    },
  },
  assessment,
  audit,
  whatif,
  summaryPage,
  print,
  promotionPage,
  export: exportWorkbooks,
  rules,
  log,
  rulesFile,
  settings,
  duration: {
    none: '0个月',
    months: '{months}个月',
    years: '{years}年',
    yearsMonths: '{years}年{months}个月',
  },
  people,
  dashboard,
  unlock: {
    title: '输入数据库密码',
    intro: '这个数据库设置了密码，输入密码后才能打开：',
    placeholder: '数据库密码',
    submit: '打开',
    later: '稍后再说',
    forgotten: '忘记了密码，数据库就无法打开，也无法找回；可以在「设置」中从备份恢复（备份时的密码）。',
  },
  common: {
    none: '—',
    /** The operator a decision is recorded with (ReasonDialog). */
    operatorLine: '操作人：{name}',
    cancel: '取消',
    errorLine: '{title}：{message}',
  },
  errors: {
    file_unreadable: '文件无法读取',
    sheet_missing: '缺少工作表',
    column_missing: '缺少必需的列',
    nothing_readable: '没有读到可用的内容',
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
    no_preview: '没有打开的打印预览',
    internal: '程序内部错误',
    cancelled: '已取消',
    password_required: '需要输入密码',
    wrong_password: '密码不对',
    package_refused: '不能接收的上报文件',
    package_exists: '已接收过该单位该年度的上报文件',
    database_too_new: '数据库由更新版本的考核软件创建',
    not_a_kaohe_database: '不是考核软件的数据库',
    database_read_only: '数据库是只读文件',
    backup_unsafe: '备份文件的结构与考核软件不符',
    backup_damaged: '备份文件已损坏',
    not_supplementable: '不能补定等次',
    organ_in_use: '该单位有人员，不能删除',
  },
} as const;

/** The shape every locale must have. */
export type Messages = typeof zhCN;

export default zhCN;
