import type { Speller } from './types';

/**
 * A Speller over a Hunspell check (nspell's `correct`), remembering each word's answer:
 * an edition repeats its words, and nspell's check is the slow part of the English rules.
 * Main (from dictionary-en's files) and the editor (from proof:dictionary) both use it.
 */
export function memoSpeller(correct: (word: string) => boolean): Speller {
  const cache = new Map<string, boolean>();
  return {
    correct(word: string) {
      let ok = cache.get(word);
      if (ok === undefined) cache.set(word, (ok = correct(word)));
      return ok;
    },
  };
}
