import { z } from 'zod';
import { Edition, Lang, Page, PageSize, Photo, PhotoMeta, Story, StoryStatus } from '../document/schema';
import { IssueDate, NewEditionInput, StoryRef, Title, TrashItem } from './edition-schemas';
import { EditorStateSchema } from '../document/lexical-state';
import { HouseStyle, TypoCheck } from '../document/house-style';
import { ColorLabel, LibraryPhoto } from '../photo/library';
import { Id } from '../document/ids';
import { Settings, SettingsPatch } from '../settings/schema';
import type { Channel } from './channels';
import { ProofDictionary, ProofFindingSchema, ProofIgnoreKeys } from './proof-schemas';
import { AuditEntry, CollabStatus, ConnectInput, ConnectResult, RemoteEdition, RemoteId, SignOff } from './collab-schemas';
import { ExportFormats, ExportPageIds, ExportResultSchema, PreflightFindingSchema } from './export-schemas';
import { PROOF_FOLDER, ProofDiffResult, ProofRoundSummary } from '../proof-rounds/rounds';
import { PressSettingsInput, PressSettingsView, SeparationsResult } from './press-schemas';
import { ArchiveSearchInput, ArchiveSearchResult } from './archive-schemas';
import { ArchiveStatus, PhotoProvenance } from './find-schemas';
import { NodeId, SimilarResult, VocabEditInput, VocabImportNote, VocabView } from './vocab-schemas';

// Every call the renderer can make, with the schema main checks its input against
// before doing anything, and the schema of what comes back.

/**
 * An edition folder named relative to the workspace (e.g. "qinyuan-lianghui.edition").
 * The schema refuses the obvious escapes; the service also resolves real paths, so a
 * symlink cannot lead outside either.
 */
export const EditionRef = z
  .string()
  .min(1)
  .max(500)
  .refine((s) => !s.split(/[/\\]/).includes('..') && !/^([/\\]|[A-Za-z]:)/.test(s) && !s.includes('\0'), {
    message: 'edition must be a path inside the workspace',
  });

export const EditionSummary = z.object({
  ref: z.string(),
  title: z.string(),
  issueDate: z.string(),
  pageCount: z.number().int(),
  /** Newest change of edition.json, a page or a story (ISO time). */
  updatedAt: z.string().optional(),
  error: z.object({ code: z.string(), message: z.object({ 'zh-CN': z.string(), en: z.string() }) }).optional(),
});
export type EditionSummary = z.infer<typeof EditionSummary>;

/** chars: 字 as the editor counts them (Han characters of the zh version); pages: 第 N 版 that place it. */
export const StorySummary = z.object({ id: Id, title: z.string(), updatedAt: z.string(), chars: z.number().int(), status: StoryStatus.optional(), pages: z.array(z.number().int()).optional() });
export type StorySummary = z.infer<typeof StorySummary>;

export const AppInfo = z.object({
  version: z.string(),
  host: z.enum(['electron', 'browser']),
  workspace: z.string(),
  defaultEdition: z.string().nullable(),
});
export type AppInfo = z.infer<typeof AppInfo>;

const ErrorData = z.object({
  code: z.string(),
  message: z.object({ 'zh-CN': z.string(), en: z.string() }),
  detail: z.string().optional(),
});
const PhotoId = Id;

export const IngestResult = z.discriminatedUnion('status', [
  z.object({ status: z.literal('added'), photo: LibraryPhoto }),
  z.object({ status: z.literal('duplicate'), photo: LibraryPhoto }),
  z.object({ status: z.literal('failed'), name: z.string(), error: ErrorData }),
]);
export type IngestResultT = z.infer<typeof IngestResult>;
/** An ingest that answers once the photo's thumbnail is made ('shown'), or as IngestResult before that. */
const IngestShown = z.discriminatedUnion('status', [
  z.object({ status: z.literal('shown'), photo: LibraryPhoto }),
  z.object({ status: z.literal('added'), photo: LibraryPhoto }),
  z.object({ status: z.literal('duplicate'), photo: LibraryPhoto }),
  z.object({ status: z.literal('failed'), name: z.string(), error: ErrorData }),
]);

