// The word language model's weight in the 错别字 score (issue 14), chosen as csc-tune.ts
// chooses the others: SIGHAN-15 TRAIN two-fold (precision as TEST is built: each held-out
// half with its corrected text), SIGHAN-2013/CLP-2014's test sentences as the development
// set, the seed pages for false findings; never TEST. The other weights are TYPO_WEIGHTS';
// CSC_WLM lists the word model's weights, CSC_LM the segmentation gain's, CSC_TH thresholds.
//   npx esbuild bench/csc-wlm-tune.ts --bundle --platform=node --format=esm --outfile=.tmp/wlm-tune.mjs && node .tmp/wlm-tune.mjs
import { readFileSync } from 'node:fs';
import { parseCscModel, type CscModel } from '../shared/proof/csc/model';
import { flagsAt, halvesOf, modelFromItems, seedLines, switchesFromEnv } from './csc-folds';
import { typoCandidates as candidatesOf, TYPO_WEIGHTS } from '../shared/proof/csc/detect';
import { parseSighan1314, scoreSighan, type SighanItem } from './csc-sighan';

switchesFromEnv();
const full = parseCscModel(readFileSync('resources/csc/csc-model.bin'));
const train = JSON.parse(readFileSync('tests/corpus/sighan15/train.json', 'utf8')) as SighanItem[];
const dev = parseSighan1314(readFileSync('resources/csc/sighan1314.tsv', 'utf8')).filter((d) => d.set.startsWith('test'));
const seeds = seedLines();
// Every feature, the unigram segmentation's too (computed only where its weight is not 0).
const ALL = TYPO_WEIGHTS.map((v, k) => (k === 1 ? 1 : v));
const CAP = Number(process.env.CSC_WLM_CAP ?? Infinity);
const typoCandidates = (model: CscModel, text: string) => candidatesOf(model, text, undefined, -Infinity, ALL).map((c) => { c.features[18] = Math.min(c.features[18]!, CAP); return c; });
const fromItems = (items: readonly SighanItem[]): CscModel => modelFromItems(full, items);


const seedModel = fromItems(train);
const halves = halvesOf(train);
const folds = [0, 1].map((h) => {
  const model = fromItems(halves[h]!);
  const test = halves[1 - h]!;
  return { cands: test.map((d) => typoCandidates(model, d.original_text)), test, clean: test.map((d) => typoCandidates(model, d.correct_text)) };
});
const seedCands = seeds.map((l) => typoCandidates(seedModel, l));
const devCands = dev.map((d) => typoCandidates(seedModel, d.original_text));
const list = (v: string | undefined, d: string) => (v ?? d).split(',').map(Number);
const extra = process.env.CSC_W ? JSON.parse(process.env.CSC_W) as Record<string, number> : {};
for (const lmW of list(process.env.CSC_LM, '1')) {
  for (const wlmW of list(process.env.CSC_WLM, '0,0.5,1')) {
    const w = [...TYPO_WEIGHTS, ...new Array<number>(19 - TYPO_WEIGHTS.length).fill(0)];
    w[1] = lmW; w[18] = wlmW;
    for (const [k, v] of Object.entries(extra)) w[Number(k)] = v;
    for (const th of list(process.env.CSC_TH, '10,12,14,16,18')) {
      const s = folds.map((f) => scoreSighan(f.test, (_, n) => flagsAt(f.cands[n]!, w, th)));
      const mixed = folds.map((f) => scoreSighan([...f.test, ...f.test.map((d) => ({ original_text: d.correct_text, correct_text: d.correct_text }))], (_, n) => flagsAt(n < f.test.length ? f.cands[n]! : f.clean[n - f.test.length]!, w, th)));
      const avg = (k: 'detectP' | 'detectR' | 'correctP') => (s[0]![k] + s[1]![k]) / 2;
      const mixedP = (mixed[0]!.detectP + mixed[1]!.detectP) / 2;
      const cleanFP = folds.reduce((n, f) => n + f.clean.reduce((m, c) => m + flagsAt(c, w, th).length, 0), 0) / train.length * 100;
      const d = scoreSighan(dev, (_, n) => flagsAt(devCands[n]!, w, th));
      const seedFP = seedCands.reduce((n, c) => n + flagsAt(c, w, th).length, 0);
      console.log(`lm ${lmW} wlm ${wlmW} th ${th} | mixP ${mixedP.toFixed(3)} R ${avg('detectR').toFixed(3)} corrP ${avg('correctP').toFixed(3)} clean/100 ${cleanFP.toFixed(2)} seedFP ${seedFP} | dev P ${d.detectP.toFixed(3)} R ${d.detectR.toFixed(3)} F/100 ${d.falsePer100.toFixed(1)}`);
    }
  }
}

// CSC_SEARCH=R: a coordinate search from the first setting for the best mixP with recall ≥ R
// on TRAIN's halves (thresholds CSC_TH), printing each step and the development set's numbers.
if (process.env.CSC_SEARCH) {
  const minR = Number(process.env.CSC_SEARCH);
  const ths = list(process.env.CSC_TH, '10,11,12,13,14,15,16');
  const w = [...TYPO_WEIGHTS, ...new Array<number>(19 - TYPO_WEIGHTS.length).fill(0)];
  w[1] = list(process.env.CSC_LM, '0')[0]!; w[18] = list(process.env.CSC_WLM, '1')[0]!;
  for (const [k, v] of Object.entries(extra)) w[Number(k)] = v;
  const evalW = (wt: number[]) => {
    let best = { p: 0, r: 0, th: 0 };
    for (const th of ths) {
      const mixed = folds.map((f) => scoreSighan([...f.test, ...f.test.map((d) => ({ original_text: d.correct_text, correct_text: d.correct_text }))], (_, n) => flagsAt(n < f.test.length ? f.cands[n]! : f.clean[n - f.test.length]!, wt, th)));
      const p = (mixed[0]!.detectP + mixed[1]!.detectP) / 2;
      const r = (mixed[0]!.detectR + mixed[1]!.detectR) / 2;
      if (r >= minR && p > best.p) best = { p, r, th };
    }
    return best;
  };
  let cur = evalW(w);
  console.log('start', JSON.stringify(w), cur);
  for (let round = 0; round < 2; round++) {
    for (const k of [1, 2, 3, 5, 7, 8, 9, 10, 12, 14, 18]) {
      for (const d of [-0.5, -0.25, 0.25, 0.5]) {
        const t = w.slice();
        t[k] = Math.round((t[k]! + d) * 100) / 100;
        const e = evalW(t);
        if (e.p > cur.p + 0.002) { cur = e; w[k] = t[k]!; console.log('step', k, t[k], cur); }
      }
    }
  }
  const d = scoreSighan(dev, (_, n) => flagsAt(devCands[n]!, w, cur.th));
  const seedFP = seedCands.reduce((n, c) => n + flagsAt(c, w, cur.th).length, 0);
  console.log('end', JSON.stringify(w), cur, `dev P ${d.detectP.toFixed(3)} R ${d.detectR.toFixed(3)} F/100 ${d.falsePer100.toFixed(1)} seedFP ${seedFP}`);
}
