import type { Api } from '../../shared/contract/contract';
import type { Channel } from '../../shared/contract/channels';
import type { LibraryPhoto } from '../../shared/photo/library';
import type { ArchivePort } from './archive-port';

// Keeps the catalogue up to date on every save and ingest (issue 16) without touching each
// handler: after a channel that writes succeeds, the archive hears which edition folder or
// which photos changed. The list is of writes; reads never reach the archive.

/** Channels that write inside one edition folder (input.edition). */
const EDITION_WRITES = new Set<Channel>([
  'page:put', 'page:create', 'page:duplicate', 'page:delete', 'page:reorder', 'page:put-many', 'edition:page-size',
  'story:put', 'story:import', 'story:create', 'story:rename', 'story:duplicate', 'story:delete', 'story:set-status',
  'edition:place-photo', 'edition:house-style',
  'story:copy-from', 'edition:copy-photo-from',
]);
/** Channels that make, rename, trash or restore whole edition folders. */
const FOLDER_WRITES = new Set<Channel>([
  'edition:create', 'edition:create-from', 'edition:rename', 'edition:duplicate', 'edition:delete', 'trash:restore', 'trash:purge', 'collab:open-remote',
]);

function savedPhotos(channel: Channel, out: unknown): LibraryPhoto[] {
  switch (channel) {
    case 'library:caption': case 'library:caption-revert': case 'library:raw-sidecar': return [out as LibraryPhoto];
    case 'library:caption-many': return (out as { photos: LibraryPhoto[] }).photos;
    case 'library:mark': return out as LibraryPhoto[];
    case 'library:reread-legacy': return (out as { photos: LibraryPhoto[] }).photos;
    case 'library:ingest': case 'library:ingest-shown': case 'library:ingest-committed': { const r = out as { status: string; photo?: LibraryPhoto }; return r.status === 'added' && r.photo ? [r.photo] : []; }
    default: return [];
  }
}

export function withArchiveHooks(api: Api, archive: ArchivePort | undefined): Api {
  if (!archive) return api;
  const wrapped = { ...api } as Record<Channel, (input: unknown) => Promise<unknown>>;
  for (const channel of Object.keys(api) as Channel[]) {
    const inner = api[channel] as (input: unknown) => Promise<unknown>;
    const edits = EDITION_WRITES.has(channel);
    const folders = FOLDER_WRITES.has(channel);
    const photos = channel.startsWith('library:') && channel !== 'library:list' && channel !== 'library:export';
    if (!edits && !folders && !photos) continue;
    wrapped[channel] = async (input) => {
      const out = await inner(input);
      // The write is done and answered either way: a catalogue hiccup never fails a save.
      try {
        if (edits) archive.editionSaved((input as { edition: string }).edition);
        if (folders) archive.foldersChanged();
        if (photos) archive.photosSaved(savedPhotos(channel, out));
      } catch { /* the next rebuild catches up */ }
      return out;
    };
  }
  return wrapped as Api;
}
