// 对比 (src-tauri/src/whatif.rs): one change tried on the year's assessment or on promotion, and
// who it changes, with the reasons before and after; nothing is saved. A rule file to compare
// with is chosen by the shell in a dialog: null when the clerk cancelled it.

import { call } from './call';
import type { AssessmentComparison, AssessmentTry, IsoDate, PromotionComparison, PromotionTry } from './types';

export type { AssessmentComparison, AssessmentTry, PromotionComparison, PromotionTry } from './types';

/** The year's assessment as it is and with `change`. */
export function whatifAssessment(year: number, change: AssessmentTry): Promise<AssessmentComparison | null> {
  return call('whatif_assessment', { year, change });
}

/** Promotion on `asOf` as it is and with `change`. */
export function whatifPromotion(asOf: IsoDate, change: PromotionTry): Promise<PromotionComparison | null> {
  return call('whatif_promotion', { asOf, change });
}
