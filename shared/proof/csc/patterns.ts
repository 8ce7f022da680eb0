// Set constructions whose characters the detector must leave alone (issue 14): a word model
// reads them as broken words. 写一写 and 看了看 (a verb said twice around 一 or 了: 写一 + 写
// looks like 写一些 with a typo), 越听越 (越 … 越, "the more … the more": 听越 looks like 听说),
// 走来走去 (V来V去). Each is a pattern whose every character is protected.
// With a character each must contain (the detector asks for every paragraph; most have none).
const CONSTRUCTIONS: readonly (readonly [RegExp, string, string])[] = [
  [/(\p{Script=Han})[一了]\1/gu, '一', '了'],
  [/越\p{Script=Han}{1,2}越/gu, '越', '越'],
  [/(\p{Script=Han})来\1去/gu, '来', '来'],
];

/** Marks (1) the offsets of `text` inside such a construction. */
export function markConstructions(text: string, out: Uint8Array): void {
  for (const [re, a, b] of CONSTRUCTIONS) {
    if (!text.includes(a) && !text.includes(b)) continue;
    for (const m of text.matchAll(re)) out.fill(1, m.index, m.index + m[0].length);
  }
}
