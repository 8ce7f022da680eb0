// The 错别字 ranker's training (issue 14): a logistic regression over the features the
// detector computes for every candidate fix (shared/proof/csc/detect.ts FEATURES), fitted on
// SIGHAN-15 TRAIN only, two-fold (bench/csc-folds.ts): each half's candidates come from
// tables built on the other half, on its sentences as written (a candidate is positive when
// it is the right fix at an error) and on their corrected text (all negative: the error-free
// copy TEST is half made of). Prints, for each probability threshold, what the weights
// fitted on one fold do on the other (precision as TEST is built, recall, false findings per
// 100 error-free sentences), the same for the hand weights, and the development set
// (SIGHAN-2013/CLP-2014's test sentences, never built in) with the weights fitted on both
// folds; with CSC_WRITE=1 writes those weights to shared/proof/csc/ranker-weights.ts.
//   npx esbuild bench/csc-rank.ts --bundle --platform=node --format=esm --outfile=.tmp/rank.mjs && node .tmp/rank.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { parseCscModel } from '../shared/proof/csc/model';
import { FEATURES, typoCandidates, TYPO_THRESHOLDS, TYPO_WEIGHTS, type TypoCandidate } from '../shared/proof/csc/detect';
import { errorPositions, parseSighan1314, scoreSighan, type SighanItem } from './csc-sighan';
import { flagsAt, halvesOf, modelFromItems, switchesFromEnv } from './csc-folds';
import { fitLogistic } from './logistic';
import { precisionAtRecall, spansOf, type Sentence } from './csc-curve';

switchesFromEnv();
const full = parseCscModel(readFileSync('resources/csc/csc-model.bin'));
const train = JSON.parse(readFileSync('tests/corpus/sighan15/train.json', 'utf8')) as SighanItem[];
const dev = parseSighan1314(readFileSync('resources/csc/sighan1314.tsv', 'utf8')).filter((d) => d.set.startsWith('test'));
// Which features the model may use (names from FEATURES); the others get weight 0.
const USE = (process.env.CSC_USE ?? FEATURES.filter((f) => f !== 'inWord').join(',')).split(',');
const mask = FEATURES.map((f) => USE.includes(f));
const L2 = Number(process.env.CSC_L2 ?? 1);
const PROBS = (process.env.CSC_P ?? '0.3,0.4,0.5,0.6,0.7,0.8,0.9').split(',').map(Number);

interface Fold { sentences: SighanItem[]; cands: TypoCandidate[][]; clean: TypoCandidate[][] }
const halves = halvesOf(train);
const folds: Fold[] = [0, 1].map((h) => {
  const model = modelFromItems(full, halves[h]!);
  const sentences = halves[1 - h]!;
  return { sentences, cands: sentences.map((d) => typoCandidates(model, d.original_text)), clean: sentences.map((d) => typoCandidates(model, d.correct_text)) };
});

/** Training rows of a fold: features and label (the right fix at an error: 1; a wrong fix at an error is left out). */
function rowsOf(f: Fold): { x: number[][]; y: number[] } {
  const x: number[][] = [], y: number[] = [];
  f.sentences.forEach((d, n) => {
    const wrong = new Set(errorPositions(d));
    for (const c of f.cands[n]!) {
      if (wrong.has(c.at) && c.fix !== d.correct_text[c.at]) continue;
      x.push(c.features.map((v, k) => (mask[k] ? v : 0)));
      y.push(wrong.has(c.at) ? 1 : 0);
    }
    for (const c of f.clean[n]!) { x.push(c.features.map((v, k) => (mask[k] ? v : 0))); y.push(0); }
  });
  return { x, y };
}


