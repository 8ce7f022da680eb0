import { defineRule, type SegmentRule } from '../types';

// Stacked question and exclamation marks (！！, ？？！！, ？！？！): GB/T 15834-2011 allows them
// (4.3.3, 4.4.3: 叠用 for strong feeling), so the engine leaves them alone unless the edition's
// house style says otherwise (HouseStyle.flagStackedMarks, on by default: news copy does not
// shout; a literary supplement may turn it off). The Chinese copywriting guidelines
// (中文文案排版指北, 不重复使用标点符号) give the fix: one mark, or ？！ for a question asked in
// surprise. A single ？！ or ！？ is 连用, not stacking, and is never flagged.

export const STACKED_MARKS = defineRule(
  'punct.stacked', 'warning', 'house style; GB/T 15834-2011 4.3.3, 4.4.3',
  '问号、叹号叠用“{text}”，本刊规范宜写作“{fix}”', 'Stacked marks "{text}"; house style: "{fix}"',
);

const RUN = /[？！?!]{2,}/g;

const stacked: SegmentRule = (seg, ctx) => {
  if (!ctx.options.flagStackedMarks) return;
  for (let m = RUN.exec(seg.text); m; m = RUN.exec(seg.text)) {
    const run = m[0];
    // Half-width ?! among Chinese are the half-width rule's; a run of them is stacking too.
    const full = run.replace(/\?/g, '？').replace(/!/g, '！');
    const fix = [...new Set(full)].join('');
    if (fix.length === full.length) continue; // ？！ or ！？: no mark repeats
    ctx.emit(STACKED_MARKS, m.index, m.index + run.length, fix, { fix });
  }
};

export const punctuationStackedRules: SegmentRule[] = [stacked];
export const punctuationStackedDefs = [STACKED_MARKS];
