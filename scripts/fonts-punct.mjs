// Full-width CJK punctuation whatever family sets a Chinese run (issue 17).
// In Chinese text “ ” ‘ ’ · — take the full em of their CJK forms (GB/T 15834-2011,
// clreq 3.1.6). The bundled slices disagree: LXGW WenKai draws “ ” at 0.35 em and
// has no ‘ ’ at all, Noto Serif SC draws · at 0.33 em, Noto Sans SC ‘ ’ at 0.5 em,
// Noto's — at 0.89 em. Their `fwid` glyphs are not in the web slices (measured:
// font-feature-settings: 'fwid' changes none of them), so each text family gets a
// companion family, `<Family> Punct`, that sets just these code points by
// unicode-range from the slice whose glyph is a full em (measured in Chromium,
// tests/unit/cjk-punct.test.ts keeps it so). page.css puts the companion first in
// every Chinese stack; English runs use the plain family and keep proportional marks.

/** Code point ranges → the family and slice (the face covering it, latin slice or not) to take them from. */
const SOURCES = [
  // “ ” : the CJK slice of the Noto family (1 em); WenKai's own are 0.35 em, so Kai borrows Serif's.
  { range: 'U+201C-201D', from: { 'Noto Serif SC': 'Noto Serif SC', 'Noto Sans SC': 'Noto Sans SC', 'LXGW WenKai': 'Noto Serif SC' }, latin: false },
  // ‘ ’ : only Noto Serif SC's latin slice has them at 1 em.
  { range: 'U+2018-2019', from: { 'Noto Serif SC': 'Noto Serif SC', 'Noto Sans SC': 'Noto Serif SC', 'LXGW WenKai': 'Noto Serif SC' }, latin: true },
  // · (间隔号): Noto Sans SC's CJK slice has the centred full-width dot.
  { range: 'U+00B7', from: { 'Noto Serif SC': 'Noto Sans SC', 'Noto Sans SC': 'Noto Sans SC', 'LXGW WenKai': 'Noto Sans SC' }, latin: false },
  // — : WenKai's is a full em, so —— (破折号) joins into one two-em rule.
  { range: 'U+2014', from: { 'Noto Serif SC': 'LXGW WenKai', 'Noto Sans SC': 'LXGW WenKai', 'LXGW WenKai': 'LXGW WenKai' }, latin: false },
];

const first = (range) => parseInt(/U\+([0-9A-F]+)/i.exec(range)[1], 16);

function covers(faceRange, cp) {
  return faceRange.split(',').some((part) => {
    const [a, b] = part.trim().slice(2).split('-');
    const lo = parseInt(a, 16), hi = b ? parseInt(b, 16) : lo;
    return cp >= lo && cp <= hi;
  });
}

/**
 * @param {{family: string, weight: number, file: string, range?: string}[]} faces the faces fonts.css declares
 * @returns {string[]} @font-face rules of the `<Family> Punct` companions, one per family, weight and range
 */
export function punctFaces(faces) {
  const rules = [];
  const families = [...new Set(faces.map((f) => f.family))];
  for (const family of families) {
    const weights = [...new Set(faces.filter((f) => f.family === family).map((f) => f.weight))];
    for (const weight of weights) {
      for (const src of SOURCES) {
        const fromFamily = src.from[family];
        if (!fromFamily) continue;
        const cp = first(src.range);
        const candidates = faces.filter((f) => f.family === fromFamily && f.range && covers(f.range, cp) && f.file.includes('latin') === src.latin);
        // The nearest weight the source has (WenKai has 400 only; Serif has no 900).
        const face = candidates.sort((a, b) => Math.abs(a.weight - weight) - Math.abs(b.weight - weight))[0];
        if (!face) throw new Error(`fonts: no ${fromFamily} slice for ${src.range}`);
        rules.push(`@font-face{font-family:'${family} Punct';font-style:normal;font-weight:${weight};font-display:block;src:url(./files/${face.file}) format('woff2');unicode-range:${src.range};}`);
      }
    }
  }
  return rules;
}
