// Character classes the rules share. Han is the Unicode script; "Chinese punctuation"
// is the full-width set GB/T 15834-2011 prints in Chinese text.

export const HAN_RE = /\p{Script=Han}/u;
export const isHan = (ch: string | undefined): boolean => ch !== undefined && HAN_RE.test(ch);

/** Full-width marks of Chinese text (点号 and 标号). */
export const ZH_PUNCT = '，。、；：？！“”‘’《》〈〉（）【】「」『』…—～·';
export const isZhPunct = (ch: string | undefined): boolean => ch !== undefined && ZH_PUNCT.includes(ch);

/** Han or a Chinese mark: "inside Chinese text" on this side. */
export const isZhContext = (ch: string | undefined): boolean => isHan(ch) || isZhPunct(ch);

export const isLatin = (ch: string | undefined): boolean => ch !== undefined && /[A-Za-z]/.test(ch);
export const isDigit = (ch: string | undefined): boolean => ch !== undefined && ch >= '0' && ch <= '9';

/** Sentence punctuation: a segment with none is a headline, dateline, caption or list of names. */
export const hasSentencePunct = (text: string): boolean => /[，。；：？！]/.test(text);

const HAN_DIGITS = '〇一二三四五六七八九';
export function digitsToHan(n: string): string {
  return [...n].map((d) => HAN_DIGITS[Number(d)] ?? d).join('');
}
