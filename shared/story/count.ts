// Character counts as a Chinese newsroom counts them: Chinese copy by characters (字),
// with punctuation counted and shown apart; English by words. Latin words and numbers
// inside Chinese copy count as words, as 方正 and WPS count them.

const HAN = /\p{Script=Han}/u;
const CJK_PUNCT = /[\u3000-\u303f\uff00-\uffef\u2014\u2026\u2018\u2019\u201c\u201d\u00b7]/u;
const WORD = /[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu;
const WORD_JOINER = /[.\-'’]/;
const ANY_PUNCT = /\p{P}|\p{S}/u;

export interface CopyCount {
  /** Han characters. */
  han: number;
  /** Punctuation marks (full- and half-width). */
  punct: number;
  /** Latin/other-script words and numbers (PM2.5 is one). */
  words: number;
  /** What the desk quotes as "字数": Han + punctuation + words. */
  total: number;
}

export function countCopy(text: string): CopyCount {
  let han = 0;
  let punct = 0;
  let rest = '';
  for (const ch of text) {
    if (HAN.test(ch)) { han++; rest += ' '; }
    // Dots, hyphens and apostrophes may belong to a word (PM2.5, COVID-19, Qinyuan's):
    // they are decided after the words are found.
    else if (WORD_JOINER.test(ch)) rest += ch;
    else if (CJK_PUNCT.test(ch) || ANY_PUNCT.test(ch)) { punct++; rest += ' '; }
    else rest += ch;
  }
  const words = rest.match(WORD) ?? [];
  const loose = rest.replace(WORD, ' ').replace(/[^.\-'’]/g, '').length;
  punct += loose;
  return { han, punct, words: words.length, total: han + punct + words.length };
}
