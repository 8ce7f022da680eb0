import { z } from 'zod';
import { Id } from '../document/ids';

// Proof rounds (签样, issue 13 item 2). A proof is a PDF per page with a slug line
// outside the trim, kept in <edition>/proofs/<folder>/ with a manifest, so any earlier
// round can be reopened and compared with a later one. Newsrooms count rounds as
// 一校, 二校, 三校 (first, second, third proof); a fourth and later round keeps counting.

const ZH_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 1 → 一校, 3 → 三校, 12 → 十二校 (round 1–99). */
export function roundLabel(round: number, lang: 'zh' | 'en'): string {
  if (lang === 'en') return `proof ${round}`;
  const tens = Math.floor(round / 10);
  const ones = round % 10;
  const n = tens === 0 ? ZH_DIGITS[ones]! : `${tens === 1 ? '' : ZH_DIGITS[tens]!}十${ones ? ZH_DIGITS[ones]! : ''}`;
  return `${n}校`;
}

/** The folder of one proof export: r01-20261201-103000 (sorts by round, then time). */
export const PROOF_FOLDER = /^r\d{2}-\d{8}-\d{6}(-\d+)?$/;

export function proofFolderName(round: number, stamp: string): string {
  return `r${String(round).padStart(2, '0')}-${stamp}`;
}

/** One passage of a page's text: a paragraph of a block, in reading order. */
export const ProofPassage = z.object({ blockId: z.string().max(100), text: z.string().max(20_000) });
export type ProofPassage = z.infer<typeof ProofPassage>;

/** A changed rectangle of a page, in millimetres from the trim's top-left corner. */
export const ProofRegion = z.object({ xMm: z.number(), yMm: z.number(), wMm: z.number(), hMm: z.number() });
export type ProofRegion = z.infer<typeof ProofRegion>;

export const ProofPageEntry = z.object({
  pageId: Id,
  number: z.number().int().min(1),
  /** File name of the page's proof PDF inside the round's folder. */
  pdf: z.string().min(1).max(200),
  /** The page's text as printed, for the text diff. */
  passages: z.array(ProofPassage).max(5000),
});
export type ProofPageEntry = z.infer<typeof ProofPageEntry>;

/** proofs/<folder>/manifest.json: what was proofed, when, by whom. */
export const ProofManifest = z.object({
  version: z.literal(1),
  round: z.number().int().min(1).max(99),
  exportedAt: z.string(),
  by: z.string().max(60),
  lang: z.enum(['zh', 'en']),
  watermark: z.boolean(),
  pageSizeMm: z.object({ width: z.number().positive(), height: z.number().positive() }),
  /** How far outside the trim the PDF page reaches on each side (the slug). */
  slugMm: z.number().min(0),
  pages: z.array(ProofPageEntry).min(1).max(500),
});
export type ProofManifest = z.infer<typeof ProofManifest>;

/** A proof round as listed: the manifest without the text, with its folder and files. */
export const ProofRoundSummary = z.object({
  folder: z.string(),
  round: z.number().int(),
  label: z.object({ zh: z.string(), en: z.string() }),
  exportedAt: z.string(),
  by: z.string(),
  lang: z.enum(['zh', 'en']),
  watermark: z.boolean(),
  pages: z.array(z.object({ pageId: z.string(), number: z.number().int(), path: z.string(), bytes: z.number().int().nonnegative() })),
});
export type ProofRoundSummary = z.infer<typeof ProofRoundSummary>;

export const ProofChange = z.object({
  kind: z.enum(['insert', 'delete', 'replace']),
  blockId: z.string(),
  /** The text of the earlier round that is gone ('' for an insert). */
  deleted: z.string(),
  /** The text of the later round that is new ('' for a delete). */
  inserted: z.string(),
  /** A few characters before the change, to find it on the page. */
  before: z.string(),
  after: z.string(),
});
export type ProofChange = z.infer<typeof ProofChange>;

export const ProofDiffResult = z.object({
  pageId: z.string(),
  number: z.number().int(),
  changes: z.array(ProofChange),
  regions: z.array(ProofRegion),
  /** Share of the page's pixels that differ (0–1). */
  changedFraction: z.number(),
  /** The later round's render with the changed regions outlined (PNG), also written beside its proof. */
  png: z.instanceof(Uint8Array),
  path: z.string(),
});
export type ProofDiffResult = z.infer<typeof ProofDiffResult>;
