import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { readCscBinary, type CscBinary } from '../../shared/proof/csc/binary';
import { MU } from '../../shared/proof/csc/context';
import { parseCscModel, type CscModel } from '../../shared/proof/csc/model';
import { bloomBits, bloomAfter } from '../../shared/proof/csc/word-bloom';
import { CSC_MODEL_PATH, cscModel } from '../support/csc';

// csc-model.bin's derived sections (scripts/csc-derived.mjs, issue 15): what the reader used
// to compute on every start, computed at build time. Here each is computed again the way
// the reader computed it before (from the model's own sections) and compared value for
// value, bit for bit (Object.is: a float64 prior that differs in its last bit fails), so the
// build's copy of an expression cannot drift from the reader's.

type Sections = Record<string, [string, ArrayLike<number>]>;
const { encodeCscBinary } = (await import('../../scripts/csc-binary.mjs' as string)) as { encodeCscBinary(meta: object, s: Sections): Uint8Array };

let bin: CscBinary;
let model: CscModel;
beforeAll(async () => {
  await cscModel(); // builds the file when a test run has no build
  const bytes = readFileSync(CSC_MODEL_PATH);
  bin = readCscBinary(bytes);
  model = parseCscModel(bytes);
});

/** The first index where two arrays differ (Object.is), or -1. */
function firstDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) return Math.min(a.length, b.length);
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return i;
  return -1;
}

describe('csc-model.bin derived sections', () => {
  it('the word bloom bits are those word-bloom.ts computes from the word table, and the reader adopts them', () => {
    expect(firstDiff(bin.u32('w2bloom'), bloomBits(model.lp2))).toBe(-1);
    expect(bloomAfter(model.lp2, 0)).not.toBeNull(); // adopted at once, not after 50,000 look-ups
  });

  it('the id table is the characters\' order, and each confusable list the one its row lists', () => {
    const chars = bin.u16('chars');
    const ids = new Uint16Array(65536);
    for (let i = 0; i < chars.length; i++) ids[chars[i]!] = i + 1;
    expect(firstDiff(model.ids, ids)).toBe(-1);
    const confChar = bin.u16('confChar'), confStart = bin.u32('confStart'), confList = bin.u16('confList');
    const before = new Map<number, Uint16Array>();
    for (let i = 0; i < confChar.length; i++) before.set(confChar[i]!, confList.subarray(confStart[i]!, confStart[i + 1]!));
    expect(before.size).toBeGreaterThan(3000);
    for (let code = 0; code < 65536; code++) {
      const got = model.confusables.get(code);
      const want = before.get(code);
      if (want === undefined ? got !== undefined : got === undefined || firstDiff(got, want) >= 0) expect.fail(`confusables of ${code}`);
    }
  });

  it('each character\'s confusion total is the sum of its pairs, in the same order', () => {
    const chars = bin.u16('chars');
    const pk = bin.i32('pairKey'), pc = bin.u32('pairCount');
    const prone = new Map<number, number>();
    for (let i = 0; i < pk.length; i++) {
      const wrong = chars[Math.floor(pk[i]! / 32768) - 1]!;
      prone.set(wrong, (prone.get(wrong) ?? 0) + pc[i]!);
    }
    expect([...model.prone]).toEqual([...prone]);
    // The count tables also answer nothing but what is listed (their sorted lists are the model's own).
    for (const t of [model.pairs, model.bigrams]) {
      expect(t.sortedKeys!.length).toBeGreaterThan(1000);
      let absent = 0;
      for (let k = t.sortedKeys![0]! - 500; k < t.sortedKeys![0]! + 50_000; k++) if (t.get(k) === undefined) absent++;
      const listed = new Set(t.sortedKeys!.filter((k) => k >= t.sortedKeys![0]! - 500 && k < t.sortedKeys![0]! + 50_000));
      expect(absent).toBe(50_500 - listed.size);
    }
  });

  it('the context model\'s priors and row totals are bit-identical to the reader\'s own computation', () => {
    const uni = bin.u32('lmUni');
    let total = 0, kinds = 0;
    for (let i = 0; i < uni.length; i++) if (uni[i]) { total += uni[i]!; kinds++; }
    const prior = new Float64Array(32768).fill(0.5 / (total + 0.5 * kinds));
    const lnPrior = new Float64Array(32768).fill(Math.log(prior[0]!));
    const lnDen = new Float64Array(32768).fill(Math.log(MU));
    for (let i = 0; i < uni.length; i++) {
      if (!uni[i]) continue;
      prior[i] = (uni[i]! + 0.5) / (total + 0.5 * kinds);
      lnPrior[i] = Math.log(prior[i]!);
      lnDen[i] = Math.log(uni[i]! + MU);
    }
    const cx = model.context;
    expect([firstDiff(cx.prior, prior), firstDiff(cx.lnPrior, lnPrior), firstDiff(cx.lnDen, lnDen)]).toEqual([-1, -1, -1]);
    const classes = Number(bin.meta.classes);
    const ctxChar = bin.u16('ctxChar'), rows = bin.u32('ctxRows');
    expect(cx.seen.size).toBeGreaterThan(1000);
    for (let i = 0; i < ctxChar.length; i++) {
      if (!cx.around.has(ctxChar[i]!)) continue;
      let n = 0;
      for (let j = i * 2 * classes; j < i * 2 * classes + classes; j++) n += rows[j]!;
      if (cx.seen.get(ctxChar[i]!) !== n) expect.fail(`row total of ${ctxChar[i]}`);
    }
    // Each character's row by code: the one its ctxChar entry names, for a character with an id only.
    const rowOf = new Int32Array(65536);
    for (let i = 0; i < ctxChar.length; i++) if (model.ids[ctxChar[i]!]) rowOf[ctxChar[i]!] = i + 1;
    expect(firstDiff(cx.rowOf, rowOf)).toBe(-1);
    for (const [code, row] of cx.around) expect(firstDiff(cx.rows.subarray((cx.rowOf[code]! - 1) * 2 * classes, cx.rowOf[code]! * 2 * classes), row)).toBe(-1);
  });

  it('float64 sections are read from any byte offset (copied when the buffer is not 8-aligned)', () => {
    const bytes = encodeCscBinary({ total: 1 }, { a: ['u8', [1, 2, 3]], b: ['f64', [Math.PI, -0, NaN]], c: ['u16', [9]] });
    for (const shift of [0, 1, 4]) {
      const buf = new Uint8Array(bytes.length + shift);
      buf.set(bytes, shift);
      const b = readCscBinary(buf.subarray(shift));
      expect([...b.f64('b')]).toEqual([Math.PI, -0, NaN]);
      expect([...b.u16('c')]).toEqual([9]);
    }
  });
});
