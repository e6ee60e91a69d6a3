// What the home page shows of a promotion report: one table row per person, already worded.

import type { BlockCode, IsoDate, PromotionPerson, PromotionReport } from '../../api/types';
import { formatServiceProgress } from '../../format/duration';
import { i18n } from '../../i18n';

/** The 是否符合 column. */
export type EligibilityStatus = 'eligible' | 'blocked' | 'not_yet' | 'top_of_ladder';

export interface BlockCell {
  code: BlockCode;
  /** Short label with the end date, e.g. "处分期内（至 2026-02-28）". */
  label: string;
  /** The engine's full sentence, citing the rule. */
  reason: string;
}

export interface PromotionRow {
  id: string;
  name: string;
  organ: string;
  rank: string;
  target: string;
  service: string;
  status: EligibilityStatus;
  eligibleOn: string;
  blocks: BlockCell[];
  reasons: string[];
}

export function eligibilityStatus(p: PromotionPerson): EligibilityStatus {
  if (p.target_rank === null) return 'top_of_ladder';
  if (p.eligible) return 'eligible';
  if (p.qualified) return 'blocked';
  return 'not_yet';
}

function blockLabel(code: BlockCode, until: IsoDate | null): string {
  const { t } = i18n.global;
  const end = until === null ? t('promotion.openEnded') : t('promotion.until', { date: until });
  return code === 'top_of_ladder' || code === 'organ_cap'
    ? t(`promotion.block.${code}`)
    : `${t(`promotion.block.${code}`)}（${end}）`;
}

export function toRow(p: PromotionPerson): PromotionRow {
  const none = i18n.global.t('common.none');
  return {
    id: p.id,
    name: p.name,
    organ: p.organ,
    rank: p.rank,
    target: p.target_rank ?? none,
    service: formatServiceProgress(p.counted_months, p.required_months),
    status: eligibilityStatus(p),
    eligibleOn: p.eligible_on ?? none,
    blocks: p.blocks.map((b) => ({ code: b.code, label: blockLabel(b.code, b.until), reason: b.reason })),
    reasons: p.reasons,
  };
}

export function toRows(report: PromotionReport): PromotionRow[] {
  return report.people.map(toRow);
}

export function countEligible(report: PromotionReport): number {
  return report.people.filter((p) => p.eligible).length;
}
