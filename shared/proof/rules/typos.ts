import { detectTypos, TYPO_THRESHOLDS, TYPO_WEIGHTS, TYPO_WEIGHTS_STRICT } from '../csc/detect';
import { confidenceOf } from '../csc/confidence';
import { defineRule, type SegmentRule } from '../types';

// 错别字 (issue 14): the statistical detector of ../csc over Chinese copy. The clearest cases
// are errors, the others warnings; strict reports weaker cases too. Each finding carries
// its evidence: the few characters around it as written and with the fix, how much more
// probable the fix makes them (log10 units), and the finding's confidence (../csc/confidence.ts:
// how often a finding with that score was right on SIGHAN-15 TRAIN).

export const TYPO = defineRule(
  'char.typo', 'error', '通用规范汉字表 (2013); 校对常见差错',
  '疑为错别字：“{text}”应为“{fix}”？把“{text}”换成“{fix}”后通顺度明显提高（“{before}”→“{after}”，评分 +{gain}，置信度 {confidence}%）',
  'Possible typo: "{fix}" for "{text}"? With "{fix}" the text reads markedly better ("{before}" → "{after}", score +{gain}, confidence {confidence} %)',
);
export const POSSIBLE_TYPO = defineRule(
  'char.possible-typo', 'warning', '通用规范汉字表 (2013); 校对常见差错',
  '可能是错别字：“{text}”是否应为“{fix}”？把“{text}”换成“{fix}”后通顺度提高（“{before}”→“{after}”，评分 +{gain}，置信度 {confidence}%）',
  'Perhaps a typo: "{fix}" for "{text}"? With "{fix}" the text reads better ("{before}" → "{after}", score +{gain}, confidence {confidence} %)',
);

const typos: SegmentRule = (seg, ctx) => {
  const { csc, typoLevel = 'normal', terms } = ctx.options;
  // A credit line is names and titles: nothing there for a word model to correct.
  if (!csc || typoLevel === 'off' || seg.kind === 'credit') return;
  const floor = typoLevel === 'strict' ? TYPO_THRESHOLDS.strict : TYPO_THRESHOLDS.normal;
  const weights = typoLevel === 'strict' ? TYPO_WEIGHTS_STRICT : TYPO_WEIGHTS;
  for (const hit of detectTypos(csc, seg.text, floor, terms, weights)) {
    const rule = hit.gain >= TYPO_THRESHOLDS.error ? TYPO : POSSIBLE_TYPO;
    ctx.emit(rule, hit.at, hit.at + 1, hit.fix, { fix: hit.fix, before: hit.before, after: hit.after, gain: (hit.gain / Math.LN10).toFixed(1), confidence: String(Math.round(100 * confidenceOf(hit.gain))) });
  }
};

export const typoRules: SegmentRule[] = [typos];
export const typoDefs = [TYPO, POSSIBLE_TYPO];
