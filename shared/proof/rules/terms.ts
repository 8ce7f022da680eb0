import { defineRule, type HouseTerm, type ProofDocument, type Segment, type SegmentRule } from '../types';

// House style (settings → proofTerms): official names and fixed phrases in their exact form,
// quotation marks included. A variant is flagged unless it sits inside the preferred form
// or an accepted one (‘十五五’ is right inside an outer quotation, GB/T 15834-2011 4.7.3.2).

export const HOUSE_TERM = defineRule(
  'term.house-style', 'warning', 'house style (规范表述)',
  '“{text}”应写作“{fix}”', '"{text}" should be written "{fix}"',
);
export const LATIN_VARIANTS = defineRule(
  'term.latin-variants', 'warning', 'house style (前后一致)',
  '同一名称有不同写法：“{text}”与“{fix}”', 'One name spelled two ways: "{text}" and "{fix}"',
);

/** A term's forms as the rule reads them: the right forms, and the variants longest first. */
interface TermForms { right: string[]; variants: string[] }
const formsOf = new WeakMap<HouseTerm, TermForms>();
/** Made once per term, not once per paragraph (issue 15; terms are replaced, never changed in place). */
function termForms(term: HouseTerm): TermForms {
  let f = formsOf.get(term);
  if (!f) formsOf.set(term, (f = { right: [term.preferred, ...(term.accepted ?? [])], variants: [...term.variants].sort((a, b) => b.length - a.length) }));
  return f;
}

const houseTerms: SegmentRule = (seg, ctx) => {
  const terms = ctx.options.terms;
  if (!terms?.length) return;
  const t = seg.text;
  for (const term of terms) {
    const { right, variants } = termForms(term);
    // Most paragraphs hold no variant of a term: nothing to cover then.
    if (!variants.some((v) => v && t.includes(v))) continue;
    const covered: [number, number][] = [];
    for (const form of right) {
      for (let i = t.indexOf(form); i >= 0; i = t.indexOf(form, i + 1)) covered.push([i, i + form.length]);
    }
    for (const v of variants) {
      if (!v) continue;
      for (let i = t.indexOf(v); i >= 0; i = t.indexOf(v, i + 1)) {
        const end = i + v.length;
        if (covered.some(([a, b]) => a <= i && end <= b)) continue;
        ctx.emit(HOUSE_TERM, i, end, term.preferred, { fix: term.preferred });
        covered.push([i, end]);
      }
    }
  }
};

export const termRules: SegmentRule[] = [houseTerms];

const LATIN_WORD = /[A-Za-zＡ-Ｚａ-ｚ][A-Za-z0-9Ａ-Ｚａ-ｚ０-９]*(?:[-.][A-Za-z0-9Ａ-Ｚａ-ｚ０-９]+)*/g;

/**
 * Latin names inside Chinese copy across an edition: "WeChat" and "Wechat", "LNG" and
 * "ＬＮＧ" are the same name spelled two ways. English copy is left out: there a capital
 * starts a sentence. The rarer spelling is flagged, pointing at the commoner one.
 */
export function latinVariants(docs: readonly ProofDocument[], emit: (doc: ProofDocument, seg: Segment, start: number, end: number, text: string, other: string) => void): void {
  const groups = new Map<string, Map<string, { doc: ProofDocument; seg: Segment; start: number; end: number }[]>>();
  for (const doc of docs) {
    for (const seg of doc.segments) {
      if (seg.lang !== 'zh') continue;
      for (const m of seg.text.matchAll(LATIN_WORD)) {
        const form = m[0];
        if (form.length < 2) continue;
        const key = form.normalize('NFKC').toLowerCase();
        const byForm = groups.get(key) ?? new Map();
        groups.set(key, byForm);
        const hits = byForm.get(form) ?? [];
        hits.push({ doc, seg, start: m.index, end: m.index + form.length });
        byForm.set(form, hits);
      }
    }
  }
  for (const byForm of groups.values()) {
    if (byForm.size < 2) continue;
    const ranked = [...byForm.entries()].sort((a, b) => b[1].length - a[1].length);
    const [top] = ranked[0]!;
    for (const [form, hits] of ranked.slice(1)) for (const h of hits) emit(h.doc, h.seg, h.start, h.end, form, top);
  }
}

/** Default house terms; the desk edits them in settings. */
export const DEFAULT_HOUSE_TERMS: HouseTerm[] = [
  { preferred: '《政府工作报告》', variants: ['政府工作报告'], accepted: ['〈政府工作报告〉'] },
  { preferred: '“十五五”', variants: ['十五五', '"十五五"'], accepted: ['‘十五五’'] },
  { preferred: '“十四五”', variants: ['十四五', '"十四五"'], accepted: ['‘十四五’'] },
  { preferred: '习近平新时代中国特色社会主义思想', variants: ['习近平新时代中国特色主义思想', '习近平新时代特色社会主义思想'] },
  { preferred: '党的二十届四中全会', variants: ['党的20届四中全会', '党的二十届4中全会'] },
  { preferred: '沁源县融媒体中心', variants: ['沁源县融媒中心', '沁源融媒体中心'] },
  { preferred: '中国式现代化', variants: ['中国式的现代化'] },
];
export const termDefs = [HOUSE_TERM, LATIN_VARIANTS];
