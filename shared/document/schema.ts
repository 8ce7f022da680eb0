import { z } from 'zod';
import { Id } from './ids';
import { EditorStateSchema } from './lexical-state';
import { HouseStyle } from './house-style';

// The on-disk document model, version SCHEMA_VERSION. Older files are lifted by
// migrate.ts before they are parsed here; nothing here accepts an older shape.
export const SCHEMA_VERSION = 1;

export const Lang = z.enum(['zh', 'en']);
export const BlockLang = z.enum(['zh', 'en', 'both']);

export const PageSize = z.object({
  preset: z.enum(['broadsheet', 'tabloid', 'a3', 'a4', 'custom']),
  widthMm: z.number().positive().max(2000),
  heightMm: z.number().positive().max(2000),
});
export type PageSize = z.infer<typeof PageSize>;

export const Grid = z.object({
  columns: z.number().int().min(1).max(24),
  gutterMm: z.number().min(0).max(50),
  margins: z.object({ top: z.number().min(0), right: z.number().min(0), bottom: z.number().min(0), left: z.number().min(0) }),
  /** Baseline grid step in mm; blocks snap to it vertically when set. */
  baselineMm: z.number().min(1).max(20).optional(),
});
export type Grid = z.infer<typeof Grid>;

export const BLOCK_KINDS = [
  'masthead', 'kicker', 'label', 'headline', 'deck', 'story', 'photo', 'caption', 'credits', 'rule', 'box', 'footer',
] as const;
export const Credit = z.object({ role: z.string().max(40), roleEn: z.string().max(40).optional(), names: z.array(z.string().max(80)) });
export type Credit = z.infer<typeof Credit>;

/** A block sits on the column grid: x/w in columns, y/h in millimetres from the top margin. */
export const Block = z.object({
  id: Id,
  kind: z.enum(BLOCK_KINDS),
  col: z.number().int().min(0),
  span: z.number().int().min(1),
  yMm: z.number().min(0),
  hMm: z.number().min(0),
  lang: BlockLang.default('zh'),
  text: z.string().max(20000).optional(),
  textEn: z.string().max(20000).optional(),
  storyId: Id.optional(),
  photoId: Id.optional(),
  credits: z.array(Credit).optional(),
  /** Story frames: text columns inside the frame (default: one per grid column spanned). */
  cols: z.number().int().min(1).max(12).optional(),
  /**
   * Legacy (files before issue 10): a frame's order among its story's frames on its own page.
   * Lifted on read into `threadPos` (shared/layout/page-lift.ts) and never written again.
   */
  thread: z.number().int().min(0).max(99).optional(),
  /**
   * Story frames: the frame's place in its story's thread (续排) across the whole edition,
   * 0 = where the story starts. Explicit on every frame that has a story: there is no
   * default order, so a thread stays whole when pages are reordered.
   */
  threadPos: z.number().int().min(0).max(999).optional(),
  /** Kicker, headline and deck blocks: take the text from `storyId`'s own kicker/headline/deck. */
  fromStory: z.boolean().optional(),
  /** Headlines and labels set vertically (竖排). */
  vertical: z.boolean().optional(),
  /** Photo frames: the point of the photo kept in view (0..1) and the zoom over "cover". */
  focus: z.object({ x: z.number().min(0).max(1), y: z.number().min(0).max(1) }).optional(),
  zoom: z.number().min(1).max(8).optional(),
  /** Photo frames: where the caption goes. */
  captionPos: z.enum(['below', 'beside', 'none']).optional(),
  /** Rules and boxes: stroke width (mm) and fill/stroke colour (#rrggbb). */
  strokeMm: z.number().min(0).max(20).optional(),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/).optional(),
  /** Type size in pt, where the block's default is not wanted. */
  sizePt: z.number().min(4).max(300).optional(),
  /**
   * Text blocks made from a template: the template's placeholder words (主标题, 副题…), kept
   * so the preflight knows them while the page still shows them, whatever the template says later.
   */
  placeholder: z.object({ text: z.string().max(20000).optional(), textEn: z.string().max(20000).optional() }).optional(),
  /** Mastheads: the issue date this page carries where it is not the edition's (YYYY-MM-DD). */
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
});
export type Block = z.infer<typeof Block>;

