import type { Api } from '../../../shared/contract/contract';
import { similarPhotos } from '../library/similar';
import type { LibraryStore } from '../library/store';
import type { Workspace } from '../workspace';
import { VocabStore } from './vocab-store';

// The vocab stream's channels (issue 16): the keyword vocabulary and near-duplicates.

type VocabChannels = Pick<Api, 'vocab:get' | 'vocab:edit' | 'vocab:delete' | 'vocab:restore' | 'vocab:import' | 'vocab:export' | 'photos:similar'>;

export function vocabChannels(ws: Workspace, library: LibraryStore): VocabChannels {
  const store = new VocabStore(ws.root);
  const view = async () => ({ vocabulary: await store.read(), deleted: await store.deleted() });
  return {
    'vocab:get': async () => view(),
    'vocab:edit': async (edit) => {
      const { id } = await store.edit(edit);
      return { ...(await view()), id };
    },
    'vocab:delete': async ({ id }) => {
      const { trashId } = await store.delete(id);
      return { ...(await view()), trashId };
    },
    'vocab:restore': async ({ trashId }) => {
      await store.restore(trashId);
      return view();
    },
    'vocab:import': async ({ text, mode }) => {
      const { notes } = await store.import(text, mode);
      return { ...(await view()), notes };
    },
    'vocab:export': async () => ({ text: await store.export(), fileName: 'keywords.txt' }),
    'photos:similar': async ({ id }) => similarPhotos(library, ws.cacheDir, id),
  };
}
