import { defineRule, type SegmentRule } from '../types';

// GB/T 15834-2011 4.7–4.10: quotation marks, brackets and title marks come in pairs;
// a quotation inside a quotation takes single marks “……‘……’……”; a quotation that runs
// over several paragraphs opens each paragraph and closes only the last (4.7.3.4).

export const UNMATCHED = defineRule(
  'punct.unmatched', 'error', 'GB/T 15834-2011 4.7–4.10',
  '标点{text}缺少配对的另一半', '"{text}" has no partner',
);
export const MISNESTED = defineRule(
  'punct.misnested', 'error', 'GB/T 15834-2011 4.7–4.10',
  '标点{text}与前面的{fix}交叉嵌套', '"{text}" closes across the open "{fix}"',
);
export const NESTED_DOUBLE_QUOTES = defineRule(
  'punct.nested-quotes', 'warning', 'GB/T 15834-2011 4.7.3.2',
  '引号内再用引号时应使用单引号‘’', 'A quotation inside a quotation takes single quotes ‘ ’',
);

export const NESTED_CORNER_QUOTES = defineRule(
  'punct.nested-corner-quotes', 'warning', 'GB/T 15834-2011 4.7.3.2',
  '直角引号内再用引号时应使用『』', 'A quotation inside 「 」 takes 『 』',
);

/** The outer mark of each quotation style (“ ” with ‘ ’ inside, 「 」 with 『 』 inside). */
const OUTER_QUOTES = new Set(['“', '「']);

const OPEN_OF: Record<string, string> = { '”': '“', '’': '‘', '》': '《', '〉': '〈', '）': '（', '】': '【', '」': '「', '』': '『' };
const OPENERS = new Set(Object.values(OPEN_OF));

/** Whether a code may be one of the marks above: ‘’“” U+2018–201D, 〈〉《》「」『』【】 U+3008–3011, （） U+FF08–FF09. */
const mayPair = (c: number) => (c >= 0x2018 && c <= 0x201d) || (c >= 0x3008 && c <= 0x3011) || c === 0xff08 || c === 0xff09;

const pairs: SegmentRule = (seg, ctx) => {
  const t = seg.text;
  const stack: { ch: string; at: number }[] = [];
  for (let i = 0; i < t.length; i++) {
    if (!mayPair(t.charCodeAt(i))) continue;
    const ch = t[i]!;
    if (OPENERS.has(ch)) {
      if (ch === '“' && stack.some((s) => s.ch === '“')) ctx.emit(NESTED_DOUBLE_QUOTES, i, i + 1);
      if (ch === '「' && stack.some((s) => s.ch === '「')) ctx.emit(NESTED_CORNER_QUOTES, i, i + 1);
      stack.push({ ch, at: i });
      continue;
    }
    const opener = OPEN_OF[ch];
    if (!opener) continue;
    // ’ is also the apostrophe of Latin words (Xi’an, China’s): not a closing mark there.
    if (ch === '’' && /[A-Za-z]/.test(t[i - 1] ?? '') && /[A-Za-z]/.test(t[i + 1] ?? '')) continue;
    const depth = stack.map((s) => s.ch).lastIndexOf(opener);
    if (depth < 0) {
      ctx.emit(UNMATCHED, i, i + 1);
      continue;
    }
    if (depth !== stack.length - 1) {
      ctx.emit(MISNESTED, i, i + 1, undefined, { fix: stack[stack.length - 1]!.ch });
    }
    stack.length = depth;
  }
  // A quotation continued in the next paragraph leaves its “ (or 「) open here (4.7.3.4).
  const next = ctx.doc.segments[ctx.index + 1]?.text.trimStart();
  for (const open of stack) {
    if (OUTER_QUOTES.has(open.ch) && next?.startsWith(open.ch) && stack.every((s) => s.ch === open.ch)) continue;
    ctx.emit(UNMATCHED, open.at, open.at + 1);
  }
};

export const punctuationPairRules: SegmentRule[] = [pairs];
export const punctuationPairDefs = [UNMATCHED, MISNESTED, NESTED_DOUBLE_QUOTES, NESTED_CORNER_QUOTES];
