import { createRequire } from 'node:module';

// Chinese has no spaces, so FTS5's own tokenizers see 沁源党参育苗基地 as one token (unicode61)
// or as characters (trigram): neither finds 党参 as a word nor ranks a word above a chance
// run of characters. We segment with jieba (the same dictionary for the index and the
// query) and hand FTS5 words separated by spaces; its `porter unicode61` tokenizer then
// lowercases and stems the English words (growing → grow) and leaves the Chinese ones alone.
// A second column holds every CJK character as its own token, so a phrase of characters is
// an exact substring search: 参育 (not a word in 沁源党参育苗) still finds it, ranked below
// documents where the query's words are words.

interface JiebaLike {
  cut(s: string, hmm?: boolean): string[];
  cutForSearch(s: string, hmm?: boolean): string[];
}

let jieba: JiebaLike | null = null;

/** Loads jieba and its dictionary once (about 0.3 s): only the catalogue pays for it. */
function segmenter(): JiebaLike {
  if (jieba) return jieba;
  const require = createRequire(import.meta.url);
  const { Jieba } = require('@node-rs/jieba') as { Jieba: { withDict(d: Uint8Array): JiebaLike } };
  const { dict } = require('@node-rs/jieba/dict') as { dict: Uint8Array };
  jieba = Jieba.withDict(dict);
  return jieba;
}

const HAN = /\p{Script=Han}/u;
/** A token worth indexing: has a letter or digit (drops spaces and punctuation jieba returns). */
const WORDISH = /[\p{L}\p{N}]/u;

// HMM off: with it, jieba guesses new words from context, so one unknown string can be cut
// one way in a caption and another in the query. Without it an unknown run falls apart into
// single characters the same way everywhere, and the character column still finds it.
const HMM = false;

/**
 * Text → the words column: jieba's search cut (沁源县 also yields 沁源, so a query for the
 * shorter name matches), Latin words as they are for FTS5's porter stemmer.
 */
export function indexWords(text: string): string {
  if (!text) return '';
  return segmenter().cutForSearch(text, HMM).filter((t) => WORDISH.test(t)).join(' ');
}

/** Text → the character column: each Han character a token, in order (phrases = substrings). */
export function indexChars(text: string): string {
  let out = '';
  for (const ch of text) if (HAN.test(ch)) out += out ? ` ${ch}` : ch;
  return out;
}

/** A query term → its words, cut the way a reader means them (the plain cut, not the search cut). */
export function queryWords(term: string): string[] {
  return segmenter().cut(term, HMM).filter((t) => WORDISH.test(t));
}

export function hasHan(text: string): boolean {
  return HAN.test(text);
}
