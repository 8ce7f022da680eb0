// Tuning of the 错别字 detector on SIGHAN-15 TRAIN only (issue 14), two-fold: the TRAIN-derived
// tables (confusion pair counts, bigrams) are rebuilt from one half and scored on the other,
// so the numbers are not the detector remembering its own sentences. Prints a grid; the
// chosen weights and thresholds go into shared/proof/csc/detect.ts.
//   node scripts/csc-model.mjs && npx esbuild bench/csc-tune.ts --bundle --platform=node --format=esm --outfile=.tmp/tune.mjs && node .tmp/tune.mjs
import { readFileSync } from 'node:fs';
import { parseCscModel, type CscModel } from '../shared/proof/csc/model';
import { detectTypos } from '../shared/proof/csc/detect';
import { scoreSighan, type SighanItem } from './csc-sighan';

const full = parseCscModel(readFileSync('resources/csc/csc-model.txt', 'utf8'));
const train = JSON.parse(readFileSync('tests/corpus/sighan15/train.json', 'utf8')) as SighanItem[];

function fromHalf(items: readonly SighanItem[]): CscModel {
  const pairs = new Map<string, number>();
  const bigrams = new Map<string, number>();
  const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  const han = /^\p{Script=Han}+$/u;
  for (const { original_text: o, correct_text: c } of items) {
    if (o.length === c.length) for (let i = 0; i < o.length; i++) if (o[i] !== c[i] && han.test(o[i]! + c[i]!)) bump(pairs, o[i]! + c[i]!);
    for (let i = 0; i + 1 < c.length; i++) if (han.test(c[i]! + c[i + 1]!)) bump(bigrams, c[i]! + c[i + 1]!);
  }
  const confusedOften = new Set([...pairs].filter(([, n]) => n >= 2).map(([p]) => p[0]!));
  return { ...full, pairs, bigrams, confusedOften };
}

const halves = [train.filter((_, i) => i % 2 === 0), train.filter((_, i) => i % 2 === 1)];
const grid = process.argv.slice(2).map(Number);
const bigramWs = grid.length ? [grid[0]!] : [0, 0.5, 1];
const pairWs = grid.length > 1 ? [grid[1]!] : [0, 1, 2];
for (const bigram of bigramWs) {
  for (const pair of pairWs) {
    const runs = [0, 1].map((h) => {
      const model = fromHalf(halves[h]!);
      const test = halves[1 - h]!;
      return test.map((d) => detectTypos(model, d.original_text, -Infinity, undefined, { bigram, pair }));
    });
    for (const th of [4, 5, 6, 7, 8, 9, 10, 12]) {
      const s = [0, 1].map((h) => scoreSighan(halves[1 - h]!, (_, n) => runs[h]![n]!.filter((x) => x.gain >= th)));
      const avg = (k: 'detectP' | 'detectR' | 'correctP') => ((s[0]![k] + s[1]![k]) / 2).toFixed(3);
      console.log(`bigram ${bigram} pair ${pair} th ${th}: P ${avg('detectP')} R ${avg('detectR')} corrP ${avg('correctP')}`);
    }
  }
}
