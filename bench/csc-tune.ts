// Tuning of the 错别字 detector on SIGHAN-15 TRAIN only (issue 14), two-fold: the TRAIN-derived
// tables (confusion pair counts, bigrams) are rebuilt from one half and the other half is
// scored, so the numbers are not the detector remembering its own sentences (the context
// model comes from the licensed corpus, which holds no SIGHAN text, and is kept whole). The
// seed pages (newspaper copy without errors) give the false findings a setting costs.
// Prints one line per setting (precision, recall, correction precision, findings on the
// seeds, findings per 100 of TRAIN's corrected sentences); the chosen ones go into
// shared/proof/csc/detect.ts (TYPO_WEIGHTS, TYPO_THRESHOLDS).
//   node scripts/csc-model.mjs && npx esbuild bench/csc-tune.ts --bundle --platform=node --format=esm --outfile=.tmp/tune.mjs && node .tmp/tune.mjs
import { readFileSync } from 'node:fs';
import { addMiswritten, logpOf, pairKey, parseCscModel, type CscModel } from '../shared/proof/csc/model';
import { scoreOf, typoCandidates, type TypoCandidate } from '../shared/proof/csc/detect';
import { scoreSighan, type SighanItem } from './csc-sighan';

const full = parseCscModel(readFileSync('resources/csc/csc-model.bin'));
const train = JSON.parse(readFileSync('tests/corpus/sighan15/train.json', 'utf8')) as SighanItem[];
const seeds = ['2025', '2026'].flatMap((y) => readFileSync(`/work/shared/fixtures/seeds/${y}-qinyuan-lianghui.md`, 'utf8').split('\n').filter((l) => /\p{Script=Han}/u.test(l)));

function fromItems(items: readonly SighanItem[]): CscModel {
  const pairs = new Map<number, number>();
  const bigrams = new Map<number, number>();
  const prone = new Map<number, number>();
  const mis = new Map<string, number>();
  const bump = (m: Map<number, number>, k: number, n = 1) => k >= 0 && m.set(k, (m.get(k) ?? 0) + n);
  const han = /^\p{Script=Han}+$/u;
  for (const { original_text: o, correct_text: c } of items) {
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

function flagsAt(cands: TypoCandidate[], w: number[], th: number) {
  const best = new Map<number, { at: number; fix: string; s: number }>();
  for (const c of cands) {
    const s = scoreOf(c.features, w);
    if (s >= th && (best.get(c.at)?.s ?? -Infinity) < s) best.set(c.at, { at: c.at, fix: c.fix, s });
  }
  return [...best.values()];
}

const halves = [train.filter((_, i) => i % 2 === 0), train.filter((_, i) => i % 2 === 1)];
const folds = [0, 1].map((h) => {
  const model = fromItems(halves[h]!);
  const test = halves[1 - h]!;
  // The held-out half's corrected sentences: error-free copy of the same kind, for false findings.
  return { cands: test.map((d) => typoCandidates(model, d.original_text)), test, clean: test.map((d) => typoCandidates(model, d.correct_text)), seedCands: seeds.map((l) => typoCandidates(fromItems(train), l)) };
});
const report: string[] = [];
// CSC_GRID: candidate values of each weight, `|` between weights, in FEATURES order from
// bigramGain (lmGain is fixed at 1, the scale; bias, charProne and charAlone at 0);
// CSC_TH: the thresholds. A wider grid (bigramGain 0.5–1.5, pairSeen 0.5–1.5, joinsWord
// 0.5–2, wordMiswritten 2–6, charLm 0–0.5, classCtx 0.5–1) found nothing better than the
// defaults beyond ±0.01 in precision or recall.
const grid = (process.env.CSC_GRID ?? '1|1|-4|1|4|0.25|1|0,2').split('|').map((g) => g.split(',').map(Number));
const combos = grid.reduce<number[][]>((acc, vals) => acc.flatMap((a) => vals.map((v) => [...a, v])), [[]]);
const thresholds = (process.env.CSC_TH ?? '6,8,9,10,10.5,11,12,13,14,15,16').split(',').map(Number);
for (const [bigram, pair, inWord, joins, mis, charLm, cls, particle] of combos) {
  const w = [0, 1, bigram!, pair!, 0, inWord!, 0, joins!, mis!, charLm!, cls!, particle!];
  for (const th of thresholds) {
    const s = folds.map((f) => scoreSighan(f.test, (_, n) => flagsAt(f.cands[n]!, w, th)));
    const seedFP = folds[0]!.seedCands.reduce((n, c) => n + flagsAt(c, w, th).length, 0);
    const cleanFP = folds.reduce((n, f) => n + f.clean.reduce((m, c) => m + flagsAt(c, w, th).length, 0), 0) / train.length * 100;
    const avg = (k: 'detectP' | 'detectR' | 'correctP' | 'correctR') => (s[0]![k] + s[1]![k]) / 2;
    report.push(`${avg('detectP').toFixed(3)} R ${avg('detectR').toFixed(3)} corrP ${avg('correctP').toFixed(3)} seedFP ${seedFP} clean/100 ${cleanFP.toFixed(2)} w ${JSON.stringify(w)} th ${th}`);
  }
}
console.log(report.join('\n'));
