// A reason of the engine — words and the rules they cite — as one line of text, the way the
// result workbooks and printed documents write it: each citation 〔依据：…〕, or 〔依据：…；待核实〕
// for a rule still to be verified. On screen, `ReasonText` sets the citations apart.

import type { Reason, ReasonPart } from '../api/types';

type CitePart = Extract<ReasonPart, { cite: string }>;

export function isCite(part: ReasonPart): part is CitePart {
  return 'cite' in part;
}

/** 〔依据：…〕 for a citation, with 待核实 for a rule still to be verified. */
export function citeText(part: CitePart): string {
  return part.status === 'U' ? `〔依据：${part.cite}；待核实〕` : `〔依据：${part.cite}〕`;
}

export function reasonText(reason: Reason): string {
  return reason.map((part) => (isCite(part) ? citeText(part) : part.text)).join('');
}

/** Whether the reason cites a rule still to be verified (待核实). */
export function citesPending(reason: Reason): boolean {
  return reason.some((part) => isCite(part) && part.status === 'U');
}
