// Proof that a change to the 错别字 detector's speed changed no finding (issue 14's time
// target): every finding of every rule, at normal and strict, on all SIGHAN-15 TEST and
// TRAIN sentences and the two seed pages; the detector's hits at each threshold of the
// bench's curve; and every candidate with its features as the tuning script sees them
// (typoCandidates without a floor, the path bench/csc-tune.ts takes). Prints one SHA-256
// per part; run it on the old code and the new and compare, or pass a file to write the
// whole JSON to for a diff.
//   npx esbuild bench/csc-same.ts --bundle --platform=node --format=esm --outfile=.tmp/same.mjs && node .tmp/same.mjs [out.json]
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { parseCscModel } from '../shared/proof/csc/model';
import { detectTypos, typoCandidates, TYPO_WEIGHTS_STRICT } from '../shared/proof/csc/detect';
import { DEFAULT_HOUSE_TERMS, proofDocument, type ProofDocument } from '../shared/proof';
import type { SighanItem } from './csc-sighan';
import { seedLines } from './csc-folds';

const csc = parseCscModel(readFileSync('resources/csc/csc-model.bin'));
const sentences = ['test', 'train'].flatMap((s) => (JSON.parse(readFileSync(`tests/corpus/sighan15/${s}.json`, 'utf8')) as SighanItem[]).map((d) => d.original_text));
const seeds = seedLines();
const texts = [...sentences, ...seeds];
const terms = DEFAULT_HOUSE_TERMS;
const doc = (text: string, i: number): ProofDocument => ({ id: `s${i}`, segments: [{ id: '0', text, lang: 'zh', kind: 'body' }] });

const parts: Record<string, unknown[]> = {
  normal: texts.map((t, i) => proofDocument(doc(t, i), { terms, csc, typoLevel: 'normal' })),
  strict: texts.map((t, i) => proofDocument(doc(t, i), { terms, csc, typoLevel: 'strict' })),
  curve: [10, 11, 12, 13, 14, 16, 18].map((th) => texts.map((t) => detectTypos(csc, t, th, terms))),
  strictWeights: texts.map((t) => detectTypos(csc, t, 10, terms, TYPO_WEIGHTS_STRICT)),
  candidates: texts.map((t) => typoCandidates(csc, t, terms)),
};
const out: Record<string, string> = {};
for (const [name, v] of Object.entries(parts)) {
  const json = JSON.stringify(v);
  out[name] = `${createHash('sha256').update(json).digest('hex').slice(0, 16)} (${json.length} bytes)`;
}
console.log(`${texts.length} texts`);
for (const [k, v] of Object.entries(out)) console.log(`${k.padEnd(14)} ${v}`);
if (process.argv[2]) writeFileSync(process.argv[2], JSON.stringify(parts));
