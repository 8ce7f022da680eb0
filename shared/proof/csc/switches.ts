// The 错别字 detector's candidate switches (issue 14), measured on SIGHAN-15 TRAIN two-fold
// (bench/csc-folds.ts switchesFromEnv sets them from CSC_IN_WORD, CSC_PAIRED, CSC_IN_WORD_MARGIN, …
// to compare; the app never changes them). Numbers: precision as TEST is built / recall.

export const cscSwitches = {
  /**
   * Real-word errors (应为 for 因为, 工课 for 功课; 21 % of TEST's errors): a character inside
   * a known two-character word is tried for a confusable that makes a likelier word with
   * the same partner. With the in-word weight −2: 0.659 / 0.177 at 12 (0.657 / 0.172
   * without), 0.677 / 0.099 at 16 (0.673 / 0.097); development set unchanged at 14 and 16.
   */
  inWord: true,
  /** Only words rarer than this (ln P) are tried: the frequent ones (我们, 可以) are most of the positions and seldom a real-word error. */
  inWordBelow: -10,
  /**
   * How often TRAIN must show the written character miswritten before it is tried inside a
   * word: without this the check per in-word position cost the CLI's short run (no optimizing
   * compiler) ~4 ms CPU on the seed page (24 against 20 ms) and built the bloom filter early;
   * at 2 it costs nothing measurable there, and on TRAIN two-fold 0.662 / 0.179 at 12
   * against 0.663 / 0.180 (1 in a half is ~2 in the whole).
   */
  inWordProne: 2,
  /** How much better (ln) the fix must fit the character beyond the word (candidates.ts outerFit). */
  inWordContext: 1,
  /** How much likelier (ln) the word a fix makes must be than the one it replaces. */
  inWordMargin: 0,
  /**
   * TRAIN's confusion pairs as candidates beside the confusion sets (pairs outside them,
   * e.g. 应/因): +0.005 recall for −0.05 precision at 12 and −0.04 at 14 (pairs seen once in
   * a half); seen twice or more (pairedMin 2–5) still −0.01 to −0.02 at the same recall. Off.
   */
  paired: false,
  pairedMin: 2,
  /** Characters on each side of the suspect that the word language model compares (word-lm.ts). */
  wlmWindow: 3,
  /**
   * A candidate that makes no word and no known confusion is still scored when the word
   * model gains this much (ln); Infinity: never. At 6 (with the gain counted to 12): TRAIN
   * two-fold at normal 0.699 / 0.182 against 0.698 / 0.179 without, the development set
   * 0.644 / 0.244 against 0.635 / 0.235 (4 and 8–10 no better); but every confusable of
   * every suspect position then needs its features before the skip can drop it: the
   * detector's 100,000 characters 149 → 317 ms (windows only +20 %). Off until a cheaper
   * bound drops them first.
   */
  wlmOpens: Infinity,
  /**
   * Positions inside known words tried when a candidate gains this much under the word model
   * (ln); Infinity: never. At 10: TRAIN two-fold at normal 0.706 / 0.182 (0.698 / 0.179
   * without), the development set 0.640 / 0.240 (0.635 / 0.235), but strict 0.665 against
   * 0.680, and a window for every confusable of every in-word position: off until a cheap
   * bound picks the positions (4–8: +0.003 recall, −0.01 precision). Tried as a bound: only
   * a fix that makes a likelier two-character word with a neighbour than the written
   * character does (the same numbers) and the window after the cap's skip — still the
   * detector's 100,000 characters 161 → 250 ms.
   */
  wlmInWord: Infinity,
};