/** On fold f with weights w at score threshold th: precision as TEST is built, P and R on the sentences, correction P, false findings per 100 error-free sentences. */
function evaluate(f: Fold, w: readonly number[], th: number) {
  const s = scoreSighan(f.sentences, (_, n) => flagsAt(f.cands[n]!, w, th));
  const mixed = scoreSighan([...f.sentences, ...f.sentences.map((d) => ({ original_text: d.correct_text, correct_text: d.correct_text }))], (_, n) => flagsAt(n < f.sentences.length ? f.cands[n]! : f.clean[n - f.sentences.length]!, w, th));
  return { mixP: mixed.detectP, R: s.detectR, corrP: mixed.correctP, false100: mixed.falsePer100 };
}
const avg = (a: ReturnType<typeof evaluate>, b: ReturnType<typeof evaluate>) =>
  `mixP ${((a.mixP + b.mixP) / 2).toFixed(3)} R ${((a.R + b.R) / 2).toFixed(3)} corrP ${((a.corrP + b.corrP) / 2).toFixed(3)} false/100 ${((a.false100 + b.false100) / 2).toFixed(2)}`;
const logit = (p: number) => Math.log(p / (1 - p));

const rows = folds.map(rowsOf);
console.log(`rows: ${rows.map((r) => `${r.y.length} (${r.y.filter(Boolean).length} positive)`).join(', ')}; features ${USE.join(',')}; L2 ${L2}`);
const crossW = [0, 1].map((h) => fitLogistic(rows[h]!.x, rows[h]!.y, L2));
for (const p of PROBS) console.log(`p ${p}: ${avg(evaluate(folds[1]!, crossW[0]!, logit(p)), evaluate(folds[0]!, crossW[1]!, logit(p)))}`);
for (const th of [10, 12, 14, 16, 18]) console.log(`hand ${th}: ${avg(evaluate(folds[0]!, TYPO_WEIGHTS, th), evaluate(folds[1]!, TYPO_WEIGHTS, th))}`);

const both = fitLogistic([...rows[0]!.x, ...rows[1]!.x], [...rows[0]!.y, ...rows[1]!.y], L2);
console.log('weights', FEATURES.map((f, k) => `${f} ${both[k]!.toFixed(3)}`).join(', '));
const whole = modelFromItems(full, train);
const devCands = dev.map((d) => typoCandidates(whole, d.original_text));
for (const p of PROBS) {
  const d = scoreSighan(dev, (_, n) => flagsAt(devCands[n]!, both, logit(p)));
  console.log(`dev p ${p}: P ${d.detectP.toFixed(3)} R ${d.detectR.toFixed(3)} corrP ${d.correctP.toFixed(3)} F/100 ${d.falsePer100.toFixed(1)}`);
}
const hd = scoreSighan(dev, (_, n) => flagsAt(devCands[n]!, TYPO_WEIGHTS, TYPO_THRESHOLDS.normal));
console.log(`dev hand ${TYPO_THRESHOLDS.normal}: P ${hd.detectP.toFixed(3)} R ${hd.detectR.toFixed(3)} F/100 ${hd.falsePer100.toFixed(1)}`);

if (process.env.CSC_WRITE === '1') {
  const body = `// Generated by bench/csc-rank.ts (CSC_WRITE=1): the 错别字 ranker's weights, a logistic\n// regression fitted on SIGHAN-15 TRAIN's candidates two-fold (L2 ${L2}), in FEATURES order.\nexport const RANKER_WEIGHTS: readonly number[] = [${both.map((v) => Number(v.toPrecision(6))).join(', ')}];\n`;
  writeFileSync('shared/proof/csc/ranker-weights.ts', body);
}

