import { z } from 'zod';
import { PhotoMeta } from '../document/schema';

// Search results into the desk (issue 16): a photo's provenance (where it was placed, across
// the workspace) and its caption history, and the catalogue's build state for the box.

export const CaptionHistoryEntry = z.object({
  /** ISO time of the change. */
  at: z.string(),
  /** The desk server user who made it, when the desk was signed in to one. */
  user: z.string().optional(),
  /** How it came: typed on the desk, a batch template, a revert, or the state found at the first change. */
  via: z.enum(['caption', 'batch', 'revert', 'initial']),
  meta: PhotoMeta,
});
export type CaptionHistoryEntry = z.infer<typeof CaptionHistoryEntry>;

export const ProvenancePlacement = z.object({
  editionId: z.string(),
  editionTitle: z.string(),
  editionRef: z.string().nullable(),
  issueDate: z.string(),
  pageId: z.string().nullable(),
  pageName: z.string().nullable(),
  pageNumber: z.number().int().nullable(),
});
export type ProvenancePlacement = z.infer<typeof ProvenancePlacement>;

/** A history line as the panel shows it: `index` is its line in the file (what a revert names). */
export const ShownCaptionVersion = CaptionHistoryEntry.extend({ index: z.number().int().min(0) });
export type ShownCaptionVersion = z.infer<typeof ShownCaptionVersion>;

export const PhotoProvenance = z.object({
  /** 'building' while the catalogue is (re)built, 'unavailable' where this window has none (placements are then empty). */
  catalogue: z.enum(['ready', 'building', 'unavailable']),
  placements: z.array(ProvenancePlacement),
  /** The caption's versions, oldest first: a run of saves typed within a minute shows as its last one. */
  history: z.array(ShownCaptionVersion),
});
export type PhotoProvenance = z.infer<typeof PhotoProvenance>;

export const ArchiveStatus = z.object({
  ready: z.boolean(),
  /** Editions read so far while (re)building; both 0 when no build runs. */
  done: z.number().int(),
  total: z.number().int(),
  /** True when this start found the catalogue missing or unusable and rebuilt it from the files. */
  rebuilt: z.boolean(),
  /** The editions the catalogue holds, newest issue first (the search box's edition filter). */
  editions: z.array(z.object({ id: z.string(), title: z.string(), ref: z.string().nullable(), issueDate: z.string() })),
  /** Photographers named in the catalogue (the photographer filter's suggestions). */
  creators: z.array(z.string()),
});
export type ArchiveStatus = z.infer<typeof ArchiveStatus>;
