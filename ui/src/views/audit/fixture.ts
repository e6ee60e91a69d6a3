// 核查's test data, written by crates/kaohe-desk/tests/ui_fixtures.rs (`KAOHE_BLESS=1` rewrites
// it, never by hand): the seeded rosters of fixtures/audit imported one after the other, audited
// on 2025-12-31 — ten findings, the first (赵晓光's 2023 优秀 in the year of a 警告) marked 已核实.

import type { AuditReport } from '../../api/types';
import report from './report.generated.json';

export const seededReport = report as unknown as AuditReport;
