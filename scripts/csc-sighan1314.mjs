// One-off import (issue 14, third pass): SIGHAN-2013 and CLP-2014 Chinese spelling-check
// data (training and test sentences, simplified by onebula/sighan_raw with OpenCC) into
// resources/csc/sighan1314.tsv, one sentence a line: the corrected text, a tab, the errors
// as `offset:written` pairs separated by commas (empty: the sentence has none), a tab, the
// set it comes from (train13, train14, test13, test14). csc-model.mjs reads the training
// sets at build time as it reads SIGHAN-15 TRAIN (confusion pairs, miswritten words, the
// corrected text's character bigrams); the two test sets are never built in: they are the
// development set bench/csc-tune.ts tunes on (test14 is, like SIGHAN-15 TEST, half
// sentences without errors). Sentences that share ten
// characters in a row with SIGHAN-15 TEST (as written or corrected), or equal a SIGHAN-15 TRAIN sentence, are left
// out, so TEST stays unseen and the two-fold tuning on TRAIN does not see its own halves.
//   node scripts/csc-sighan1314.mjs <folder with pair_data/simplified/*.txt>
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const src = process.argv[2];
if (!src) throw new Error('usage: node scripts/csc-sighan1314.mjs <folder with pair_data/simplified>');
const load = (s) => JSON.parse(readFileSync(join(root, 'tests', 'corpus', 'sighan15', `${s}.json`), 'utf8'));
const test15 = load('test');
const train15 = new Set(load('train').map((d) => d.correct_text));
const GRAM = 10;
const testGrams = new Set();
for (const d of test15) for (const s of [d.correct_text, d.original_text]) for (let i = 0; i + GRAM <= s.length; i++) testGrams.add(s.slice(i, i + GRAM));
const sharesTest = (s) => { for (let i = 0; i + GRAM <= s.length; i++) if (testGrams.has(s.slice(i, i + GRAM))) return true; return false; };

const out = [];
const seen = new Set();
let dropped = 0;
for (const set of ['train13', 'train14', 'test13', 'test14']) {
  const read = (k) => readFileSync(join(src, 'pair_data', 'simplified', `${set}_${k}.txt`), 'utf8').split('\n');
  const right = read('correct');
  const wrong = read('error');
  for (let i = 0; i < right.length; i++) {
    const c = right[i].trim(), e = (wrong[i] ?? '').trim();
    if (!c || c.length !== e.length || c.includes('\t')) continue;
    if (seen.has(c) || train15.has(c) || sharesTest(c) || sharesTest(e)) { dropped++; continue; }
    seen.add(c);
    const edits = [];
    for (let k = 0; k < c.length; k++) if (c[k] !== e[k]) edits.push(`${k}:${e[k]}`);
    out.push(`${c}\t${edits.join(',')}\t${set}`);
  }
}
writeFileSync(join(root, 'resources', 'csc', 'sighan1314.tsv'), out.join('\n') + '\n');
console.log(`${out.length} sentences, ${out.filter((l) => !l.includes('\t\t')).length} with errors; ${dropped} left out (repeats, SIGHAN-15 overlap)`);
