// 规则 section: which profile is active, loading a local rule file, going back to the national one.

export default {
  active: '当前规则',
  activeValue: '{name}（版本 {version}）',
  national: '国家默认规则',
  local: '本地规则文件',
  file: '规则文件：{file}（内容已保存在数据库中，文件移动或删除不影响使用）',
  load: '载入本地规则文件',
  reset: '恢复国家默认规则',
  resetConfirm:
    '恢复后，各页面将按国家默认规则重新计算；当前的本地规则不再保留，如需再用须重新载入规则文件。确定恢复吗？',
  cancel: '取消',
  loaded: '已启用规则「{name}」（版本 {version}），各页面将按新规则重新计算',
  resetDone: '已恢复国家默认规则「{name}」',
  invalid: '规则文件「{file}」有误，未采用（仍使用当前规则）：',
  failed: '无法载入规则文件',
} as const;
