import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCscModel, setCscModelFile } from '../../electron/services/proof/csc-model';
import { DEFAULT_HOUSE_TERMS, proofDocument, type Finding, type ProofOptions } from '../../shared/proof';
import { readCscBinary } from '../../shared/proof/csc/binary';
import { classGain } from '../../shared/proof/csc/context';
import { intGet, intTableOf } from '../../shared/proof/csc/int-table';
import { longGet, longTable } from '../../shared/proof/csc/long-table';
import type { CscModel } from '../../shared/proof/csc/model';
import { CSC_MODEL_PATH, cscModel } from '../support/csc';

// The 错别字 detector's context model and its binary tables (issue 14): the file format
// written at build time (scripts/csc-binary.mjs, csc-hash.mjs) read back as the app reads
// it, and the sentences the context now decides — 的/地/得, 在/再, 做/作 — with the correct
// use of each left alone. Sentences written here; none is from SIGHAN's TEST split.

type Sections = Record<string, [string, ArrayLike<number>]>;
const script = async <T>(name: string) => (await import(`../../scripts/${name}` as string)) as T;
const { encodeCscBinary } = await script<{ encodeCscBinary(meta: object, s: Sections): Uint8Array }>('csc-binary.mjs');
const { intHash, longHash } = await script<{
  intHash(e: [number, number, number?][]): { keys: Int32Array; vals: Float32Array; cls: Uint8Array };
  longHash(e: [number, number, number, number][]): { k1: Int32Array; k2: Int32Array; vals: Float32Array; cls: Uint8Array };
}>('csc-hash.mjs');

describe('binary tables', () => {
  it('reads back every section type, from any byte offset', () => {
    const bytes = encodeCscBinary({ total: 42 }, {
      a: ['u8', [1, 255]], b: ['u16', [7, 65535, 3]], c: ['i32', [-5, 2 ** 30]], d: ['u32', [4e9]], e: ['f32', [0.5, NaN]],
    });
    for (const shift of [0, 1, 3]) {
      const buf = new Uint8Array(bytes.length + shift);
      buf.set(bytes, shift);
      const bin = readCscBinary(buf.subarray(shift));
      expect(bin.meta.total).toBe(42);
      expect([...bin.u8('a')]).toEqual([1, 255]);
      expect([...bin.u16('b')]).toEqual([7, 65535, 3]);
      expect([...bin.i32('c')]).toEqual([-5, 2 ** 30]);
      expect([...bin.u32('d')]).toEqual([4e9]);
      expect([...bin.f32('e')]).toEqual([0.5, NaN]);
      expect(() => bin.u16('a')).toThrow(/no u16 section a/);
    }
    expect(() => readCscBinary(new TextEncoder().encode('#csc-model 1 total=3\n'))).toThrow(/not a csc model/);
  });

  it('a table that is not one (the old text table, a cut-off file) means no typo rule, not a failed proofread', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'csc-bad-'));
    try {
      for (const [name, bytes] of [['old.txt', Buffer.from('#csc-model 1 total=3\nW\n的\t3\n')], ['cut.bin', readFileSync(CSC_MODEL_PATH).subarray(0, 4096)]] as const) {
        writeFileSync(join(dir, name), bytes);
        setCscModelFile(join(dir, name));
        expect(await loadCscModel()).toBeNull();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
      // The files share one fork (isolate: false): the next one must not find a deleted table.
      setCscModelFile(CSC_MODEL_PATH);
    }
  });

  it('hash tables built at build time are found by the run-time lookups', () => {
    const keys = Array.from({ length: 3000 }, (_, i) => (i + 1) * 32768 + ((i * 7919) % 32767) + 1);
    const h = intHash(keys.map((k, i) => [k, i / 4]));
    const t = intTableOf(h.keys, h.vals);
    expect(t.size).toBe(3000);
    keys.forEach((k, i) => expect(intGet(t, k)).toBe(i / 4));
    expect(intGet(t, 5)).toBeUndefined();
    const l = longHash(keys.map((k, i) => [k, i % 2 ? i : i * 32768 + 9, i, i % 128]));
    const lt = longTable(l.k1, l.k2, l.vals, l.cls);
    keys.forEach((k, i) => expect(longGet(lt, k, i % 2 ? i : i * 32768 + 9)).toBe(i));
    expect(longGet(lt, keys[1]!, 2)).toBeUndefined();
  });
});

let csc: CscModel;
beforeAll(async () => { csc = await cscModel(); });

const typoRules = new Set(['char.typo', 'char.possible-typo']);
const typos = (text: string, typoLevel: ProofOptions['typoLevel'] = 'normal'): Finding[] =>
  proofDocument({ id: 'd', segments: [{ id: '0', text, lang: 'zh', kind: 'body' }] }, { terms: DEFAULT_HOUSE_TERMS, csc, typoLevel })
    .filter((f) => typoRules.has(f.ruleId));
const fixes = (text: string, level?: ProofOptions['typoLevel']) => typos(text, level).map((f) => `${f.text}→${f.fix?.replacement}`);

describe('context model', () => {
  it('knows the classes around the particles from the corpus', () => {
    const [de, di, dei] = ['的', '地', '得'].map((c) => c.charCodeAt(0)) as [number, number, number];
    const [edge, n, v, a, d] = [0, 2, 3, 4, 5];
    // 慢慢(d) _ 走(v): 地; 美丽(a) _ 花园(n): 的; 跑(v) _ 很(d): 得.
    expect(classGain(csc.context, de, di, d, v)).toBeGreaterThan(1);
    expect(classGain(csc.context, di, de, a, n)).toBeGreaterThan(0);
    expect(classGain(csc.context, de, dei, v, d)).toBeGreaterThan(1);
    expect(classGain(csc.context, de, di, edge, edge)).not.toBeNull();
  });

  it.each([
    ['我再家里看书。', '再→在', 'normal'],
    ['他再学校学习。', '再→在', 'normal'],
    ['他在工厂工做。', '做→作', 'normal'],
    // From normal since the word model (请你再说 against 请你在说), was strict.
    ['请你在说一遍。', '在→再', 'normal'],
    ['这是他的做品。', '做→作', 'normal'],
    ['她慢慢的走了过去。', '的→地', 'strict'],
    ['他说的很清楚。', '的→得', 'strict'],
    ['他跑的很快。', '的→得', 'strict'],
  ] as const)('flags %s (%s) from %s up', (text, fix, level) => {
    expect(fixes(text, level)).toEqual([fix]);
    if (level === 'strict') expect(fixes(text, 'normal')).toEqual([]);
  });

  it.each([
    '我在家里看书。', '他在学校学习。', '他再次来到这里。', '请你再说一遍。', '他在工厂工作。', '这是他的作品。',
    '他作为代表发言。', '这件事做得很好。', '她慢慢地走了过去。', '他说得很清楚。', '他跑得很快。', '美丽的花园。',
    '孩子们开心地笑了。', '我的作业还没写完。', '沁源县的党参育苗基地。',
  ])('leaves the correct use alone, even in strict: %s', (text) => {
    expect(fixes(text, 'strict')).toEqual([]);
  });
});
