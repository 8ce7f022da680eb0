import { useMemo } from 'react';
import type { LibraryPhoto } from '../../../../../shared/photo/library';
import { call } from '../../../api/client';
import type { PhotoLibraryApi } from '../../../editor/nodes/photo-library-context';

/**
 * The library as the story editor's figures need it, for the frame's story edited beside
 * the page: the 插图 picker shows the strip's photos, and a figure caption edited there is
 * written into the photo as on the 稿件 desk (StoriesView does the same for its editor).
 */
export function useFigureLibrary(photos: LibraryPhoto[], upsert: (p: LibraryPhoto) => void, onError: (e: unknown) => void, toEdition: (id: string) => Promise<unknown>): PhotoLibraryApi {
  return useMemo(() => {
    const byId = new Map(photos.map((p) => [p.id, p]));
    return {
      photos: byId,
      updateCaption: async (id, caption) => {
        const p = byId.get(id);
        if (!p) return;
        try { upsert(await call('library:caption', { id, meta: { ...p.meta, caption } })); } catch (e) { onError(e); }
      },
      place: (id) => toEdition(id).then(() => {}, onError),
    };
  }, [photos, upsert, onError, toEdition]);
}
