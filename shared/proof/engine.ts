import { confusableRules } from './rules/confusables';
import { englishRules } from './rules/english';
import { numberConsistencyRules } from './rules/number-consistency';
import { numberRules, FULL_WIDTH_DIGITS } from './rules/numbers';
import { punctuationMarkRules } from './rules/punctuation-marks';
import { punctuationPairRules } from './rules/punctuation-pairs';
import { punctuationStackedRules } from './rules/punctuation-stacked';
import { punctuationQuoteEndRules } from './rules/punctuation-quote-end';
import { punctuationInEnglishRules } from './rules/punctuation-in-english';
import { punctuationWidthRules } from './rules/punctuation-width';
import { repeatRules } from './rules/repeats';
import { latinVariants, LATIN_VARIANTS, termRules } from './rules/terms';
import { traditionalRules } from './rules/traditional';
import { typoRules } from './rules/typos';
import type { Finding, ProofDocument, ProofOptions, RuleDef, Segment, SegmentRule, TextFix } from './types';

// The engine: every segment through the rules of its language, every document through the
// consistency rules, and the edition through the cross-document ones. Pure and synchronous;
// the editor runs it after typing pauses, the CLI and export preflight on whole editions.

const ZH_RULES: SegmentRule[] = [
  ...punctuationWidthRules, ...punctuationPairRules, ...punctuationMarkRules, ...punctuationStackedRules, ...punctuationQuoteEndRules, ...punctuationInEnglishRules, ...numberRules,
  ...repeatRules, ...confusableRules, ...traditionalRules, ...termRules,
  ...typoRules, // issue 14: statistical 错别字, after the fixed lists
];
const EN_RULES: SegmentRule[] = [...englishRules, numberRules[0]!, ...termRules];

const CONTEXT = 4;

/** The ignore key: stays the same when text elsewhere in the story changes. */
export function findingKey(ruleId: string, docId: string, segText: string, start: number, end: number): string {
  const before = segText.slice(Math.max(0, start - CONTEXT), start);
  const after = segText.slice(end, end + CONTEXT);
  return `${ruleId}|${docId}|${before}[${segText.slice(start, end)}]${after}`;
}

function fill(template: string, vars: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => vars[k] ?? m);
}

export function makeFinding(rule: RuleDef, doc: ProofDocument, seg: Segment, start: number, end: number, fix?: string | TextFix, vars: Record<string, string> = {}): Finding {
  const text = seg.text.slice(start, end);
  const textFix = typeof fix === 'string' ? { start, end, replacement: fix } : fix;
  const v = { text, fix: typeof fix === 'string' ? fix : '', ...vars };
  return {
    ruleId: rule.id,
    severity: rule.severity,
    standard: rule.standard,
    message: { zh: fill(rule.message.zh, v), en: fill(rule.message.en, v) },
    docId: doc.id,
    segmentId: seg.id,
    start,
    end,
    text,
    ...(textFix ? { fix: textFix } : {}),
    key: findingKey(rule.id, doc.id, seg.text, start, end),
  };
}

/**
 * Findings of one segment's own rules. A segment rule reads its segment and at most the
 * next one (a quotation continued in the next paragraph): the editor's incremental run
 * (incremental.ts) reuses a segment's findings while both are unchanged.
 */
export function proofSegment(doc: ProofDocument, index: number, options: ProofOptions = {}): Finding[] {
  const out: Finding[] = [];
  const seg = doc.segments[index]!;
  const ctx = {
    doc,
    index,
    options,
    emit: (rule: RuleDef, start: number, end: number, fix?: string | TextFix, vars?: Record<string, string>) => {
      out.push(makeFinding(rule, doc, seg, start, end, fix, vars));
    },
  };
  // An index loop: per segment, and in the CLI's interpreted short run each iterator step is a heap object (issue 15).
  const rules = seg.lang === 'en' ? EN_RULES : ZH_RULES;
  for (let r = 0; r < rules.length; r++) rules[r]!(seg, ctx);
  return out;
}

/** Findings of the rules over the whole document (consistency within one story or file). */
export function proofDocumentRules(doc: ProofDocument, options: ProofOptions = {}): Finding[] {
  const out: Finding[] = [];
  const dctx = {
    options,
    emit: (seg: Segment, rule: RuleDef, start: number, end: number, fix?: string | TextFix, vars?: Record<string, string>) => {
      out.push(makeFinding(rule, doc, seg, start, end, fix, vars));
    },
  };
  for (const rule of numberConsistencyRules) rule(doc, dctx);
  return out;
}

/** Findings of one document (a story version or a file), in reading order. */
export function proofDocument(doc: ProofDocument, options: ProofOptions = {}): Finding[] {
  const out = doc.segments.flatMap((_, index) => proofSegment(doc, index, options));
  out.push(...proofDocumentRules(doc, options));
  return sortFindings(out, doc);
}

/** Findings of several documents together, with the cross-document consistency checks. */
export function proofDocuments(docs: readonly ProofDocument[], options: ProofOptions = {}): Finding[] {
  const out = docs.flatMap((d) => proofDocument(d, options));
  const seen = new Set(out.map((f) => `${f.docId}|${f.segmentId}|${f.start}|${f.ruleId}`));
  latinVariants(docs, (doc, seg, start, end, text, other) => {
    // A full-width spelling is already reported by num.full-width, with its fix.
    if (seen.has(`${doc.id}|${seg.id}|${start}|${FULL_WIDTH_DIGITS.id}`)) return;
    out.push(makeFinding(LATIN_VARIANTS, doc, seg, start, end, undefined, { text, fix: other }));
  });
  return out;
}

/** Reading order: segment, then start, then end. */
export function sortFindings(out: Finding[], doc: ProofDocument): Finding[] {
  const order = new Map(doc.segments.map((s, i) => [s.id, i]));
  return out.sort((a, b) => (order.get(a.segmentId) ?? 0) - (order.get(b.segmentId) ?? 0) || a.start - b.start || a.end - b.end);
}
