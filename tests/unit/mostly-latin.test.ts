import { describe, expect, it } from 'vitest';
import { isMostlyLatin } from '../../shared/story/source-blocks';

// isMostlyLatin by character code (issue 15) against the definition it replaced: Han and
// Latin counted by the scripts' regular expressions, one code point at a time.
const HAN = /\p{Script=Han}/u;
const LATIN = /\p{Script=Latin}/u;
function byRegex(text: string): [number, number] {
  let han = 0, latin = 0;
  for (const ch of text) if (HAN.test(ch)) han++; else if (LATIN.test(ch)) latin++;
  return [han, latin];
}

describe('isMostlyLatin', () => {
  it('answers as the scripts\' regular expressions do, on every kind of character', () => {
    // A seeded generator: ASCII, CJK, CJK punctuation and 々〇, full-width letters, Latin with
    // accents, Greek, astral Han (Ext. B), lone surrogates.
    let seed = 7;
    const rnd = (n: number) => { seed = (Math.imul(seed, 1103515245) + 12345) >>> 0; return seed % n; };
    const ranges = [[0x20, 0x7f], [0x4e00, 0xa000], [0x3000, 0x3040], [0xff00, 0xff70], [0xc0, 0x250], [0x370, 0x400], [0x20000, 0x20100], [0xd800, 0xe000], [0x2e80, 0x2fe0], [0x1e00, 0x1f00]];
    for (let n = 0; n < 400; n++) {
      let text = '';
      const len = 1 + rnd(40);
      for (let k = 0; k < len; k++) { const [a, b] = ranges[rnd(ranges.length)]!; text += String.fromCodePoint(a! + rnd(b! - a!)); }
      const [han, latin] = byRegex(text);
      expect(isMostlyLatin(text), JSON.stringify(text)).toBe(latin > han);
    }
    expect([isMostlyLatin('沁源 County'), isMostlyLatin('Ｑｉｎｙｕａｎ 沁'), isMostlyLatin('𠀀𠀁 abc'), isMostlyLatin('々〇 ab'), isMostlyLatin('')]).toEqual([true, true, true, false, false]);
  });
});
