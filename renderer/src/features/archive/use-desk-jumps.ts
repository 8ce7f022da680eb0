import { useEffect } from 'react';
import type { Photo } from '../../../../shared/document/schema';
import { call } from '../../api/client';
import { doneDeskIntent, useDeskIntent } from './desk-intent';

// The layout and photo desks' side of opening a search result (issue 16).

/** A page result: the page list selects it once the list holds it. */
export function usePageJump(editionRef: string, pageIds: string[], select: (id: string) => void): void {
  const jump = useDeskIntent('page');
  useEffect(() => {
    if (!jump || jump.edition !== editionRef || !pageIds.includes(jump.pageId)) return;
    doneDeskIntent(jump.seq);
    select(jump.pageId);
  }, [jump, editionRef, pageIds, select]);
}

type PlaceNew = (source: string | (() => Promise<Photo>)) => Promise<void>;

/**
 * 置入当前版面: the found photo goes onto the page open in the composer as a new frame, as a
 * click on the photo strip's 置入 does (top of the first column, selected, Ctrl+Z takes it back).
 * A library photo is copied in from the library; another edition's own photo from that edition.
 */
export function usePlaceFromArchive(editionRef: string, placeNew: PlaceNew): void {
  const intent = useDeskIntent('place');
  useEffect(() => {
    if (!intent || intent.edition !== editionRef) return;
    doneDeskIntent(intent.seq);
    const { libraryId, from } = intent;
    if (libraryId) void placeNew(libraryId);
    else if (from) void placeNew(async () => (await call('edition:copy-photo-from', { edition: editionRef, from: from.edition, photoId: from.photoId })).photo);
  }, [intent, editionRef, placeNew]);
}

/** A photo result: the photo desk selects it (showing every photo if a filter hides it). */
export function usePhotoJump(ids: string[], select: (id: string) => boolean, clearFilter: () => void): void {
  const jump = useDeskIntent('photo');
  useEffect(() => {
    if (!jump || ids.length === 0) return;
    if (select(jump.libraryId)) doneDeskIntent(jump.seq);
    else clearFilter();
  }, [jump, ids, select, clearFilter]);
}
