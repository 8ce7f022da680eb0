import type { Api, EditionSummary } from '../../shared/contract/contract';
import { AppError } from '../../shared/contract/errors';
import { appError } from '../../shared/contract/messages';
import { readEdition, readPage, readPages, readStory, writeStory } from './edition-store';
import type { SettingsStore } from './settings-store';
import { iimLegacyCharsetFor, setIimLegacyCharset } from './metadata/iptc/iim';
import { rereadLegacyCaptions } from './library/legacy-reread';
import type { LibraryStore } from './library/store';
import { createSerialQueue } from './serial-queue';
import { proofEditionFolder, readIgnores, writeIgnores } from './proof/proof-service';
import { countOpenFindings } from '../../shared/proof';
import { readDictionaryFiles } from './proof/speller';
import { cscChannels } from './proof/csc-api';
import { createPage, putPage, setPageSize } from './page-store';
import { deletePage, duplicatePage, putPages, reorderPages } from './page-list';
import { ingest } from './library/ingest';
import { captionPhoto, markPhotos } from './library/caption';
import { attachRawSidecar } from './library/raw-sidecar';
import { exportPhotos } from './library/export';
import { exportStory } from './copy/story-copy';
import { editionChannels } from './editions/edition-api';
import { lastChange } from './editions/edition-manage';
import { addImported, listStories, parseImport } from './stories/story-list';
import { join } from 'node:path';
import type { Workspace } from './workspace';
import { pressChannels } from './export/press-channels';
import { runExport, runPreflight, type ExportServices } from './export/export-job';
import { resolveExportFile } from './export/export-files';
import { proofRoundChannels } from './export/proof-api';
import { placeLibraryPhoto } from './place-photo';
import type { CollabEngine } from './collab/types';
import { engineChannels } from './collab/engine-api';
import { mirrorChannels } from './collab/mirror-api';
import { signoffChannels } from './collab/signoff-api';
import { polishChannels, type PolishContext } from './polish/polish-api';
import type { ArchivePort } from './archive-port';
import { withArchiveHooks } from './archive-hooks';
import { findChannels, withCaptionHistory } from './find/find-api';
import { vocabChannels } from './vocab/vocab-api';
import { speedChannels } from './library/speed-api';
import { ingestShownChannels } from './library/ingest-shown-api';

export interface ApiContext {
  workspace: Workspace;
  settings: SettingsStore;
  library: LibraryStore;
  host: 'electron' | 'browser';
  version: string;
  defaultEdition: string | null;
  /** Print engine and built renderer for export:*; absent → those channels say CHROMIUM_MISSING. */
  printing?: Omit<ExportServices, 'workspace'>;
  /** Shows a file in the system file manager (Electron's shell); absent in the browser host. */
  reveal?: (absolutePath: string) => void;
  /** The desk server connection (issue 12); absent → solo desk, as before. */
  collab?: CollabEngine;
  /** The window's taskbar progress (issue 17); absent in the browser host. */
  progress?: PolishContext['progress'];
  /** The archive catalogue (issue 16); absent → archive:search says ARCHIVE_UNAVAILABLE. */
  archive?: ArchivePort;
}

