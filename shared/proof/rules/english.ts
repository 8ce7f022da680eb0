import { defineRule, type SegmentRule } from '../types';

// English copy: spelling against an offline Hunspell dictionary (en_US through nspell),
// doubled words, and Chinese full-width marks left in an English sentence.

export const SPELLING = defineRule(
  'en.spelling', 'warning', 'Hunspell en_US',
  '英文拼写可能有误：“{text}”', 'Possible misspelling: "{text}"',
);
export const DOUBLED_WORD = defineRule(
  'en.doubled-word', 'warning', 'house style',
  '英文单词重复：“{text}”', 'Doubled word: "{text}"',
);
export const ZH_PUNCT_IN_EN = defineRule(
  'en.chinese-punct', 'error', 'house style (英文稿用半角标点)',
  '英文中使用了中文标点“{text}”，应为“{fix}”', 'Chinese mark "{text}" in English text; use "{fix}"',
);

const WORD = /[A-Za-z]+(?:['’][A-Za-z]+)*/g;

const spelling: SegmentRule = (seg, ctx) => {
  const speller = ctx.options.speller;
  if (!speller) return;
  for (const m of seg.text.matchAll(WORD)) {
    const w = m[0];
    // Capitalised and all-caps words are names, pinyin and acronyms (Qinyuan, CHANGZHI, LNG):
    // the dictionary cannot judge them, so only lower-case words are checked.
    if (w.length < 3 || /[A-Z]/.test(w)) continue;
    const end = m.index + w.length;
    const next = seg.text[end];
    if (next !== undefined && /[\d_@/]/.test(next)) continue; // part of a code or address
    if (next === '.' && /[A-Za-z]/.test(seg.text[end + 1] ?? '')) continue; // www.example.com
    const prev = seg.text[m.index - 1];
    if (prev !== undefined && /[\d_@/.\\]/.test(prev)) continue;
    if (!speller.correct(w.replace(/’/g, "'"))) ctx.emit(SPELLING, m.index, end);
  }
};

// "had had" and "that that" are grammatical English.
const DOUBLE_OK = new Set(['had', 'that', 'is', 'bye', 'so']);
const doubled: SegmentRule = (seg, ctx) => {
  const re = /\b([A-Za-z]+)\s+\1\b/gi;
  for (let m = re.exec(seg.text); m; m = re.exec(seg.text)) {
    const w = m[1]!;
    if (DOUBLE_OK.has(w.toLowerCase())) continue;
    const second = m.index + m[0].length - w.length;
    ctx.emit(DOUBLED_WORD, m.index, m.index + m[0].length, { start: m.index + w.length, end: second + w.length, replacement: '' });
  }
};

const ASCII: Record<string, string> = { '，': ',', '。': '.', '；': ';', '：': ':', '？': '?', '！': '!', '（': '(', '）': ')', '、': ',' };
const zhPunct: SegmentRule = (seg, ctx) => {
  const t = seg.text;
  for (let i = 0; i < t.length; i++) {
    const ch = t[i]!;
    const ascii = ASCII[ch];
    if (!ascii) continue;
    const prev = t[i - 1];
    const next = t[i + 1];
    // A Chinese mark after a Han word (a name quoted in Chinese) is Chinese text.
    if (prev !== undefined && /\p{Script=Han}/u.test(prev)) continue;
    if (next !== undefined && /\p{Script=Han}/u.test(next)) continue;
    const spaced = ch !== '（' && ch !== '）' && next !== undefined && next !== ' ' && /[A-Za-z0-9]/.test(next) ? ' ' : '';
    const lead = ch === '（' && prev !== undefined && /[A-Za-z0-9.,]/.test(prev) ? ' ' : '';
    ctx.emit(ZH_PUNCT_IN_EN, i, i + 1, lead + ascii + spaced, { fix: ascii });
  }
};

export const englishRules: SegmentRule[] = [spelling, doubled, zhPunct];
export const englishDefs = [SPELLING, DOUBLED_WORD, ZH_PUNCT_IN_EN];
