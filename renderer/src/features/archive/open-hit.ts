import type { ArchiveHit } from '../../../../shared/contract/archive-schemas';
import { call } from '../../api/client';
import type { HitAction } from './ArchiveHitRow';
import { setDeskIntent } from './desk-intent';

// What a search result does when opened, placed or copied (issue 16): the app is told which
// edition and desk to show, and the desk gets an intent to act on once it has loaded.

export type DeskName = 'stories' | 'pages' | 'photos';

export interface OpenTarget {
  /** The edition to open; null keeps the one open (the photo desk is the workspace library). */
  edition: string | null;
  desk: DeskName;
}

/** A page of an edition in the layout desk (from a result or a photo's provenance). */
export function pageTarget(edition: string, pageId: string): OpenTarget {
  setDeskIntent({ kind: 'page', edition, pageId });
  return { edition, desk: 'pages' };
}

export async function actOnHit(hit: ArchiveHit, action: HitAction, current: string | null): Promise<OpenTarget | null> {
  const libraryId = hit.item.startsWith('photo:lib:') ? hit.ref : null;
  if (action === 'copy') {
    if (!current || !hit.editionRef) return null;
    const r = await call('story:copy-from', { edition: current, from: hit.editionRef, storyId: hit.ref });
    setDeskIntent({ kind: 'story', edition: current, storyId: r.storyId, para: 0, lang: 'zh', snippet: '' });
    return { edition: current, desk: 'stories' };
  }
  if (action === 'place') {
    if (!current) return null;
    // A photo of another edition that is not a library photo comes from that edition's folder.
    const from = !libraryId && hit.editionRef ? { edition: hit.editionRef, photoId: hit.ref } : null;
    if (!libraryId && !from) return null;
    setDeskIntent({ kind: 'place', edition: current, libraryId, from });
    return { edition: current, desk: 'pages' };
  }
  switch (hit.kind) {
    case 'story':
      if (!hit.editionRef) return null;
      setDeskIntent({ kind: 'story', edition: hit.editionRef, storyId: hit.ref, para: hit.para, lang: hit.lang === 'en' ? 'en' : 'zh', snippet: hit.snippet.text });
      return { edition: hit.editionRef, desk: 'stories' };
    case 'page':
      return hit.editionRef ? pageTarget(hit.editionRef, hit.ref) : null;
    case 'edition':
      return hit.editionRef ? { edition: hit.editionRef, desk: 'pages' } : null;
    case 'photo': {
      if (libraryId) {
        setDeskIntent({ kind: 'photo', libraryId });
        return { edition: null, desk: 'photos' };
      }
      // An edition's own photo (not in the library): its edition, on the page that places it.
      if (!hit.editionRef) return null;
      const placed = hit.placements.find((p) => p.editionId === hit.editionId && p.pageId);
      return placed?.pageId ? pageTarget(hit.editionRef, placed.pageId) : { edition: hit.editionRef, desk: 'pages' };
    }
  }
}
