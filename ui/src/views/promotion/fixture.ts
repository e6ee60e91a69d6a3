// A promotion report for the page's tests: the sample roster's (fixtures/sample/名册示例.xlsx)
// report on 2025-12-31 as the shell sends it, narrowed to 15 people of two organs and those
// organs' slot pools (every candidate of these pools is among the 15). Written by
// crates/kaohe-desk/tests/ui_fixtures.rs (`KAOHE_BLESS=1` rewrites it), never by hand.

import type { PromotionComparison, PromotionReport } from '../../api/types';
import report from './report.generated.json';
import whatif from './whatif.generated.json';

export const sampleReport = report as unknown as PromotionReport;

/** 对比: the sample on 2025-12-31 against 2026-12-31 (`whatif_promotion`'s answer). */
export const sampleComparison = whatif as unknown as PromotionComparison;
