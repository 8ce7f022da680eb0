// SIGHAN-15 TRAIN two-fold (issue 14), shared by the tuning (csc-tune.ts) and the ranker's
// training (csc-rank.ts): the TRAIN-derived tables (confusion pair counts, bigrams,
// miswritten words) are rebuilt from one half and the other half is scored, so a number is
// never the detector remembering its own sentences. The context model (licensed corpus and
// SIGHAN-2013/CLP-2014's training text, no SIGHAN-15 sentence) is kept whole.
import { readFileSync } from 'node:fs';
import { addMiswritten, logpOf, pairKey, type CscModel } from '../shared/proof/csc/model';
import { scoreOf, type TypoCandidate } from '../shared/proof/csc/detect';
import type { SighanItem } from './csc-sighan';
import { cscSwitches } from '../shared/proof/csc/switches';

/** The full model with TRAIN's tables made from `items` (and `extra`'s, when given) only. */
export function modelFromItems(full: CscModel, items: readonly SighanItem[], extra: readonly SighanItem[] = []): CscModel {
  const pairs = new Map<number, number>();
  const bigrams = new Map<number, number>();
  const prone = new Map<number, number>();
  const mis = new Map<string, number>();
  const bump = (m: Map<number, number>, k: number, n = 1) => k >= 0 && m.set(k, (m.get(k) ?? 0) + n);
  const han = /^\p{Script=Han}+$/u;
  for (const { original_text: o, correct_text: c } of [...items, ...extra]) {
    if (o.length === c.length) {
      for (let i = 0; i < o.length; i++) {
        if (o[i] === c[i] || !han.test(o[i]! + c[i]!)) continue;
        bump(pairs, pairKey(full, o.charCodeAt(i), c.charCodeAt(i)));
        bump(prone, o.charCodeAt(i));
      }
    }
    for (let i = 0; i + 1 < c.length; i++) if (han.test(c[i]! + c[i + 1]!)) bump(bigrams, pairKey(full, c.charCodeAt(i), c.charCodeAt(i + 1)));
    if (o.length !== c.length) continue;
    for (let i = 0; i < o.length; i++) {
      if (o[i] === c[i]) continue;
      for (const s of [i - 1, i]) {
        const w = o.slice(s, s + 2), r = c.slice(s, s + 2);
        if (s >= 0 && s + 2 <= o.length && han.test(w + r) && logpOf(full, r) !== undefined && logpOf(full, w) === undefined) mis.set(`${w}\t${r}`, (mis.get(`${w}\t${r}`) ?? 0) + 1);
      }
    }
  }
  const half: CscModel = { ...full, pairs, bigrams, prone, miswritten: new Map() };
  for (const [e, n] of mis) { const [w, r] = e.split('\t') as [string, string]; addMiswritten(half, w, r, n); }
  return half;
}

/** TRAIN's two halves (even and odd sentences): fold h builds from halves[h] and scores halves[1 - h]. */
export const halvesOf = <T>(items: readonly T[]): [T[], T[]] => [items.filter((_, i) => i % 2 === 0), items.filter((_, i) => i % 2 === 1)];

/** The detector's candidate switches (shared/proof/csc/switches.ts) from the environment, to compare settings (CSC_IN_WORD=0, CSC_PAIRED=1, …). */
export function switchesFromEnv(env: NodeJS.ProcessEnv = process.env): void {
  if (env.CSC_IN_WORD) cscSwitches.inWord = env.CSC_IN_WORD === '1';
  if (env.CSC_IN_WORD_MARGIN) cscSwitches.inWordMargin = Number(env.CSC_IN_WORD_MARGIN);
  if (env.CSC_IN_WORD_BELOW) cscSwitches.inWordBelow = Number(env.CSC_IN_WORD_BELOW);
  if (env.CSC_IN_WORD_CONTEXT) cscSwitches.inWordContext = Number(env.CSC_IN_WORD_CONTEXT);
  if (env.CSC_IN_WORD_PRONE) cscSwitches.inWordProne = Number(env.CSC_IN_WORD_PRONE);
  if (env.CSC_PAIRED) cscSwitches.paired = env.CSC_PAIRED === '1';
  if (env.CSC_PAIRED_MIN) cscSwitches.pairedMin = Number(env.CSC_PAIRED_MIN);
  if (env.CSC_WLM_WINDOW) cscSwitches.wlmWindow = Number(env.CSC_WLM_WINDOW);
  if (env.CSC_WLM_OPENS) cscSwitches.wlmOpens = Number(env.CSC_WLM_OPENS);
  if (env.CSC_WLM_IN_WORD) cscSwitches.wlmInWord = Number(env.CSC_WLM_IN_WORD);
}

/** The best-scoring fix at each position scoring at or above th, as detectTypos keeps them (the tuning scripts' flags). */
export function flagsAt(cands: readonly TypoCandidate[], w: readonly number[], th: number): { at: number; fix: string; s: number }[] {
  const best = new Map<number, { at: number; fix: string; s: number }>();
  for (const c of cands) {
    const s = scoreOf(c.features, w);
    if (s >= th && (best.get(c.at)?.s ?? -Infinity) < s) best.set(c.at, { at: c.at, fix: c.fix, s });
  }
  return [...best.values()];
}

/** The lines with Han characters of the two seed pages: the false-finding check of the tuning scripts. */
export const seedLines = (): string[] =>
  ['2025', '2026'].flatMap((y) => readFileSync(`/work/shared/fixtures/seeds/${y}-qinyuan-lianghui.md`, 'utf8').split('\n').filter((l) => /\p{Script=Han}/u.test(l)));
