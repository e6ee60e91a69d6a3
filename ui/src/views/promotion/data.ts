// What the 职级晋升 page shows of a promotion report, already worded: the people (eligible
// first, each group in the report's order — the order of the result workbook's 晋升资格 sheet),
// the filters, and per organ the slot pools with the engine's ordered candidates. Nothing here
// decides anything: eligibility, counts, free slots and the order of candidates are the engine's.

import type {
  BlockCode,
  IsoDate,
  PromotionPerson,
  PromotionPool,
  PromotionReport,
  Reason,
  SlotCode,
} from '../../api/types';
import { formatMonths, formatServiceProgress } from '../../format/duration';
import { reasonText } from '../../format/reason';
import { i18n } from '../../i18n';

/** The 资格 column. */
export type EligibilityStatus = 'eligible' | 'blocked' | 'not_yet' | 'top_of_ladder';

/** The colour of each status tag (table and detail). */
export const statusTag: Record<EligibilityStatus, 'success' | 'warning' | 'info'> = {
  eligible: 'success',
  blocked: 'warning',
  not_yet: 'info',
  top_of_ladder: 'info',
};

/** The 显示 filter. */
export type StatusFilter = 'all' | 'eligible' | 'not_eligible';

export interface BlockCell {
  code: BlockCode;
  /** Short label with the end date, e.g. "处分期内（至 2026-02-28）". */
  label: string;
  /** The engine's full sentence, citing the rule, as one line (the tooltip's text). */
  reason: string;
}

export interface PersonRow {
  /** 1-based position in the full list (eligible first), as 序号 in the workbook. */
  index: number;
  id: string;
  name: string;
  organ: string;
  category: string;
  rank: string;
  target: string;
  /** "6年6个月 / 2年": counted against the requirement less the 优秀 reduction in force. */
  service: string;
  counted: string;
  /** The statutory requirement, and the 优秀 reduction when there is one. */
  required: string;
  /** "25级 → 24级" (管理办法 第十三条), or none when the roster has no 级别. */
  level: string;
  countingFrom: IsoDate;
  eligible: boolean;
  status: EligibilityStatus;
  eligibleOn: string;
  slot: SlotCode | null;
  blocks: BlockCell[];
  reasons: Reason[];
}

export function eligibilityStatus(p: PromotionPerson): EligibilityStatus {
  if (p.target_rank === null) return 'top_of_ladder';
  if (p.eligible) return 'eligible';
  if (p.qualified) return 'blocked';
  return 'not_yet';
}

function blockLabel(code: BlockCode, until: IsoDate | null): string {
  const { t } = i18n.global;
  const name = t(`promotionPage.block.${code}`);
  if (code === 'top_of_ladder' || code === 'organ_cap') return name;
  const end = until === null ? t('promotionPage.openEnded') : t('promotionPage.until', { date: until });
  return `${name}（${end}）`;
}

/** "2年", or with 优秀 years "2年，优秀缩短6个月（2024年度），实需1年6个月" (并行规定 第十九条). */
function requiredText(p: PromotionPerson): string {
  const { t } = i18n.global;
  if (p.required_months === null) return t('common.none');
  const statutory = formatMonths(p.required_months);
  if (p.reduction_months === 0) return statutory;
  return t('promotionPage.requiredReduced', {
    statutory,
    cut: formatMonths(p.reduction_months),
    years: p.reduction_years.map((y) => t('promotionPage.yearOf', { year: y })).join('、'),
    required: formatMonths(Math.max(0, p.required_months - p.reduction_months)),
  });
}

/** The people, eligible first; within each group the report's order (stable). */
export function orderedPeople(report: PromotionReport): PromotionPerson[] {
  return [...report.people.filter((p) => p.eligible), ...report.people.filter((p) => !p.eligible)];
}