/** Raw file bytes: a Uint8Array over IPC; the HTTP transport sends them as the body. */
export const Bytes = z.instanceof(Uint8Array);

const empty = z.object({}).strict();
const TrashId = z.string().regex(/^[a-z0-9-]{1,80}$/);
const inEdition = z.object({ edition: EditionRef }).strict();

export const contract = {
  'app:info': { input: empty, output: AppInfo },
  'settings:get': { input: empty, output: Settings },
  'settings:set': { input: SettingsPatch, output: Settings },
  'edition:list': { input: empty, output: z.array(EditionSummary) },
  'edition:open': { input: inEdition, output: Edition },
  'page:list': { input: inEdition, output: z.array(Page) },
  'page:get': { input: z.object({ edition: EditionRef, pageId: Id }).strict(), output: Page },
  // The composer saves a whole page at a time (blocks are small; a page is a few KB).
  'page:put': { input: z.object({ edition: EditionRef, page: Page }).strict(), output: z.object({ savedAt: z.string() }) },
  'page:create': { input: z.object({ edition: EditionRef, template: z.enum(['front', 'feature', 'photo']), name: z.string().min(1).max(200) }).strict(), output: Page },
  'edition:page-size': { input: z.object({ edition: EditionRef, pageSize: PageSize }).strict(), output: z.object({ ok: z.literal(true) }) },
  'story:list': { input: inEdition, output: z.array(StorySummary) },
  'story:get': { input: z.object({ edition: EditionRef, storyId: Id }).strict(), output: Story },
  // One language version only: the 对照 view saves zh and en from two editors, and neither
  // may write back the other's stale copy.
  'story:save-version': {
    input: z.object({ edition: EditionRef, storyId: Id, lang: z.enum(['zh', 'en']), state: EditorStateSchema, title: z.string().max(500).optional() }).strict(),
    output: z.object({ updatedAt: z.string() }),
  },
  'story:put': {
    input: z.object({ edition: EditionRef, story: Story }).strict(),
    output: z.object({ updatedAt: z.string() }),
  },
  /** A writer's .docx or .md becomes a new story (the zh version, or en when mostly Latin). */
  'story:import': {
    // A file whose text equals a story's answers { twin } and adds nothing, unless allowTwin.
    input: z.object({ edition: EditionRef, fileName: z.string().min(1).max(255), bytes: Bytes, allowTwin: z.boolean().optional() }).strict(),
    output: z.union([z.object({ storyId: Id, title: z.string() }), z.object({ twin: StoryRef })]),
  },
  'story:export': {
    input: z.object({ edition: EditionRef, storyId: Id, format: z.enum(['md', 'txt', 'docx']), lang: Lang.default('zh') }).strict(),
    output: z.object({ fileName: z.string(), mime: z.string(), bytes: Bytes }),
  },
  'photo:list': { input: inEdition, output: z.array(Photo) },
  'library:list': { input: empty, output: z.array(LibraryPhoto) },
  'library:ingest': {
    input: z.object({ name: z.string().min(1).max(255), sourcePath: z.string().max(1000), bytes: Bytes }).strict(),
    output: IngestResult,
  },
  'library:caption': { input: z.object({ id: PhotoId, meta: PhotoMeta }).strict(), output: LibraryPhoto },
  'library:caption-many': {
    input: z.object({ items: z.array(z.object({ id: PhotoId, meta: PhotoMeta }).strict()).min(1).max(5000) }).strict(),
    output: z.object({ photos: z.array(LibraryPhoto), failed: z.array(z.object({ id: z.string(), error: ErrorData })) }),
  },
  'library:mark': {
    input: z.object({ ids: z.array(PhotoId).min(1).max(20000), rating: z.number().int().min(0).max(5).optional(), label: ColorLabel.optional() }).strict(),
    output: z.array(LibraryPhoto),
  },
  'library:export': {
    input: z.object({
      ids: z.array(PhotoId).min(1).max(5000),
      longEdge: z.number().int().min(200).max(20000),
      quality: z.number().int().min(30).max(100),
      watermark: z.string().max(200),
    }).strict(),
    output: z.object({
      folder: z.string(),
      written: z.array(z.object({ id: z.string(), file: z.string() })),
      failed: z.array(z.object({ id: z.string(), error: ErrorData })),
    }),
  },
  /** What is wrong with the pages before export (overset, low ppi, …), from a real rendering. */
  'export:preflight': {
    input: z.object({ edition: EditionRef, pages: ExportPageIds.optional(), lang: Lang.default('zh') }).strict(),
    output: z.array(PreflightFindingSchema),
  },
  /** Writes the chosen formats into <edition>/exports/<yyyymmdd-hhmmss>/. */
  'export:run': {
    input: z.object({ edition: EditionRef, pages: ExportPageIds.optional(), lang: Lang.default('zh'), formats: ExportFormats }).strict(),
    output: ExportResultSchema,
  },
  /** Shows a written export file in the system's file manager (Electron); the browser host has none and says so. */
  'export:reveal': { input: z.object({ path: z.string().min(1).max(1000) }).strict(), output: z.object({ shown: z.boolean() }) },
  /** Proofreading (issue 6): every finding of the edition, with the house terms from settings. */
  'proof:edition': { input: inEdition, output: z.array(ProofFindingSchema) },
  /** Findings the desk chose to ignore, remembered in <edition>/proof-ignores.json. */
  'proof:ignores:get': { input: inEdition, output: z.object({ keys: ProofIgnoreKeys }) },
  'proof:ignores:set': { input: z.object({ edition: EditionRef, keys: ProofIgnoreKeys }).strict(), output: z.object({ ok: z.literal(true) }) },
  /** The Hunspell en_US files for the editor's speller (read once per session). */
  'proof:dictionary': { input: empty, output: ProofDictionary },

  /** A new edition from templates, one per page; answers the new folder's ref. */
  'edition:create': { input: NewEditionInput, output: z.object({ ref: z.string() }) },
  /** A new edition with the pages and styles of `source`, its story and photo frames emptied. */
  'edition:create-from': { input: z.object({ source: EditionRef, title: Title, issueDate: IssueDate }).strict(), output: z.object({ ref: z.string() }) },
  /** The title only; the folder keeps its name (see edition-manage.ts for why). */
  'edition:rename': { input: z.object({ edition: EditionRef, title: Title }).strict(), output: z.object({ ok: z.literal(true) }) },
  'edition:duplicate': { input: z.object({ edition: EditionRef, title: Title }).strict(), output: z.object({ ref: z.string() }) },
  'edition:delete': { input: inEdition, output: z.object({ trashId: z.string() }) },
  'trash:list': { input: empty, output: z.array(TrashItem) },
  /** Puts an entry back where it was (a page also back into the page order). */
  'trash:restore': { input: z.object({ id: TrashId }).strict(), output: z.object({ kind: z.enum(['edition', 'story', 'page']), edition: z.string() }) },
  'trash:purge': { input: z.object({ id: TrashId }).strict(), output: z.object({ ok: z.literal(true) }) },
  'story:create': { input: z.object({ edition: EditionRef, title: Title }).strict(), output: StoryRef },
  'story:rename': { input: z.object({ edition: EditionRef, storyId: Id, title: Title }).strict(), output: z.object({ updatedAt: z.string() }) },
  'story:duplicate': { input: z.object({ edition: EditionRef, storyId: Id }).strict(), output: StoryRef },
  'story:delete': { input: z.object({ edition: EditionRef, storyId: Id }).strict(), output: z.object({ trashId: z.string() }) },
  'story:set-status': { input: z.object({ edition: EditionRef, storyId: Id, status: StoryStatus }).strict(), output: z.object({ updatedAt: z.string() }) },

  /** A copy of the page's layout right after it (story frames left empty). */
  'page:duplicate': { input: z.object({ edition: EditionRef, pageId: Id, name: z.string().min(1).max(200) }).strict(), output: Page },
  /** To the workspace trash; the id leaves edition.json's order (the entry keeps its index). */
  'page:delete': { input: z.object({ edition: EditionRef, pageId: Id }).strict(), output: z.object({ trashId: z.string() }) },
  /** A new page order (every id once); numbers and jump lines follow it on the next read. */
  'page:reorder': { input: z.object({ edition: EditionRef, order: z.array(Id).min(1).max(500) }).strict(), output: Edition },
  /** Several pages at once (a thread changed across pages); answers the edition's pages as read back. */
  'page:put-many': { input: z.object({ edition: EditionRef, pages: z.array(Page).min(1).max(500) }).strict(), output: z.array(Page) },

  /**
   * A library photo into the edition: copied into <edition>/assets/ with its caption written
   * into the copy; placing the same photo again returns the edition photo it already has.
   */
  'edition:place-photo': {
    input: z.object({ edition: EditionRef, libraryId: Id }).strict(),
    output: z.object({ photo: Photo, reused: z.boolean() }),
  },

  'collab:status': { input: z.object({ edition: EditionRef.optional() }).strict(), output: CollabStatus },
  'collab:connect': { input: ConnectInput, output: ConnectResult },
  'collab:disconnect': { input: z.object({}).strict(), output: CollabStatus },
  'collab:remote-editions': { input: z.object({}).strict(), output: z.array(RemoteEdition.extend({ localRef: z.string().nullable() })) },
  /** Puts a local edition on the server; from then on its folder is the desk's copy of the shared one. Photos uploaded vs. already on the server. */
  'collab:publish': { input: z.object({ edition: EditionRef }).strict(), output: z.object({ remoteId: RemoteId, uploaded: z.number().int().min(0).optional(), alreadyThere: z.number().int().min(0).optional() }) },
  /** Makes (or finds) this desk's folder for a server edition: a NAME.edition folder like any other. Photos that could not be fetched are listed; the rest are there. */
  'collab:open-remote': {
    input: z.object({ remoteId: RemoteId }).strict(),
    output: z.object({ ref: z.string(), photosFailed: z.array(z.object({ id: z.string(), sha256: z.string(), error: ErrorData })).optional() }),
  },
  'collab:signoff': { input: z.object({ edition: EditionRef, pageId: Id, round: z.number().int().min(1).max(99) }).strict(), output: SignOff },
  'collab:reopen': { input: z.object({ edition: EditionRef, pageId: Id }).strict(), output: z.object({ ok: z.literal(true) }) },
  'collab:audit': { input: z.object({ edition: EditionRef }).strict(), output: z.array(AuditEntry) },
  // [press: issue 13, press-ready output and proofs]
  /** The edition's press settings (press.json) and the profile in use (its own or the bundled default). */
  'press:settings': { input: z.object({ edition: EditionRef }).strict(), output: PressSettingsView },
  /** Changes them; a profile is checked (CMYK output only) and kept in <edition>/press/. */
  'press:settings-set': { input: PressSettingsInput.extend({ edition: EditionRef }), output: PressSettingsView },
  /** One page's press PDF separated by Ghostscript: a plate per ink and the highest total ink. */
  'press:separations': { input: z.object({ edition: EditionRef, pageId: Id, lang: Lang }).strict(), output: SeparationsResult },
  // [/press]
  // [proofs: issue 13, proof rounds, diffs, export speed]
  /** 签样: a proof PDF per page with its slug line, kept in <edition>/proofs/ with its round (default: the next one). */
  'proofs:export': {
    input: z.object({
      edition: EditionRef, pages: ExportPageIds.optional(), lang: z.enum(['zh', 'en']).default('zh'),
      round: z.number().int().min(1).max(99).optional(), watermark: z.boolean().default(false), by: z.string().trim().max(60).optional(),
    }).strict(),
    output: ProofRoundSummary,
  },
  'proofs:list': { input: inEdition, output: z.array(ProofRoundSummary) },
  /** Two proof folders of one page: inserted/deleted passages and the changed regions outlined on the later render. */
  'proofs:diff': {
    input: z.object({ edition: EditionRef, from: z.string().regex(PROOF_FOLDER), to: z.string().regex(PROOF_FOLDER), pageId: Id }).strict(),
    output: ProofDiffResult,
  },
  // [/proofs]
  // [copy: issue 14, real-world copy and files]
  // [/copy]
  // [polish: issue 17, first-hour polish]
  /** The edition's house style (issue 17): every page is drawn with it, on screen and in the PDF. */
  'edition:house-style': { input: z.object({ edition: EditionRef, houseStyle: HouseStyle }).strict(), output: z.object({ ok: z.literal(true) }) },
  /** A long job's progress, 0..1, or null when none runs: the desktop app shows it on its taskbar button. */
  'app:progress': { input: z.object({ fraction: z.number().min(0).max(1).nullable() }).strict(), output: z.object({ shown: z.boolean() }) },
  // [/polish]
  // [net: issue 12, newsroom network follow-ups]
  'collab:forget': { input: z.object({ url: ConnectInput.shape.url }).strict(), output: CollabStatus },
  /** Searches the workspace catalogue (issue 16): stories, photos, pages and editions, best first. */
  'archive:search': { input: ArchiveSearchInput, output: ArchiveSearchResult },
  // [/net]
  // [csc: issue 14, 错别字 detection and repeats by words]
  /** The edition's 错别字 setting (house style typoCheck; normal when unset). */
  'proof:typo-level': { input: inEdition, output: z.object({ level: TypoCheck }) },
  // [/csc]
  // [corpus: issue 14, external corpus, punctuation rules, legacy charset UI]
  /**
   * After the legacy IPTC charset changed (settings: iptcLegacyCharset): the library photos
   * whose IIM text has no 1:90 and is not UTF-8 are read again; the ones whose caption fields
   * now read differently are returned, updated.
   */
  'library:reread-legacy': { input: empty, output: z.object({ checked: z.number().int().nonnegative(), photos: z.array(LibraryPhoto) }) },
  // [/corpus]
  // [speed: issue 15, honest speed]
  /**
   * The records of these photos once the background work ingest left for them (previews
   * from the primary image, the JPEG scan check) is done: the damage flag it may add
   * reaches the contact sheet. Waits at most `waitMs`, then answers with the records as they are.
   */
  'library:settled': {
    input: z.object({ ids: z.array(PhotoId).min(1).max(20000), waitMs: z.number().int().min(0).max(600_000).default(120_000) }).strict(),
    output: z.array(LibraryPhoto),
  },
  /**
   * The first `limit` photos of the library in the contact sheet's order, and how many there
   * are: the photo desk draws its first screen from these while library:list brings the rest.
   */
  'library:first-page': {
    input: z.object({
      limit: z.number().int().min(1).max(5000),
      sort: z.enum(['captureDate', 'fileName', 'rating', 'importedAt']),
      dir: z.enum(['asc', 'desc']),
    }).strict(),
    output: z.object({ photos: z.array(LibraryPhoto), total: z.number().int().min(0) }),
  },
  /**
   * The library `limit` photos at a time in the store's own order (stable: a new photo comes
   * last): the rest of a large library after the first page, in pieces small enough that
   * the host serves the first screen's thumbnails between them.
   */
  'library:page': {
    input: z.object({ offset: z.number().int().min(0), limit: z.number().int().min(1).max(5000) }).strict(),
    output: z.object({ photos: z.array(LibraryPhoto), total: z.number().int().min(0) }),
  },
  // [/speed]
  // [find: issue 16, search results into the desk, provenance, caption history]
  /** Whether the catalogue is ready, and how far a rebuild on start has come. */
  'archive:status': { input: z.object({}).strict(), output: ArchiveStatus },
  /** A library photo's provenance: the pages of every edition that place it, and its caption history. */
  'archive:provenance': { input: z.object({ id: PhotoId }).strict(), output: PhotoProvenance },
  /** Writes the caption of history entry `index` (its `at` as a check) back into the photo (and the history, as a revert). */
  'library:caption-revert': { input: z.object({ id: PhotoId, index: z.number().int().min(0), at: z.string().max(40) }).strict(), output: LibraryPhoto },
  /** A story of another edition copied into this one (both versions, with where it came from). */
  'story:copy-from': { input: z.object({ edition: EditionRef, from: EditionRef, storyId: Id }).strict(), output: z.object({ storyId: Id, title: z.string() }) },
  /** A photo of another edition copied into this one with its caption (from the library when it is a library photo). */
  'edition:copy-photo-from': { input: z.object({ edition: EditionRef, from: EditionRef, photoId: Id }).strict(), output: z.object({ photo: Photo, reused: z.boolean() }) },
  // [/find]
  // [vocab: issue 16, keyword vocabulary, near-duplicates, server catalogue]
  /** The keyword tree and the keywords in the workspace trash. */
  'vocab:get': { input: z.object({}).strict(), output: VocabView },
  /** Add, rename or move a keyword; returns the tree and the keyword's id. */
  'vocab:edit': { input: VocabEditInput, output: VocabView.extend({ id: z.string() }) },
  /** A keyword and its branch into the workspace trash. */
  'vocab:delete': { input: z.object({ id: NodeId }).strict(), output: VocabView.extend({ trashId: z.string() }) },
  'vocab:restore': { input: z.object({ trashId: z.string().regex(/^[a-z0-9-]{1,80}$/) }).strict(), output: VocabView },
  /** A Photo Mechanic structured keyword file's text: replace the tree (PM's Load) or merge. */
  'vocab:import': { input: z.object({ text: z.string().max(4_000_000), mode: z.enum(['replace', 'merge']) }).strict(), output: VocabView.extend({ notes: z.array(VocabImportNote) }) },
  'vocab:export': { input: z.object({}).strict(), output: z.object({ text: z.string(), fileName: z.string() }) },
  /** Library photos whose perceptual hash is within the threshold of this one's, nearest first. */
  'photos:similar': { input: z.object({ id: Id }).strict(), output: SimilarResult },
  // [/vocab]
  // [raw: issue 15, camera raw files through their embedded JPEG]
  /** A raw's NAME.xmp, picked with it, attached after its ingest (raw-sidecar.ts). */
  'library:raw-sidecar': { input: z.object({ id: PhotoId, bytes: Bytes }).strict(), output: LibraryPhoto },
  // [/raw]
  // [ingest: issue 15, ingest against sharp under load]
  /**
   * library:ingest answering as soon as the photo's thumbnail is in the cache ('shown', with
   * the record as it will be written) while its copy and record are committed; the sheet
   * draws it at once and asks library:ingest-committed for the outcome. A photo that fails
   * or is a duplicate before that answers as library:ingest would.
   */
  'library:ingest-shown': {
    input: z.object({ name: z.string().min(1).max(255), sourcePath: z.string().max(1000), bytes: Bytes }).strict(),
    output: IngestShown,
  },
  /** The outcome of a shown photo's ingest once its copy and record are durable (or failed). */
  'library:ingest-committed': { input: z.object({ id: PhotoId }).strict(), output: IngestResult },
  /**
   * library:ingest-shown for a file main reads from disk itself (the desktop app's picked or
   * dropped files, whose paths Electron gives): a camera JPEG goes on the sheet from its
   * header and embedded preview without the whole file crossing the process boundary
   * (electron/services/library/ingest-camera-file.ts). `path` must be absolute; main
   * resolves it and reads only a regular file.
   */
  'library:ingest-file-shown': {
    input: z.object({ path: z.string().min(1).max(4096), sourcePath: z.string().max(1000) }).strict(),
    output: IngestShown,
  },
  // [/ingest]
  // [editor: issue 15, editor latency at 200k/500k]
  // [/editor]
  // [csc2: issue 14, 错别字 detection to target]
  /** The 错别字 detector's tables (resources/csc/csc-model.bin) in base64, for the editor to map once a session. */
  // [/csc2]
  // [ingest2: issue 15, camera thumbnails and 24 MP ingest to target]
  // [/ingest2]
  // [cli: issue 15, proof CLI start]
  // [/cli]
  // [csc3: issue 14, 错别字 precision and recall]
  // [/csc3]
  // [cli3: issue 15, proof CLI start]
  // [/cli3]
  // [editor3: issue 15, editor latency at size]
  // [/editor3]
  // [csc4: issue 14, 错别字 precision and recall]
  // [/csc4]
  // [suite: suite speed]
  // [/suite]
  // [csc5: issue 14, a word language model for 错别字]
  // [/csc5]
} satisfies Record<Channel, { input: z.ZodType; output: z.ZodType }>;

export type Contract = typeof contract;
export type Input<C extends Channel> = z.input<Contract[C]['input']>;
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type Output<C extends Channel> = z.output<Contract[C]['output']>;

/** What the main side implements: one async function per channel. */
export type Api = { [C in Channel]: (input: ParsedInput<C>) => Promise<Output<C>> };