export const Page = z.object({
  id: Id,
  name: z.string().max(200),
  number: z.number().int().min(1),
  grid: Grid,
  blocks: z.array(Block),
});
export type Page = z.infer<typeof Page>;

/** 稿件状态 as the desk sets it; 已上版 is not stored: it follows from the pages that place the story. */
export const StoryStatus = z.enum(['draft', 'edited', 'proofed']);
export type StoryStatus = z.infer<typeof StoryStatus>;

/**
 * Where a story copied from the archive came from (issue 16): the source edition, story and
 * issue date, and when it was copied. Optional: files written before it load as they are.
 */
export const StoryOrigin = z.object({
  editionId: z.string().max(200),
  editionTitle: z.string().max(500),
  /** The source edition's folder at the time of the copy (it may be renamed or gone since). */
  editionRef: z.string().max(500).optional(),
  issueDate: z.string().max(40).optional(),
  storyId: z.string().max(200),
  storyTitle: z.string().max(500).optional(),
  copiedAt: z.string().max(40),
});
export type StoryOrigin = z.infer<typeof StoryOrigin>;

export const Story = z.object({
  id: Id,
  title: z.string().max(500),
  /** Set on a story copied from another edition (复制到本期, issue 16). */
  origin: StoryOrigin.optional(),
  /** Absent in files written before issue 10: read as 'draft'. */
  status: StoryStatus.optional(),
  /** Lexical state per language; null where that version has not been written yet. */
  zh: EditorStateSchema.nullable(),
  en: EditorStateSchema.nullable(),
  updatedAt: z.string(),
});
export type Story = z.infer<typeof Story>;

export const PhotoMeta = z.object({
  caption: z.object({ zh: z.string().max(4000), en: z.string().max(4000) }),
  headline: z.string().max(500).default(''),
  creator: z.string().max(200).default(''),
  credit: z.string().max(300).default(''),
  source: z.string().max(300).default(''),
  copyright: z.string().max(500).default(''),
  dateCreated: z.string().max(40).default(''),
  location: z.object({ city: z.string().max(100).default(''), sublocation: z.string().max(200).default('') }).default({ city: '', sublocation: '' }),
  keywords: z.array(z.string().max(100)).max(200).default([]),
  /** lr:hierarchicalSubject paths (`产业|党参`, issue 16); absent in records made before. */
  hierarchicalKeywords: z.array(z.string().max(500)).max(200).optional(),
});
export type PhotoMeta = z.infer<typeof PhotoMeta>;

export const Photo = z.object({
  id: Id,
  /** File inside the edition's assets/ folder; never an absolute path. */
  asset: z.object({
    file: z.string().regex(/^assets\/[^/\\]+$/),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    width: z.number().int().positive(),
    height: z.number().int().positive(),
    bytes: z.number().int().nonnegative(),
  }),
  meta: PhotoMeta,
  /** The workspace library photo this copy was placed from (issue 10): placing it again reuses this one. */
  libraryId: Id.optional(),
});
export type Photo = z.infer<typeof Photo>;

export const Edition = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  id: Id,
  title: z.string().min(1).max(200),
  paper: z.string().max(100),
  paperEn: z.string().max(100).default(''),
  issueDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  pageSize: PageSize,
  /** Page order; each id names pages/<id>.json. */
  pages: z.array(Id),
  photos: z.array(Photo),
  /** House style (issue 17); absent = the defaults of house-style.ts. */
  houseStyle: HouseStyle.partial().optional(),
});
export type Edition = z.infer<typeof Edition>;

export const PAGE_PRESETS: Record<Exclude<PageSize['preset'], 'custom'>, PageSize> = {
  broadsheet: { preset: 'broadsheet', widthMm: 390, heightMm: 545 },
  tabloid: { preset: 'tabloid', widthMm: 270, heightMm: 390 },
  a3: { preset: 'a3', widthMm: 297, heightMm: 420 },
  a4: { preset: 'a4', widthMm: 210, heightMm: 297 },
};