export function toRows(report: PromotionReport): PersonRow[] {
  const none = i18n.global.t('common.none');
  return orderedPeople(report).map((p, i) => ({
    index: i + 1,
    id: p.id,
    name: p.name,
    organ: p.organ,
    category: p.category,
    rank: p.rank,
    target: p.target_rank ?? none,
    service: formatServiceProgress(
      p.counted_months,
      p.required_months === null ? null : Math.max(0, p.required_months - p.reduction_months),
    ),
    counted: formatMonths(p.counted_months),
    required: requiredText(p),
    level: p.level === null ? none : p.new_level === null ? `${p.level}级` : `${p.level}级 → ${p.new_level}级`,
    countingFrom: p.counting_from,
    eligible: p.eligible,
    status: eligibilityStatus(p),
    eligibleOn: p.eligible_on ?? none,
    slot: p.slot,
    blocks: p.blocks.map((b) => ({ code: b.code, label: blockLabel(b.code, b.until), reason: reasonText(b.reason) })),
    reasons: p.reasons,
  }));
}

/** The organs of the report: those with people in report order, then any with pools only. */
export function organsOf(report: PromotionReport): string[] {
  const names: string[] = [];
  for (const o of [...report.people.map((p) => p.organ), ...report.pools.map((p) => p.organ)]) {
    if (!names.includes(o)) names.push(o);
  }
  return names;
}

export interface Filters {
  /** '' for all organs. */
  organ: string;
  status: StatusFilter;
}

export function filterRows(rows: PersonRow[], filters: Filters): PersonRow[] {
  return rows.filter(
    (r) =>
      (!filters.organ || r.organ === filters.organ) &&
      (filters.status === 'all' || (filters.status === 'eligible') === r.eligible),
  );
}

/** Counts of one organ ('' = all): people, eligible, proposed for a free slot. */
export interface Counts {
  total: number;
  eligible: number;
  proposed: number;
}

export function countsOf(report: PromotionReport, organ: string): Counts {
  const people = report.people.filter((p) => !organ || p.organ === organ);
  return {
    total: people.length,
    eligible: people.filter((p) => p.eligible).length,
    proposed: people.filter((p) => p.slot === 'proposed').length,
  };
}

export interface NamedPerson {
  id: string;
  name: string;
  /** 1-based place among the pool's candidates, in the engine's order. */
  position: number;
}

export interface PoolView {
  organ: string;
  pool: string;
  /** Numbers as the engine gives them; null: no approved count (未核定). */
  approved: number | null;
  held: number;
  free: number | null;
  candidates: number;
  /** Within the free slots, in the engine's order. */
  proposed: NamedPerson[];
  /** Eligible for the pool but beyond its free slots (or none approved), in the engine's order. */
  waiting: NamedPerson[];
  /** The pool's ranks with places of their own, one line each (其中一级调研员 核定1名 …). */
  ranks: string[];
}

export interface OrganPools {
  organ: string;
  pools: PoolView[];
}

/** The slot pools per organ, in report order; candidates named and kept in the engine's order. */
export function poolsByOrgan(report: PromotionReport): OrganPools[] {
  const names = new Map(report.people.map((p) => [p.id, p.name]));
  const out: OrganPools[] = [];
  for (const pool of report.pools) {
    let group = out.find((g) => g.organ === pool.organ);
    if (!group) {
      group = { organ: pool.organ, pools: [] };
      out.push(group);
    }
    group.pools.push(poolView(pool, names));
  }
  return out;
}

function poolView(pool: PromotionPool, names: Map<string, string>): PoolView {
  const named = pool.candidates.map((id, i) => ({ id, name: names.get(id) ?? id, position: i + 1 }));
  return {
    organ: pool.organ,
    pool: pool.pool,
    approved: pool.approved,
    held: pool.held,
    free: pool.free,
    candidates: pool.candidates.length,
    proposed: named.filter((c) => pool.proposed.includes(c.id)),
    waiting: named.filter((c) => !pool.proposed.includes(c.id)),
    ranks: pool.ranks.map((r) => {
      const { t } = i18n.global;
      const line = t('promotionPage.pools.rankLine', {
        rank: r.rank,
        approved: r.approved,
        held: r.held,
        free: r.free,
      });
      return r.basis === 'ratio' ? `${line}${t('promotionPage.pools.rankRatio', { percent: r.percent ?? 0 })}` : line;
    }),
  };
}
