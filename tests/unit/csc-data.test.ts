import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_HOUSE_TERMS, proofDocument } from '../../shared/proof';
import { logpOf, type CscModel } from '../../shared/proof/csc/model';
import { parseSighan1314 } from '../../bench/csc-sighan';
import { readCscBinary } from '../../shared/proof/csc/binary';
import { CSC_MODEL_PATH, cscModel } from '../support/csc';

// The 错别字 tables' third-pass data (issue 14): SIGHAN-2013/CLP-2014's sentences
// (resources/csc/sighan1314.tsv) must never carry SIGHAN-15 TEST into the model, and what
// the build takes from them must be what its comments say. Plus the idioms kept for them.

const root = join(import.meta.dirname, '..', '..');
const rows = parseSighan1314(readFileSync(join(root, 'resources', 'csc', 'sighan1314.tsv'), 'utf8'));
const test15 = JSON.parse(readFileSync(join(root, 'tests', 'corpus', 'sighan15', 'test.json'), 'utf8')) as { correct_text: string; original_text: string }[];

describe('SIGHAN-2013/CLP-2014 data', () => {
  it('is well-formed: four named sets, each written side as long as its corrected side, most with errors', () => {
    expect(new Set(rows.map((r) => r.set))).toEqual(new Set(['train13', 'train14', 'test13', 'test14']));
    expect(rows.length).toBeGreaterThan(6000);
    for (const r of rows) {
      expect(r.original_text.length).toBe(r.correct_text.length);
      expect(r.correct_text).not.toContain('\t');
    }
    const withErrors = rows.filter((r) => r.original_text !== r.correct_text);
    expect(withErrors.length / rows.length).toBeGreaterThan(0.75);
  });

  it('shares no ten characters in a row with any SIGHAN-15 TEST sentence', () => {
    const grams = new Set<string>();
    for (const d of test15) for (const s of [d.correct_text, d.original_text]) for (let i = 0; i + 10 <= s.length; i++) grams.add(s.slice(i, i + 10));
    const shares = (s: string) => { for (let i = 0; i + 10 <= s.length; i++) if (grams.has(s.slice(i, i + 10))) return true; return false; };
    const leaks = rows.filter((r) => shares(r.correct_text) || shares(r.original_text));
    expect(leaks.map((r) => r.correct_text)).toEqual([]);
  });
});

let csc: CscModel;
beforeAll(async () => { csc = await cscModel(); });

describe('what the build takes', () => {
  it('counts the training sets\' corrected text in the context model, never the test sets\'', () => {
    const bin = readCscBinary(readFileSync(CSC_MODEL_PATH));
    // UTF-16 units, as the build counts them (a character outside the BMP counts two).
    const han = (t: string) => (t.match(/\p{Script=Han}+/gu) ?? []).reduce((n, run) => n + run.length, 0);
    const corpusDir = join(root, 'resources', 'csc', 'corpus');
    const corpus = readdirSync(corpusDir).filter((f) => f.endsWith('.txt')).reduce((n, f) => n + han(readFileSync(join(corpusDir, f), 'utf8')), 0);
    const count = (sets: RegExp) => rows.filter((r) => sets.test(r.set)).reduce((n, r) => n + han(r.correct_text), 0);
    expect(Number(bin.meta.corpusChars)).toBe(corpus + count(/^train/));
    expect(count(/^test/)).toBeGreaterThan(50_000);
  });

  it('keeps four-character idioms from frequency 5 up, so their characters are vouched for', () => {
    expect(logpOf(csc, '劳师动众')).toBeDefined();
    const found = proofDocument({ id: 'd', segments: [{ id: '0', text: '这点小事，不必劳师动众。', lang: 'zh', kind: 'body' }] }, { terms: DEFAULT_HOUSE_TERMS, csc, typoLevel: 'strict' })
      .filter((f) => f.ruleId.startsWith('char.'));
    expect(found).toEqual([]);
  });
});
