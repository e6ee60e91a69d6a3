// 年度考核's test data, written from the sample roster by crates/kaohe-desk/tests/ui_fixtures.rs
// (`KAOHE_BLESS=1` rewrites them, never by hand): the year 2025 with a tie at the line of
// 某市财政局's score-based pool, 周志强 proposed 优秀 over a 领导成员 quota of 0 and 孙鹏飞 on long
// leave, narrowed to ten people; and the log of a change of grade and a finalisation.

import type { AssessmentComparison, AssessmentLogEntry, AssessmentReport } from '../../api/types';
import report from './report.generated.json';
import log from './log.generated.json';
import whatif from './whatif.generated.json';

export const sampleReport = report as unknown as AssessmentReport;
export const sampleLog = log as unknown as AssessmentLogEntry[];

/** 对比: the sample's 2025 with 某市财政局's 优秀 ratio at 30% (`whatif_assessment`'s answer). */
export const sampleComparison = whatif as unknown as AssessmentComparison;