// CSC_SEARCH=r0: coordinate search for the weights with the best precision at recall ≥ r0
// (lmGain fixed at 1, the scale), from the hand weights; searched on fold 0's candidates
// and checked on fold 1's, then on both (what would ship) with the development set as check.
if (process.env.CSC_SEARCH) {
  const r0 = Number(process.env.CSC_SEARCH);
  const asSentences = (f: Fold): Sentence[] => [
    ...f.sentences.map((d, n) => ({ cands: f.cands[n]!, wrong: errorPositions(d) })),
    ...f.clean.map((cands) => ({ cands, wrong: [] })),
  ];
  const s0 = asSentences(folds[0]!), s1 = asSentences(folds[1]!);
  const search = (sents: Sentence[]) => {
    let w = FEATURES.map((_, k) => TYPO_WEIGHTS[k] ?? 0);
    let best = precisionAtRecall(spansOf(sents, w), r0).P;
    const steps = [1, 0.5, 0.25, 0.1];
    for (let round = 0; round < 4; round++) {
      let moved = false;
      for (const step of steps) for (let k = 0; k < w.length; k++) {
        if (k === 1 || !mask[k]) continue;
        for (const dir of [step, -step]) {
          const v = w.slice(); v[k] = v[k]! + dir;
          const p = precisionAtRecall(spansOf(sents, v), r0).P;
          if (p > best + 1e-9) { best = p; w = v; moved = true; }
        }
      }
      if (!moved) break;
    }
    return { w, best };
  };
  const a = search(s0);
  const onOther = precisionAtRecall(spansOf(s1, a.w), r0);
  const handOther = precisionAtRecall(spansOf(s1, TYPO_WEIGHTS), r0);
  console.log(`search fold0: P ${a.best.toFixed(3)}; on fold1 P ${onOther.P.toFixed(3)} R ${onOther.R.toFixed(3)} (hand ${handOther.P.toFixed(3)} R ${handOther.R.toFixed(3)}) w ${JSON.stringify(a.w.map((v) => +v.toFixed(2)))}`);
  const b = search([...s0, ...s1]);
  const pick = precisionAtRecall(spansOf([...s0, ...s1], b.w), r0);
  console.log(`search both: P ${b.best.toFixed(3)} R ${pick.R.toFixed(3)} t ${pick.t.toFixed(2)} w ${JSON.stringify(b.w.map((v) => +v.toFixed(2)))}`);
  for (const dt of [-2, -1, 0, 1, 2]) {
    const d = scoreSighan(dev, (_, n) => flagsAt(devCands[n]!, b.w, pick.t + dt));
    console.log(`dev at t ${(pick.t + dt).toFixed(2)}: P ${d.detectP.toFixed(3)} R ${d.detectR.toFixed(3)} corrP ${d.correctP.toFixed(3)} F/100 ${d.falsePer100.toFixed(1)}`);
  }
}

// CSC_BUCKETS=1: of the positions flagged by the hand score, how many are error positions,
// by score band (why precision does not rise with the threshold), on both folds' sentences and corrected text.
if (process.env.CSC_BUCKETS) {
  const bands = [10, 12, 14, 16, 18, 20, 25, 30, Infinity];
  const hits = bands.map(() => [0, 0, 0]);
  for (const f of folds) {
    const tally = (cands: TypoCandidate[], wrong: Set<number>, right: string | null) => {
      for (const h of flagsAt(cands, TYPO_WEIGHTS, bands[0]!)) {
        const b = bands.findIndex((v, k) => h.s >= v && h.s < bands[k + 1]!);
        hits[b]![0]!++;
        if (wrong.has(h.at)) { hits[b]![1]!++; if (right?.[h.at] === h.fix) hits[b]![2]!++; }
      }
    };
    f.sentences.forEach((d, n) => { tally(f.cands[n]!, new Set(errorPositions(d)), d.correct_text); tally(f.clean[n]!, new Set(), null); });
  }
  bands.slice(0, -1).forEach((v, k) => console.log(`score ${v}–${bands[k + 1]}: ${hits[k]![0]} positions, ${(hits[k]![1]! / hits[k]![0]!).toFixed(3)} at an error, ${(hits[k]![2]! / hits[k]![0]!).toFixed(3)} with the right fix`));
}

