import type { Api } from '../../../shared/contract/contract';
import { readEdition } from '../edition-store';
import type { Workspace } from '../workspace';
import type { createSerialQueue } from '../serial-queue';
import { bundleFromExisting, bundleFromTemplates, writeEditionFolder } from './edition-create';
import { deleteEdition, duplicateEdition, renameEdition } from './edition-manage';
import { purgeItem, restoreItem, trashItems } from './trash-service';
import { createStory, deleteStory, duplicateStory, updateStory } from '../stories/story-manage';

// The channels of issue 10 items 1-2 (editions, stories, trash), spread into createApi.
// Writes share createApi's queues: anything that writes edition.json waits for page
// writes, anything that writes a story waits for story saves.

type Channels = 'edition:create' | 'edition:create-from' | 'edition:rename' | 'edition:duplicate' | 'edition:delete'
  | 'trash:list' | 'trash:restore' | 'trash:purge'
  | 'story:create' | 'story:rename' | 'story:duplicate' | 'story:delete' | 'story:set-status';

type SerialQueue = ReturnType<typeof createSerialQueue>;

export interface EditionQueues {
  pageWrites: SerialQueue;
  storyWrites: SerialQueue;
  /** Creating, duplicating, deleting and restoring folders: one at a time, so two new editions never pick one name. */
  folderWrites: SerialQueue;
}

export function editionChannels(ws: Workspace, q: EditionQueues): Pick<Api, Channels> {
  return {
    'edition:create': async (input) => ({ ref: await q.folderWrites(() => writeEditionFolder(ws.root, bundleFromTemplates(input))) }),
    'edition:create-from': async ({ source, title, issueDate }) => {
      const bundle = await bundleFromExisting(await ws.resolveEdition(source), title, issueDate);
      return { ref: await q.folderWrites(() => writeEditionFolder(ws.root, bundle)) };
    },
    'edition:rename': async ({ edition, title }) => {
      const dir = await ws.resolveEdition(edition);
      await q.pageWrites(() => renameEdition(dir, title));
      return { ok: true as const };
    },
    'edition:duplicate': async ({ edition, title }) => {
      const dir = await ws.resolveEdition(edition);
      return { ref: await q.folderWrites(() => q.pageWrites(() => duplicateEdition(ws.root, dir, title))) };
    },
    'edition:delete': async ({ edition }) => {
      const dir = await ws.resolveEdition(edition);
      const entry = await q.folderWrites(() => q.pageWrites(() => q.storyWrites(() => deleteEdition(ws.root, dir, edition))));
      return { trashId: entry.id };
    },
    'trash:list': async () => trashItems(ws),
    'trash:restore': async ({ id }) => {
      const entry = await q.folderWrites(() => q.pageWrites(() => restoreItem(ws, id)));
      return { kind: entry.kind, edition: entry.kind === 'edition' ? entry.origin : entry.edition ?? '' };
    },
    'trash:purge': async ({ id }) => {
      await q.folderWrites(() => purgeItem(ws, id));
      return { ok: true as const };
    },
    'story:create': async ({ edition, title }) => {
      const dir = await ws.resolveEdition(edition);
      await readEdition(dir);
      const s = await q.storyWrites(() => createStory(dir, title));
      return { storyId: s.id, title: s.title };
    },
    'story:rename': async ({ edition, storyId, title }) => {
      const dir = await ws.resolveEdition(edition);
      return { updatedAt: (await q.storyWrites(() => updateStory(dir, storyId, { title }))).updatedAt };
    },
    'story:set-status': async ({ edition, storyId, status }) => {
      const dir = await ws.resolveEdition(edition);
      return { updatedAt: (await q.storyWrites(() => updateStory(dir, storyId, { status }))).updatedAt };
    },
    'story:duplicate': async ({ edition, storyId }) => {
      const dir = await ws.resolveEdition(edition);
      await readEdition(dir);
      const s = await q.storyWrites(() => duplicateStory(dir, storyId));
      return { storyId: s.id, title: s.title };
    },
    'story:delete': async ({ edition, storyId }) => {
      const dir = await ws.resolveEdition(edition);
      const entry = await q.storyWrites(() => deleteStory(ws.root, dir, storyId));
      return { trashId: entry.id };
    },
  };
}
