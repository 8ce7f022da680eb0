// What limits the 错别字 detector on a SIGHAN split (issue 14): for every error character,
// whether its right character is among the ones tried at all (confusion sets, TRAIN's pairs
// and miswritten words), whether the character is tried (it must stand outside a known
// word), whether the right fix ranks first there, and whether it reaches the threshold; and
// how many error-free sentences get a finding. Reads the split, changes nothing; for the
// README's account of the targets, not for tuning (TEST is only ever scored).
//   npx esbuild bench/csc-limits.ts --bundle --platform=node --format=esm --outfile=.tmp/limits.mjs && node .tmp/limits.mjs test
import { readFileSync } from 'node:fs';
import { logpOf, parseCscModel } from '../shared/proof/csc/model';
import { bestSplit } from '../shared/proof/csc/segment';
import { scoreOf, typoCandidates, TYPO_THRESHOLDS, TYPO_WEIGHTS } from '../shared/proof/csc/detect';
import { errorPositions, type SighanItem } from './csc-sighan';

const split = process.argv[2] ?? 'train';
const model = parseCscModel(readFileSync('resources/csc/csc-model.bin'));
const items = JSON.parse(readFileSync(`tests/corpus/sighan15/${split}.json`, 'utf8')) as SighanItem[];
let errors = 0, inSet = 0, tried = 0, first = 0, reached = 0, sentences = 0, allInSet = 0, inWord = 0;
for (const d of items) {
  const wrong = errorPositions(d);
  if (!wrong.length) continue;
  sentences++;
  const cands = typoCandidates(model, d.original_text);
  let all = true;
  for (const i of wrong) {
    errors++;
    const ch = d.original_text.charCodeAt(i);
    const right = d.correct_text.charCodeAt(i);
    const conf = model.confusables.get(ch);
    const known = !!conf?.includes(right) || model.pairs.has(((model.ids[ch] ?? 0) * 32768) + (model.ids[right] ?? 0));
    if (known) inSet++; else all = false;
    const here = cands.filter((c) => c.at === i).map((c) => ({ fix: c.fix, s: scoreOf(c.features, TYPO_WEIGHTS) })).sort((a, b) => b.s - a.s);
    const mine = here.find((c) => c.fix === d.correct_text[i]);
    if (!mine) { if (known && insideWord(d.original_text, i)) inWord++; continue; }
    tried++;
    if (here[0]!.fix === mine.fix) { first++; if (mine.s >= TYPO_THRESHOLDS.normal) reached++; }
  }
  if (all) allInSet++;
}
/** Whether offset i lies in a word of two or more characters on the best segmentation of its run (a real-word error: never tried). */
function insideWord(text: string, i: number): boolean {
  let a = i, b = i + 1;
  while (a > 0 && /\p{Script=Han}/u.test(text[a - 1]!)) a--;
  while (b < text.length && /\p{Script=Han}/u.test(text[b]!)) b++;
  const { ends } = bestSplit(model, text, a, b);
  for (let s = 0; s < b - a;) { const e = ends[s]! || s + 1; if (s <= i - a && i - a < e) return e - s > 1 && (logpOf(model, text.slice(a + s, a + e)) ?? -99) > -16; s = e; }
  return false;
}
const pct = (n: number) => `${n} (${(100 * n / errors).toFixed(1)} %)`;
console.log(`${split}: ${sentences} sentences with ${errors} error characters`);
console.log(`right character among the confusables or TRAIN's pairs: ${pct(inSet)}; sentences with every error so: ${allInSet} (${(100 * allInSet / sentences).toFixed(1)} %)`);
console.log(`right character known but the written one inside a known word (a real-word error, not tried): ${pct(inWord)}`);
console.log(`tried (outside a known word, a candidate the fix makes): ${pct(tried)}; ranked first there: ${pct(first)}; and at or above normal (${TYPO_THRESHOLDS.normal}): ${pct(reached)}`);
