import { defineRule, type SegmentRule } from '../types';

// A quotation that ends its own sentence keeps the stop inside the marks, and no second 句号
// follows outside them: “他说：‘好。’。” and 「好！」。 end twice (GB/T 15834-2011 4.1, 4.7).
// The same for every quotation style, “ ” ‘ ’ and 「 」 『 』 (issue 14: the corner brackets
// had no rules of their own). A comma after the marks (…。」，他说) is left alone: the
// sentence goes on, and papers differ on it.

export const STOP_AFTER_QUOTE = defineRule(
  'punct.stop-after-quote', 'warning', 'GB/T 15834-2011 4.1, 4.7',
  '引语末尾已有句末点号，引号后的“。”多余', 'The quotation already ends with its own stop; drop the "。" after it',
);

const RE = /[。？！]([”’」』]+)。/g;

const stopAfterQuote: SegmentRule = (seg, ctx) => {
  for (let m = RE.exec(seg.text); m; m = RE.exec(seg.text)) {
    const at = m.index + 1 + m[1]!.length;
    ctx.emit(STOP_AFTER_QUOTE, at, at + 1, '');
  }
};

export const punctuationQuoteEndRules: SegmentRule[] = [stopAfterQuote];
export const punctuationQuoteEndDefs = [STOP_AFTER_QUOTE];
