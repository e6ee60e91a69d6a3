// What the 操作日志 shows of each entry: its kind and a sentence saying what was done, in Chinese.

import type { Operation, OperationKind } from '../../api/log';
import { i18n } from '../../i18n';

const t = i18n.global.t;

export function kindLabel(kind: OperationKind): string {
  return t(`log.kinds.${kind}`);
}

/** The years offered by the filter, newest first: next year back to ten years ago. */
export function yearChoices(now: Date = new Date()): number[] {
  const current = now.getFullYear();
  return Array.from({ length: 12 }, (_, i) => current + 1 - i);
}

/** 「—」 for a missing value. */
function v(value: string | number | null | undefined): string {
  return value === null || value === undefined || value === '' ? t('common.none') : String(value);
}

/** What was done, e.g. 「2025年度 周志强（110101197501010077）：优秀 → 称职」. */
export function whatText(op: Operation): string {
  const year = v(op.year);
  switch (op.kind) {
    case 'import':
      return t('log.what.import', { file: v(op.subject), people: v(op.people), issues: v(op.issues) });
    case 'override':
      return t('log.what.override', { year, name: v(op.subject), id: v(op.person_id), from: v(op.from), to: v(op.to) });
    case 'supplement':
      return t('log.what.supplement', {
        year,
        name: v(op.subject),
        id: v(op.person_id),
        from: v(op.from),
        to: v(op.to),
      });
    case 'ratio':
      return op.from
        ? t('log.what.ratio', { year, to: v(op.to), from: op.from })
        : t('log.what.ratioNew', { year, to: v(op.to) });
    case 'finalize':
      return t('log.what.finalize', { year, to: v(op.to) });
    case 'reopen':
      return t('log.what.reopen', { year, from: v(op.from) });
    case 'backup':
      return t('log.what.backup', { file: v(op.subject), people: v(op.people) });
    case 'restore':
      return op.to
        ? t('log.what.restore', { file: v(op.subject), people: v(op.people), safety: op.to })
        : t('log.what.restoreNoSafety', { file: v(op.subject), people: v(op.people) });
    case 'profile':
      return op.subject
        ? t('log.what.profile', { from: v(op.from), to: v(op.to), file: op.subject })
        : t('log.what.profileDefault', { from: v(op.from), to: v(op.to) });
    case 'operator':
      return t('log.what.operator', { from: v(op.from), to: v(op.to) });
    case 'password':
      return t('log.what.password', { to: v(op.to) });
    case 'receive':
      return op.from
        ? t('log.what.receiveReplacing', { file: v(op.subject), to: v(op.to), people: v(op.people), from: op.from })
        : t('log.what.receive', { file: v(op.subject), to: v(op.to), people: v(op.people) });
    case 'organs': {
      const what = [op.to, op.from].filter((x): x is string => !!x).join('；');
      return op.subject
        ? t('log.what.organsFrom', { file: op.subject, what: v(what) })
        : t('log.what.organs', { what: v(what) });
    }
    case 'shared_pool':
      if (op.to === null) return t('log.what.sharedPoolRemoved', { name: v(op.subject), from: v(op.from) });
      return op.from
        ? t('log.what.sharedPoolChanged', { name: v(op.subject), from: op.from, to: op.to })
        : t('log.what.sharedPoolSet', { name: v(op.subject), to: op.to });
    case 'verify':
      return t('log.what.verify', { subject: v(op.subject), to: v(op.to) });
    default:
      return v(op.to);
  }
}

/** The 操作人, or 「—」 when none was recorded. */
export function whoText(op: Operation): string {
  return v(op.by);
}

export function reasonText(op: Operation): string {
  return v(op.reason);
}