// CSC_SECOND=1: a second, lower threshold for the other positions of a sentence that has a
// finding at the first (learners' sentences with one error often have two), hand weights;
// on both folds (precision as TEST is built) and on the development set.
if (process.env.CSC_SECOND) {
  const second = (cands: TypoCandidate[], th: number, low: number) => {
    const hi = flagsAt(cands, TYPO_WEIGHTS, th);
    return hi.length ? flagsAt(cands, TYPO_WEIGHTS, low) : hi;
  };
  const kinds = (th: number, low: number) => {
    const k = { exact: 0, partial: 0, extra: 0, wrong: 0, clean: 0 };
    for (const f of folds) {
      f.sentences.forEach((d, n) => {
        const at = new Set(second(f.cands[n]!, th, low).map((h) => h.at));
        if (!at.size) return;
        const wrong = errorPositions(d);
        const hit = wrong.filter((i) => at.has(i)).length;
        const extra = [...at].filter((i) => !wrong.includes(i)).length;
        if (!hit) k.wrong++; else if (extra) k.extra++; else if (hit < wrong.length) k.partial++; else k.exact++;
      });
      f.clean.forEach((c) => { if (second(c, th, low).length) k.clean++; });
    }
    return k;
  };
  for (const th of [12, 14, 16, 18]) for (const low of [th, th - 2, th - 4, th - 6]) {
    const ev = folds.map((f) => {
      const mixed = scoreSighan([...f.sentences, ...f.sentences.map((d) => ({ original_text: d.correct_text, correct_text: d.correct_text }))], (_, n) => second(n < f.sentences.length ? f.cands[n]! : f.clean[n - f.sentences.length]!, th, low));
      return mixed;
    });
    const d = scoreSighan(dev, (_, n) => second(devCands[n]!, th, low));
    const mixP = (ev[0]!.detectP + ev[1]!.detectP) / 2, R = (ev[0]!.detectR + ev[1]!.detectR) / 2;
    console.log(`th ${th} low ${low}: TRAIN mixP ${mixP.toFixed(3)} R ${R.toFixed(3)} | dev P ${d.detectP.toFixed(3)} R ${d.detectR.toFixed(3)} F/100 ${d.falsePer100.toFixed(1)} | ${JSON.stringify(kinds(th, low))}`);
  }
}

// CSC_PLATT=1: the confidence of a finding (shared/proof/csc/confidence.ts): a logistic fit
// of "this position is an error and the fix is right" on the hand score of each position
// flagged at 6 or more, both folds' held-out sentences and their corrected text (Platt
// scaling); CSC_WRITE=1 writes it. Prints the fitted probability against the observed
// share by score band.
if (process.env.CSC_PLATT) {
  const x: number[][] = [], y: number[] = [];
  for (const f of folds) {
    f.sentences.forEach((d, n) => {
      const wrong = new Set(errorPositions(d));
      for (const h of flagsAt(f.cands[n]!, TYPO_WEIGHTS, 6)) { x.push([1, h.s]); y.push(wrong.has(h.at) && d.correct_text[h.at] === h.fix ? 1 : 0); }
      for (const h of flagsAt(f.clean[n]!, TYPO_WEIGHTS, 6)) { x.push([1, h.s]); y.push(0); }
    });
  }
  const [b, a] = fitLogistic(x, y, 0) as [number, number];
  const p = (s: number) => 1 / (1 + Math.exp(-(a * s + b)));
  for (const [lo, hi] of [[6, 8], [8, 10], [10, 12], [12, 14], [14, 16], [16, 18], [18, 22], [22, 30], [30, 99]] as const) {
    const inBand = x.map((r, k) => [r[1]!, y[k]!] as const).filter(([s]) => s >= lo && s < hi);
    console.log(`score ${lo}–${hi}: ${inBand.length} positions, right ${(inBand.filter(([, v]) => v).length / inBand.length).toFixed(3)}, fitted ${p((lo + Math.min(hi, 40)) / 2).toFixed(3)}`);
  }
  console.log(`platt a ${a.toFixed(4)} b ${b.toFixed(4)}; p(10) ${p(10).toFixed(3)} p(12) ${p(12).toFixed(3)} p(18) ${p(18).toFixed(3)}`);
  if (process.env.CSC_WRITE === '1') {
    writeFileSync('shared/proof/csc/confidence-fit.ts', `// Generated by bench/csc-rank.ts (CSC_PLATT=1 CSC_WRITE=1): the logistic fit of a finding's\n// score to the chance that it is a real error with the right fix, on SIGHAN-15 TRAIN two-fold\n// (${y.length} positions flagged at 6 or more). Regenerate after the weights change.\nexport const CONFIDENCE_FIT = { slope: ${a.toPrecision(6)}, intercept: ${b.toPrecision(6)} } as const;\n`);
  }
}
