// "English-heavy" for the house style's autospace (issue 17): a block in which Latin
// letters and digits make up at least 40 % of the letters (Han + Latin + digits), e.g. a
// paragraph quoting product names, units and English terms. Punctuation and spaces do
// not count. Pure Chinese copy with a year or a PM2.5 in it stays well under.

const HAN = /\p{Script=Han}/u;
const LATIN = /[\p{Script=Latin}0-9]/u;

export const LATIN_HEAVY_SHARE = 0.4;

export function latinShare(text: string): number {
  let han = 0, latin = 0;
  for (const ch of text) {
    if (HAN.test(ch)) han++;
    else if (LATIN.test(ch)) latin++;
  }
  return han + latin === 0 ? 0 : latin / (han + latin);
}

/** True for a block with Han in it whose Latin share is at least LATIN_HEAVY_SHARE (a pure English block needs no autospace). */
export function latinHeavy(text: string): boolean {
  return HAN.test(text) && latinShare(text) >= LATIN_HEAVY_SHARE;
}
