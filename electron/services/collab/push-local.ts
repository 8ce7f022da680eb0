import type * as Y from 'yjs';
import { docName } from '../../../shared/collab/doc-names';
import { applyEditionChange, applyPhotosChange, applyStoriesChange, splitEdition, type StoryMeta } from '../../../shared/collab/edition-y';
import { applyPageChange, writePage } from '../../../shared/collab/page-y';
import { same } from '../../../shared/collab/y-records';
import type { Story } from '../../../shared/document/schema';
import type { EditionSnapshot } from './edition-snapshot';
import { storyDocIsEmpty, writeStoryDoc } from './story-yjs';

// A change made to a shared edition's files on this desk (a page added, a story renamed, a
// photo placed, or the whole edition when it is published) goes into the shared documents
// as the difference between the folder before and after it: apply(prev, next), so what
// someone else changed meanwhile in the same documents is kept.
//
// Story texts are the one exception: once a version is in its document, it is edited there
// (Lexical's CollaborationPlugin in the renderer) and a file save is not pushed over it,
// because replacing a live text would cut through a colleague's typing. A version goes in
// when its document is still empty: a new, imported or duplicated story, a started translation.

export const MIRROR_ORIGIN = 'edition-desk-mirror';

export type OpenDoc = (name: string) => Promise<Y.Doc>;

export const storyMeta = (s: Story): StoryMeta => ({ id: s.id, title: s.title, updatedAt: s.updatedAt, ...(s.status ? { status: s.status } : {}) });

/** Pushes next − prev into the documents of `editionId`; prev null writes everything (publish). */
export async function pushChanges(openDoc: OpenDoc, editionId: string, prev: EditionSnapshot | null, next: EditionSnapshot): Promise<void> {
  const ed = (kind: 'edition' | 'stories' | 'photos') => openDoc(docName({ kind, editionId }));
  const before = prev ? splitEdition(prev.edition) : null;
  const after = splitEdition(next.edition);
  if (!before || !same(before.meta, after.meta)) applyEditionChange(await ed('edition'), before?.meta ?? null, after.meta, MIRROR_ORIGIN);
  if (!before || !same(before.photos, after.photos)) applyPhotosChange(await ed('photos'), before?.photos ?? null, after.photos, MIRROR_ORIGIN);

  for (const [id, page] of next.pages) {
    const old = prev?.pages.get(id);
    if (old && same(old, page)) continue;
    const doc = await openDoc(docName({ kind: 'page', editionId, pageId: id }));
    if (old) applyPageChange(doc, old, page, MIRROR_ORIGIN);
    else writePage(doc, page);
  }

  const metas = (m: Map<string, Story>) => [...m.values()].map(storyMeta);
  const prevMetas = prev ? metas(prev.stories) : null;
  const nextMetas = metas(next.stories);
  if (!prevMetas || !same(prevMetas, nextMetas)) applyStoriesChange(await ed('stories'), prevMetas, nextMetas, MIRROR_ORIGIN);

  for (const story of next.stories.values()) {
    for (const lang of ['zh', 'en'] as const) {
      const state = story[lang];
      if (!state || same(prev?.stories.get(story.id)?.[lang], state)) continue;
      const doc = await openDoc(docName({ kind: 'story', editionId, storyId: story.id, lang }));
      if (storyDocIsEmpty(doc)) writeStoryDoc(doc, state, MIRROR_ORIGIN);
    }
  }
}
