import { CONFIDENCE_FIT } from './confidence-fit';

// A typo finding's confidence (issue 14): the chance that a position flagged with this score
// is a real error with the right fix, fitted on SIGHAN-15 TRAIN two-fold (Platt scaling of
// the score; bench/csc-rank.ts CSC_PLATT=1 writes confidence-fit.ts). Observed against fitted
// by score band there, with the word language model in the score (2026-12-01, fifth pass):
// 10–12 0.51 / 0.47, 12–14 0.67 / 0.60, 14–16 0.71 / 0.71, 16–18 0.88 / 0.81, 18–22
// 0.93 / 0.90, 22–30 0.90 against 0.98, hence the ceiling. TRAIN is learners'
// essays, half the sentences with errors; on newspaper copy, where errors are rarer, the
// same score is less often right, so the settings are chosen by precision, not by this number.

/** No score makes a finding surer than TRAIN's best bands were (0.89–0.92 above 18). */
const CEILING = 0.92;

/** The confidence (0–1) of a finding with this score. */
export function confidenceOf(score: number): number {
  const p = 1 / (1 + Math.exp(-(CONFIDENCE_FIT.slope * score + CONFIDENCE_FIT.intercept)));
  return Math.min(CEILING, p);
}

/** The score at which the fitted confidence reaches p (below the ceiling). */
export function scoreFor(p: number): number {
  return (Math.log(p / (1 - p)) - CONFIDENCE_FIT.intercept) / CONFIDENCE_FIT.slope;
}

/**
 * The settings as confidences: normal reports from 0.65 (score 14, the best precision on
 * TRAIN as TEST is built that raises nothing on the seed pages), strict from 0.53 (score
 * 12), a finding is an error from 0.90 (score 20: 0.56 false findings per 100 of TRAIN's
 * corrected sentences, 0.2 on the development set). See detect.ts TYPO_THRESHOLDS.
 */
export const TYPO_CONFIDENCE = { error: 0.9, normal: 0.65, strict: 0.53 } as const;
