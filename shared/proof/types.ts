import type { CscModel } from './csc/model';
import type { TypoLevel } from './csc/detect';

// Proofreading (issue 6): the shapes every rule shares. Rules work on plain strings with
// offsets, so the same engine reads a story (Lexical state → one segment per block), a
// Markdown/text file (one segment per line) or a .docx (one per paragraph).

export type Severity = 'error' | 'warning' | 'info';
export type SegmentKind = 'body' | 'heading' | 'caption' | 'credit';
export type ProofLang = 'zh' | 'en';

export interface Segment {
  /** Stable within its document: a block index, a Lexical key, a line number. */
  id: string;
  text: string;
  lang: ProofLang;
  kind: SegmentKind;
}

/** A story, a file or one language version of a story. */
export interface ProofDocument {
  id: string;
  segments: Segment[];
}

export interface TextFix {
  /** Offsets into the segment's text; replacement '' deletes. */
  start: number;
  end: number;
  replacement: string;
}

export interface Bilingual {
  zh: string;
  en: string;
}

export interface RuleDef {
  id: string;
  severity: Severity;
  /** The norm the rule follows, e.g. "GB/T 15834-2011 4.1". */
  standard: string;
  /** Message templates; {text} is the flagged text, {fix} the suggested form. */
  message: Bilingual;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  standard: string;
  message: Bilingual;
  docId: string;
  segmentId: string;
  start: number;
  end: number;
  /** The flagged text, also part of the ignore key. */
  text: string;
  fix?: TextFix;
  /** Stable across edits elsewhere: rule, document, flagged text and a little context. */
  key: string;
}

export interface Speller {
  correct(word: string): boolean;
}

/** One house-style term: the preferred form, the spellings to flag, forms also accepted. */
export interface HouseTerm {
  preferred: string;
  variants: string[];
  /** Other correct forms, e.g. ‘十五五’ inside an outer quotation. */
  accepted?: string[];
}

export interface ProofOptions {
  terms?: readonly HouseTerm[];
  /** English spelling; without one the spelling rule is skipped. */
  speller?: Speller | null;
  /** House style: flag stacked ！！ / ？？！！ (punct.stacked); GB/T 15834 allows them, so off unless set. */
  flagStackedMarks?: boolean;
  /** 错别字 tables (issue 14); without them the typo rule is skipped and repeats judge without words. */
  csc?: CscModel | null;
  /** How eagerly typos are reported (per edition); default normal. */
  typoLevel?: TypoLevel;
}

/** What a segment rule is handed: its segment, its neighbours, and a way to report. */
export interface SegmentContext {
  doc: ProofDocument;
  index: number;
  options: ProofOptions;
  emit(rule: RuleDef, start: number, end: number, fix?: string | TextFix, vars?: Record<string, string>): void;
}

export type SegmentRule = (seg: Segment, ctx: SegmentContext) => void;

/** A rule over a whole document (consistency within one story or file). */
export interface DocumentContext {
  options: ProofOptions;
  emit(seg: Segment, rule: RuleDef, start: number, end: number, fix?: string | TextFix, vars?: Record<string, string>): void;
}
export type DocumentRule = (doc: ProofDocument, ctx: DocumentContext) => void;

export function defineRule(id: string, severity: Severity, standard: string, zh: string, en: string): RuleDef {
  return { id, severity, standard, message: { zh, en } };
}
