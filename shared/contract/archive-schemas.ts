import { z } from 'zod';
import { Id } from '../document/ids';

// The archive search (issue 16) as the renderer sees it: a query with filters in, results
// out, best first, each with the snippet of its best row and its matched spans.

export const ArchiveKind = z.enum(['edition', 'page', 'story', 'photo']);
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const ArchiveSearchInput = z.object({
  query: z.string().max(200),
  kind: ArchiveKind.optional(),
  editionId: Id.optional(),
  lang: z.enum(['zh', 'en']).optional(),
  from: Day.optional(),
  to: Day.optional(),
  creator: z.string().max(200).optional(),
  ratingMin: z.number().int().min(0).max(5).optional(),
  label: z.string().max(20).optional(),
  placed: z.boolean().optional(),
  limit: z.number().int().min(1).max(500).optional(),
}).strict();
export type ArchiveSearchInput = z.infer<typeof ArchiveSearchInput>;

export const ArchiveHit = z.object({
  item: z.string(),
  kind: ArchiveKind,
  ref: z.string(),
  title: z.string(),
  editionId: z.string().nullable(),
  editionTitle: z.string().nullable(),
  editionRef: z.string().nullable(),
  para: z.number().int(),
  lang: z.enum(['zh', 'en', 'both']),
  date: z.string(),
  creator: z.string(),
  rating: z.number().int().nullable(),
  label: z.string().nullable(),
  file: z.string().nullable(),
  score: z.number(),
  snippet: z.object({ text: z.string(), marks: z.array(z.tuple([z.number().int(), z.number().int()])) }),
  placements: z.array(z.object({
    editionId: z.string(), editionTitle: z.string(), pageId: z.string().nullable(), pageName: z.string().nullable(), pageNumber: z.number().int().nullable(),
  })),
});
export type ArchiveHit = z.infer<typeof ArchiveHit>;

export const ArchiveSearchResult = z.object({
  hits: z.array(ArchiveHit),
  /** False while the catalogue is still being built on start (the hits are then empty). */
  ready: z.boolean(),
});
