// "English-heavy" for the house style's autospace (issue 17): a block in which Latin
// letters make up at least 40 % of the letters (Han + Latin), e.g. a paragraph quoting
// product names and English terms. Digits, punctuation and spaces do not count: figures
// are everyday Chinese copy (2026年, 220千伏, 12%), and a PM2.5 in it stays well under.

const HAN = /\p{Script=Han}/u;
const LATIN = /\p{Script=Latin}/u;

export const LATIN_HEAVY_SHARE = 0.4;

export function latinShare(text: string): number {
  let han = 0, latin = 0;
  for (const ch of text) {
    if (HAN.test(ch)) han++;
    else if (LATIN.test(ch)) latin++;
  }
  return han + latin === 0 ? 0 : latin / (han + latin);
}

/** True for a block with Han in it whose Latin share is at least LATIN_HEAVY_SHARE (a block without Han needs no autospace). */
export function latinHeavy(text: string): boolean {
  return HAN.test(text) && latinShare(text) >= LATIN_HEAVY_SHARE;
}