// The services behind every channel. Inputs arrive already validated by handle(); what
// is left to check here is what a schema cannot know: that paths and ids exist on disk.
export function createApi(ctx: ApiContext): Api {
  const { workspace: ws, settings } = ctx;
  // Old IPTC text in no declared charset is read in the one the desk is set to (iim.ts).
  const initial = settings.get();
  setIimLegacyCharset(iimLegacyCharsetFor(initial.iptcLegacyCharset, initial.uiLanguage));
  const storyWrites = createSerialQueue();
  const ignoreWrites = createSerialQueue();
  // Page saves and page-list changes share edition.json and page files: one at a time.
  const pageWrites = createSerialQueue();
  // Edition folders made, copied, trashed or restored (issue 10): one at a time.
  const folderWrites = createSerialQueue();
  const exporting: ExportServices = {
    engine: null, rendererDir: '', ...ctx.printing, workspace: ws,
    // The preflight counts the proofreader's open findings (issue 6): not ignored, any level.
    openProofFindings: async (dir) => countOpenFindings(await proofEditionFolder(dir, settings.get().proofTerms), await readIgnores(dir)).total,
  };
  // Shared editions (issue 12): local changes go on into the documents, documents back into files.
  const mirror = mirrorChannels(ws, ctx.collab, { pageWrites, storyWrites, folderWrites });
  const user = () => ctx.collab?.session()?.user;
  return withArchiveHooks(withCaptionHistory(mirror.mirror.wrap({
    'app:info': async () => ({ version: ctx.version, host: ctx.host, workspace: ws.root, defaultEdition: ctx.defaultEdition }),
    'settings:get': async () => settings.get(),
    'settings:set': async (patch) => {
      const next = await settings.set(patch);
      setIimLegacyCharset(iimLegacyCharsetFor(next.iptcLegacyCharset, next.uiLanguage));
      return next;
    },
    'edition:list': async () => {
      const out: EditionSummary[] = [];
      for (const ref of await ws.listEditionRefs()) {
        try {
          const ed = await readEdition(ws.pathFor(ref));
          const updatedAt = await lastChange(ws.pathFor(ref));
          out.push({ ref, title: ed.title, issueDate: ed.issueDate, pageCount: ed.pages.length, ...(updatedAt ? { updatedAt } : {}) });
        } catch (e) {
          // A broken edition is listed with its error rather than hidden, so the user sees it.
          const err = e instanceof AppError ? e : appError('IO_ERROR', String(e));
          out.push({ ref, title: ref, issueDate: '', pageCount: 0, error: { code: err.code, message: err.localized } });
        }
      }
      return out;
    },
    'edition:open': async ({ edition }) => {
      const ed = await readEdition(await ws.resolveEdition(edition));
      settings.rememberEdition(edition);
      return ed;
    },
    'page:list': async ({ edition }) => {
      const dir = await ws.resolveEdition(edition);
      return readPages(dir, await readEdition(dir));
    },
    'page:get': async ({ edition, pageId }) => {
      // Read with the edition, so the number and thread places are those the list shows.
      const dir = await ws.resolveEdition(edition);
      const page = (await readPages(dir, await readEdition(dir))).find((p) => p.id === pageId);
      return page ?? readPage(dir, pageId);
    },
    'page:put': async ({ edition, page }) => { const dir = await ws.resolveEdition(edition); return pageWrites(() => putPage(dir, page)); },
    'page:create': async ({ edition, template, name }) => { const dir = await ws.resolveEdition(edition); return pageWrites(() => createPage(dir, template, name)); },
    'edition:page-size': async ({ edition, pageSize }) => {
      const dir = await ws.resolveEdition(edition);
      await pageWrites(() => setPageSize(dir, pageSize));
      return { ok: true as const };
    },
    'story:list': async ({ edition }) => listStories(await ws.resolveEdition(edition)),
    'story:get': async ({ edition, storyId }) => readStory(await ws.resolveEdition(edition), storyId),
    'story:save-version': async ({ edition, storyId, lang, state, title }) => {
      const dir = await ws.resolveEdition(edition);
      await readEdition(dir);
      // Serialised so two quick saves of the two versions cannot interleave.
      return storyWrites(async () => {
        const story = await readStory(dir, storyId);
        const updatedAt = new Date().toISOString();
        await writeStory(dir, { ...story, [lang]: state, ...(title !== undefined ? { title } : {}), updatedAt });
        return { updatedAt };
      });
    },
    'story:put': async ({ edition, story }) => {
      const dir = await ws.resolveEdition(edition);
      // Editions must be readable before anything is written into them.
      await readEdition(dir);
      const updatedAt = new Date().toISOString();
      await writeStory(dir, { ...story, updatedAt });
      return { updatedAt };
    },
    'story:import': async ({ edition, fileName, bytes, allowTwin }) => {
      const dir = await ws.resolveEdition(edition);
      await readEdition(dir);
      // Parsed before the queue: a long import must not hold story saves back.
      const imported = await parseImport(fileName, bytes);
      return storyWrites(() => addImported(dir, imported, allowTwin === true));
    },
    'story:export': async ({ edition, storyId, format, lang }) => exportStory(await ws.resolveEdition(edition), storyId, format, lang),
    'photo:list': async ({ edition }) => (await readEdition(await ws.resolveEdition(edition))).photos,
    'library:list': async () => ctx.library.all(),
    'library:ingest': async ({ name, sourcePath, bytes }) =>
      ingest(ctx.library, ws.cacheDir, { name, sourcePath, bytes: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) }),
    'library:caption': async ({ id, meta }) => captionPhoto(ctx.library, id, meta),
    'library:raw-sidecar': async ({ id, bytes }) => attachRawSidecar(ctx.library, id, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)),
    'library:reread-legacy': async () => rereadLegacyCaptions(ctx.library),
    'library:caption-many': async ({ items }) => {
      const photos = [];
      const failed = [];
      // One photo at a time: each write is atomic and one failure must not stop the batch.
      for (const { id, meta } of items) {
        try {
          photos.push(await captionPhoto(ctx.library, id, meta));
        } catch (e) {
          const err = e instanceof AppError ? e : appError('IO_ERROR', String(e));
          failed.push({ id, error: err.toData() });
        }
      }
      return { photos, failed };
    },
    'library:mark': async ({ ids, rating, label }) => markPhotos(ctx.library, ids, { rating, label }),
    'library:export': async ({ ids, longEdge, quality, watermark }) => {
      const stamp = new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19);
      return exportPhotos(ctx.library, ids, { longEdge, quality, watermark }, join(ws.root, 'exports', `photos-${stamp}`));
    },
    'export:preflight': async (input) => runPreflight(exporting, input),
    'export:reveal': async ({ path }) => {
      const real = await resolveExportFile(ws, path.split('/'));
      if (!ctx.reveal) return { shown: false };
      ctx.reveal(real);
      return { shown: true };
    },
    'export:run': async (input) => runExport(exporting, input),
    'proof:edition': async ({ edition }) => proofEditionFolder(await ws.resolveEdition(edition), settings.get().proofTerms),
    'proof:ignores:get': async ({ edition }) => ({ keys: await readIgnores(await ws.resolveEdition(edition)) }),
    'proof:ignores:set': async ({ edition, keys }) => {
      const dir = await ws.resolveEdition(edition);
      await readEdition(dir);
      await ignoreWrites(() => writeIgnores(dir, keys));
      return { ok: true as const };
    },
    'proof:dictionary': async () => readDictionaryFiles(),
    // 错别字 tables and the edition's setting (issue 14).
    ...cscChannels(ws),

    ...editionChannels(ws, { pageWrites, storyWrites, folderWrites }),

    'page:duplicate': async ({ edition, pageId, name }) => { const dir = await ws.resolveEdition(edition); return pageWrites(() => duplicatePage(dir, pageId, name)); },
    'page:delete': async ({ edition, pageId }) => {
      const dir = await ws.resolveEdition(edition);
      const entry = await pageWrites(() => deletePage(ws.root, dir, edition, pageId));
      return { trashId: entry.id };
    },
    'page:reorder': async ({ edition, order }) => { const dir = await ws.resolveEdition(edition); return pageWrites(() => reorderPages(dir, order)); },
    'page:put-many': async ({ edition, pages }) => { const dir = await ws.resolveEdition(edition); return pageWrites(() => putPages(dir, pages)); },

    // In the page queue: it rewrites edition.json, as page:create and edition:page-size do.
    'edition:place-photo': async ({ edition, libraryId }) => {
      const dir = await ws.resolveEdition(edition);
      return pageWrites(() => placeLibraryPhoto(ws.root, ctx.library, dir, libraryId));
    },

    // Newsroom network (issue 12).
    ...engineChannels(ws, ctx.collab),
    ...mirror.channels,
    ...signoffChannels(ws, ctx.collab),
    // Proof rounds (issue 13): who exported is the signed-in desk user unless the dialog says.
    ...proofRoundChannels(ws, exporting, () => ctx.collab?.session()?.user),
    // First-hour polish (issue 17).
    ...polishChannels(ws, pageWrites, { progress: ctx.progress }),
    // Press PDF (issue 13).
    ...pressChannels(exporting),
    // The photo desk's first page and ingest's background flags (issue 15).
    ...speedChannels(ctx.library),
    // Thumbnails on the sheet before the record (issue 15, stream ingest).
    ...ingestShownChannels(ctx.library, () => ws.cacheDir, ctx.host === 'electron'),
    // Archive and search (issue 16): the catalogue lives in a Node host (archive-port.ts).
    'archive:search': async (input) => {
      if (!ctx.archive) throw appError('ARCHIVE_UNAVAILABLE');
      return ctx.archive.search(input);
    },
    // Keyword vocabulary and near-duplicates (issue 16).
    ...vocabChannels(ws, ctx.library),
    // Search results into the desk, provenance, caption history (issue 16, stream find).
    ...findChannels({ ws, library: ctx.library, archive: ctx.archive, queues: { pageWrites, storyWrites }, user }),
  }), { library: ctx.library, user }), ctx.archive);
}
