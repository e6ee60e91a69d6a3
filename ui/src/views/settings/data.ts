// What the 设置 section says about a backup before it is restored, and after.

import type { BackupInfo, BackupOutcome, RestoreOutcome } from '../../api/settings';
import { i18n } from '../../i18n';

const t = i18n.global.t;

/** 「2026-11-20 09:30:00 导入「名册.xlsx」（38 人）」, or 「没有导入记录」. */
export function lastImportText(info: BackupInfo): string {
  const last = info.last_import;
  if (!last) return t('settings.restore.noImport');
  return t('settings.restore.lastImportValue', { at: last.at, file: last.file, people: last.people });
}

/** 「2024、2025」, or 「无」. */
export function finalizedText(info: BackupInfo): string {
  if (info.finalized_years.length === 0) return t('settings.restore.noFinalized');
  return info.finalized_years.join(t('settings.restore.yearSeparator'));
}

export function backupDoneText(outcome: BackupOutcome): string {
  return t('settings.backup.done', { path: outcome.path, people: outcome.people });
}

export function restoreDoneText(outcome: RestoreOutcome): string {
  const counts = { people: outcome.people, organs: outcome.organs };
  if (!outcome.safety_copy) return t('settings.restore.doneNoSafety', counts);
  return t('settings.restore.done', { ...counts, safety: outcome.safety_copy });
}
