import { isHan } from '../chars';

// Set constructions whose characters the detector must leave alone (issue 14): a word model
// reads them as broken words. 写一写 and 看了看 (a verb said twice around 一 or 了: 写一 + 写
// looks like 写一些 with a typo), 越听越 (越 … 越, "the more … the more": 听越 looks like 听说),
// 走来走去 (V来V去). Each is a pattern whose every character is protected.
//
// Found by one pass over the character codes, as these regular expressions would find them
// (leftmost, greedy, not overlapping; a character is a code point, so a Han character outside
// the BMP counts as one): (\p{Script=Han})[一了]\1, 越\p{Script=Han}{1,2}越 and
// (\p{Script=Han})来\1去. The expressions cost ~1 ms of the CLI's proof run on one page
// (compiled on first use, a Unicode property class; issue 15); tests/unit/csc-patterns.test.ts
// checks the pass against them on generated text.

const YI = 0x4e00; // 一
const LE = 0x4e86; // 了
const YUE = 0x8d8a; // 越
const LAI = 0x6765; // 来
const QU = 0x53bb; // 去

/** Code units (1 or 2) of the code point that starts at i; 0 past the end. */
function unitsAt(t: string, i: number): number {
  if (i >= t.length) return 0;
  const c = t.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < t.length) {
    const d = t.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return 2;
  }
  return 1;
}

/** Code units (1 or 2) of the code point that ends just before j; 0 at the start. */
function unitsBefore(t: string, j: number): number {
  if (j <= 0) return 0;
  const c = t.charCodeAt(j - 1);
  if (c >= 0xdc00 && c <= 0xdfff && j >= 2) {
    const h = t.charCodeAt(j - 2);
    if (h >= 0xd800 && h <= 0xdbff) return 2;
  }
  return 1;
}

const hanAt = (t: string, i: number, n: number) => isHan(n === 1 ? t[i] : t.slice(i, i + n));
/** Whether the n code units at a and at b are the same. */
const sameAt = (t: string, a: number, b: number, n: number) => t.charCodeAt(a) === t.charCodeAt(b) && (n === 1 || t.charCodeAt(a + 1) === t.charCodeAt(b + 1));

/** X一X, X了X, X来X去 around offset j (一, 了 or 来): the span's end, or -1. `tail`: 去 after. */
function doubled(t: string, j: number, from: number, tail: number): number {
  const k = unitsBefore(t, j);
  if (!k || j - k < from || unitsAt(t, j + 1) !== k || !sameAt(t, j - k, j + 1, k)) return -1;
  const end = j + 1 + k;
  if (tail && t.charCodeAt(end) !== tail) return -1;
  return hanAt(t, j - k, k) ? end + (tail ? 1 : 0) : -1;
}

/** 越 + one or two Han characters + 越 from offset j (越), two preferred: the span's end, or -1. */
function yue(t: string, j: number): number {
  const a = unitsAt(t, j + 1);
  if (!a || !hanAt(t, j + 1, a)) return -1;
  const b = unitsAt(t, j + 1 + a);
  if (b && hanAt(t, j + 1 + a, b) && t.charCodeAt(j + 1 + a + b) === YUE) return j + 2 + a + b;
  return t.charCodeAt(j + 1 + a) === YUE ? j + 2 + a : -1;
}

/** Marks (1) the offsets of `text` inside such a construction. */
export function markConstructions(text: string, out: Uint8Array): void {
  // Where each pattern's search goes on from (after its last match).
  let fromDoubled = 0;
  let fromYue = 0;
  let fromLai = 0;
  for (let j = 0; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (c === YI || c === LE) {
      const end = doubled(text, j, fromDoubled, 0);
      if (end >= 0) { const k = end - j - 1; out.fill(1, j - k, end); fromDoubled = end; }
    } else if (c === LAI) {
      const end = doubled(text, j, fromLai, QU);
      if (end >= 0) { const k = end - j - 2; out.fill(1, j - k, end); fromLai = end; }
    }
    if (c === YUE && j >= fromYue) {
      const end = yue(text, j);
      if (end >= 0) { out.fill(1, j, end); fromYue = end; }
    }
  }
}
