// Commands about rank promotion (职级晋升).

import { call } from './call';
import type { IsoDate, PromotionReport } from './types';

/** Promotion eligibility of everyone in the database on the given date. */
export function promotion(asOf: IsoDate): Promise<PromotionReport> {
  return call('promotion', { asOf });
}
