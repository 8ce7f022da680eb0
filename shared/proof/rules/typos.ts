import { detectTypos, TYPO_THRESHOLDS, TYPO_WEIGHTS, TYPO_WEIGHTS_STRICT } from '../csc/detect';
import { confidenceOf } from '../csc/confidence';
import { defineRule, type SegmentRule } from '../types';

// 错别字 (issue 14): the statistical detector of ../csc over Chinese copy. The clearest cases
// are errors, the others warnings; strict reports weaker cases too. Each finding carries
// its evidence: the few characters around it as written and with the fix, how many times
// more probable the word language model finds the text around it with the fix (word-lm.ts),
// the score (log10 units), and the finding's confidence (../csc/confidence.ts:
// how often a finding with that score was right on SIGHAN-15 TRAIN).

export const TYPO = defineRule(
  'char.typo', 'error', '通用规范汉字表 (2013); 校对常见差错',
  '疑为错别字：“{text}”应为“{fix}”？把“{text}”换成“{fix}”后通顺度明显提高（“{before}”→“{after}”{lmZh}，评分 +{gain}，置信度 {confidence}%）',
  'Possible typo: "{fix}" for "{text}"? With "{fix}" the text reads markedly better ("{before}" → "{after}"{lmEn}, score +{gain}, confidence {confidence} %)',
);
export const POSSIBLE_TYPO = defineRule(
  'char.possible-typo', 'warning', '通用规范汉字表 (2013); 校对常见差错',
  '可能是错别字：“{text}”是否应为“{fix}”？把“{text}”换成“{fix}”后通顺度提高（“{before}”→“{after}”{lmZh}，评分 +{gain}，置信度 {confidence}%）',
  'Perhaps a typo: "{fix}" for "{text}"? With "{fix}" the text reads better ("{before}" → "{after}"{lmEn}, score +{gain}, confidence {confidence} %)',
);

const typos: SegmentRule = (seg, ctx) => {
  const { csc, typoLevel = 'normal', terms } = ctx.options;
  // A credit line is names and titles: nothing there for a word model to correct.
  if (!csc || typoLevel === 'off' || seg.kind === 'credit') return;
  const floor = typoLevel === 'strict' ? TYPO_THRESHOLDS.strict : TYPO_THRESHOLDS.normal;
  const weights = typoLevel === 'strict' ? TYPO_WEIGHTS_STRICT : TYPO_WEIGHTS;
  for (const hit of detectTypos(csc, seg.text, floor, terms, weights)) {
    const rule = hit.gain >= TYPO_THRESHOLDS.error ? TYPO : POSSIBLE_TYPO;
    const times = timesOf(hit.wlmGain);
    ctx.emit(rule, hit.at, hit.at + 1, hit.fix, {
      fix: hit.fix, before: hit.before, after: hit.after, gain: (hit.gain / Math.LN10).toFixed(1), confidence: String(Math.round(100 * confidenceOf(hit.gain))),
      lmZh: times ? `，语言模型概率高约 ${times} 倍` : '', lmEn: times ? `, ${times} times as probable to the word model` : '',
    });
  }
};

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/**
 * e^gain as a reader takes it in: "35", "3×10⁵"; empty below 2 (the word model is then not
 * the evidence: a known confusion or the context carried the finding).
 */
export function timesOf(gain: number): string {
  if (!(gain >= Math.LN2)) return '';
  const x = Math.exp(gain);
  if (x < 1000) return String(Math.round(x));
  let exp = Math.floor(Math.log10(x));
  let mant = Math.round(x / 10 ** exp);
  if (mant >= 10) { mant = 1; exp++; }
  const sup = [...String(exp)].map((d) => SUPERSCRIPT[Number(d)]).join('');
  return mant === 1 ? `10${sup}` : `${mant}×10${sup}`;
}

export const typoRules: SegmentRule[] = [typos];
export const typoDefs = [TYPO, POSSIBLE_TYPO];
