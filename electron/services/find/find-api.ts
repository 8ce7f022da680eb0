import type { Api } from '../../../shared/contract/contract';
import { appError } from '../../../shared/contract/messages';
import type { PhotoMeta } from '../../../shared/document/schema';
import type { LibraryPhoto } from '../../../shared/photo/library';
import type { ArchivePort } from '../archive-port';
import type { LibraryStore } from '../library/store';
import { captionPhoto } from '../library/caption';
import { readEdition } from '../edition-store';
import { placeLibraryPhoto } from '../place-photo';
import type { createSerialQueue } from '../serial-queue';
import type { Workspace } from '../workspace';
import { readCaptionHistory, recordCaption, shownVersions } from './caption-history';
import { copyEditionPhotoFrom, copyStoryFrom } from './copy-from-archive';

// The channels of stream "find" (issue 16): archive status and a photo's provenance, caption
// history and revert, and copying a found story or photo into the current edition.

type SerialQueue = ReturnType<typeof createSerialQueue>;
type FindChannel = 'archive:status' | 'archive:provenance' | 'library:caption-revert' | 'story:copy-from' | 'edition:copy-photo-from';

export interface FindContext {
  ws: Workspace;
  library: LibraryStore;
  archive: ArchivePort | undefined;
  queues: { pageWrites: SerialQueue; storyWrites: SerialQueue };
  /** The desk server user, when signed in (caption history names who changed a caption). */
  user(): string | undefined;
}

export function findChannels(ctx: FindContext): Pick<Api, FindChannel> {
  const { ws, library } = ctx;
  return {
    'archive:status': async () => {
      if (!ctx.archive) throw appError('ARCHIVE_UNAVAILABLE');
      return ctx.archive.status();
    },
    'archive:provenance': async ({ id }) => {
      if (!(await library.get(id))) throw appError('NOT_FOUND', id);
      const placements = ctx.archive ? await ctx.archive.placements(`photo:lib:${id}`) : null;
      const catalogue = !ctx.archive ? 'unavailable' as const : placements ? 'ready' as const : 'building' as const;
      return { catalogue, placements: placements ?? [], history: shownVersions(await readCaptionHistory(library.dir, id)) };
    },
    'library:caption-revert': async ({ id, index, at }) => {
      // By position, checked by time: the first change and the caption it replaced share a time.
      const entry = (await readCaptionHistory(library.dir, id))[index];
      if (!entry || entry.at !== at) throw appError('NOT_FOUND', `${id} @ ${at}`);
      const before = (await library.get(id))?.meta ?? null;
      const next = await captionPhoto(library, id, entry.meta);
      await recordCaption(library.dir, id, before, next.meta, { via: 'revert', user: ctx.user() });
      return next;
    },
    'story:copy-from': async ({ edition, from, storyId }) => {
      const [dir, fromDir] = await Promise.all([ws.resolveEdition(edition), ws.resolveEdition(from)]);
      const s = await ctx.queues.storyWrites(() => copyStoryFrom(dir, fromDir, storyId));
      return { storyId: s.id, title: s.title };
    },
    // In the page queue: it rewrites edition.json, as edition:place-photo does.
    'edition:copy-photo-from': async ({ edition, from, photoId }) => {
      const [dir, fromDir] = await Promise.all([ws.resolveEdition(edition), ws.resolveEdition(from)]);
      return ctx.queues.pageWrites(async () => {
        const source = await readEdition(fromDir);
        const libraryId = source.photos.find((p) => p.id === photoId)?.libraryId;
        // A library photo is placed from the library (its caption as the photographer keeps it now).
        if (libraryId && (await library.get(libraryId))) return placeLibraryPhoto(ws.root, library, dir, libraryId);
        return copyEditionPhotoFrom(dir, fromDir, photoId);
      });
    },
  };
}

/**
 * Every caption saved through the desk is appended to the photo's caption history, with the
 * caption it replaced as the first line when the history is empty. A history write that
 * fails never fails the save (the caption is in the file); it is logged.
 */
export function withCaptionHistory(api: Api, ctx: Pick<FindContext, 'library' | 'user'>, log: (e: unknown) => void = console.error): Api {
  const record = async (id: string, before: PhotoMeta | null, after: LibraryPhoto, via: 'caption' | 'batch') => {
    try { await recordCaption(ctx.library.dir, id, before, after.meta, { via, user: ctx.user() }); } catch (e) { log(e); }
  };
  const beforeOf = async (id: string) => (await ctx.library.get(id))?.meta ?? null;
  return {
    ...api,
    'library:caption': async (input) => {
      const before = await beforeOf(input.id);
      const out = await api['library:caption'](input);
      await record(input.id, before, out, 'caption');
      return out;
    },
    'library:caption-many': async (input) => {
      const before = new Map<string, PhotoMeta | null>();
      for (const { id } of input.items) before.set(id, await beforeOf(id));
      const out = await api['library:caption-many'](input);
      for (const p of out.photos) await record(p.id, before.get(p.id) ?? null, p, 'batch');
      return out;
    },
  };
}
