import { access } from 'node:fs/promises';
import { join } from 'node:path';
import type * as Y from 'yjs';
import { docName, parseDocName } from '../../../shared/collab/doc-names';
import { editionFromDocs, readStoriesDoc, type StoryMeta } from '../../../shared/collab/edition-y';
import { readPage as readPageDoc } from '../../../shared/collab/page-y';
import { same } from '../../../shared/collab/y-records';
import { Page, type Edition, type Story } from '../../../shared/document/schema';
import { AppError } from '../../../shared/contract/errors';
import { listStoryIds, readEdition, readPage, readStory, writeEditionFile, writeStory } from '../edition-store';
import { parsesAs, writeJsonGuarded } from '../guarded-write';
import { deleteStory } from '../stories/story-manage';
import type { createSerialQueue } from '../serial-queue';
import { captionSharedAssets } from './asset-captions';
import { fetchMissingAssets } from './assets';
import { readStoryDoc } from './story-yjs';
import type { CollabEngine } from './types';

// Keeps a shared edition's folder current: after its documents change (someone else's edit
// through the server, the renderer's through main's socket), the files they stand for are
// written, so exports, the handoff zip and the CLI read the edition as it is now. Debounced
// per edition (a burst of keystrokes is one write), serial per edition, atomic, through
// createApi's page and story queues. A document that does not read as its file kind is
// skipped: it never overwrites a good file.

type SerialQueue = ReturnType<typeof createSerialQueue>;

export interface WriteBackDeps {
  engine: CollabEngine;
  root: string;
  pageWrites: SerialQueue;
  storyWrites: SerialQueue;
  /** The local folder of a server edition, or null when this desk has none. */
  dirOf(remoteId: string): Promise<string | null>;
  /** Each edition's own queue, shared with the local-change hook (mirror.ts). */
  queueOf(remoteId: string): SerialQueue;
  delayMs?: number;
  /** The longest a change waits while more keep coming. */
  maxWaitMs?: number;
  log?: (message: string) => void;
}

export interface WriteBack {
  listener: (name: string, doc: Y.Doc, fromServer: boolean) => void;
  /** Writes now whatever waits for its timer (tests, shutdown). */
  settled(): Promise<void>;
  /** Every file of the edition from its documents (after open-remote, on start). */
  writeAll(remoteId: string): Promise<void>;
}

const exists = (file: string) => access(file).then(() => true, () => false);

export function createWriteBack(deps: WriteBackDeps): WriteBack {
  const delay = deps.delayMs ?? 300;
  // Someone typing without a pause still gets the files written this often.
  const maxWait = Math.max(delay, deps.maxWaitMs ?? 2000);
  const waiting = new Map<string, { names: Set<string>; timer: ReturnType<typeof setTimeout>; since: number }>();
  const running = new Set<Promise<void>>();
  // Story ids each edition's stories document held at its last write-back: one that goes
  // from there was deleted by someone (to the trash here); one never seen is not ours to delete.
  const seenStories = new Map<string, Set<string>>();
  const log = deps.log ?? (() => {});

  const open = (name: string) => deps.engine.openDoc(name);

  async function writePageFile(dir: string, pageId: string, doc: Y.Doc): Promise<boolean> {
    const page = readPageDoc(doc);
    if (!page) return false;
    const onDisk = await readPage(dir, pageId).catch(() => null);
    if (onDisk && same(onDisk, page)) return true;
    await deps.pageWrites(() => writeJsonGuarded(join(dir, 'pages', `${pageId}.json`), page, parsesAs(Page), { quiet: true }));
    return true;
  }

  async function writeStoryVersion(dir: string, storyId: string, lang: 'zh' | 'en', doc: Y.Doc): Promise<void> {
    const state = readStoryDoc(doc);
    if (!state) return;
    await deps.storyWrites(async () => {
      const story = await readStory(dir, storyId).catch(() => null);
      if (!story || same(story[lang], state)) return;
      await writeStory(dir, { ...story, [lang]: state, updatedAt: new Date().toISOString() });
    });
  }

  async function writeStoriesMeta(dir: string, editionId: string, metas: StoryMeta[]): Promise<void> {
    const local = new Set(await listStoryIds(dir));
    for (const meta of metas) {
      if (local.has(meta.id)) {
        await deps.storyWrites(async () => {
          const story = await readStory(dir, meta.id).catch(() => null);
          if (!story || (story.title === meta.title && (story.status ?? 'draft') === (meta.status ?? 'draft'))) return;
          await writeStory(dir, { ...story, title: meta.title, ...(meta.status ? { status: meta.status } : {}) });
        });
        continue;
      }
      // A story someone else made: both versions from their documents.
      const version = async (lang: 'zh' | 'en') => readStoryDoc(await open(docName({ kind: 'story', editionId, storyId: meta.id, lang })));
      const story: Story = { id: meta.id, title: meta.title, ...(meta.status ? { status: meta.status } : {}), zh: await version('zh'), en: await version('en'), updatedAt: meta.updatedAt };
      await deps.storyWrites(() => writeStory(dir, story));
    }
    const seen = seenStories.get(editionId);
    const now = new Set(metas.map((m) => m.id));
    for (const id of seen ?? []) {
      if (!now.has(id) && local.has(id)) {
        await deps.storyWrites(() => deleteStory(deps.root, dir, id)).catch((e: unknown) => log(`story ${id}: ${String(e)}`));
      }
    }
    seenStories.set(editionId, now);
  }

  async function writeEditionJson(dir: string, editionId: string): Promise<void> {
    const edition = editionFromDocs(await open(docName({ kind: 'edition', editionId })), await open(docName({ kind: 'photos', editionId })));
    if (!edition) return;
    // Only pages whose file is there are listed: edition.json never names a missing page.
    const pages: string[] = [];
    for (const id of edition.pages) {
      const file = join(dir, 'pages', `${id}.json`);
      if ((await exists(file)) || (await writePageFile(dir, id, await open(docName({ kind: 'page', editionId, pageId: id }))))) pages.push(id);
    }
    const failed = await fetchMissingAssets(deps.engine, dir, edition.photos);
    for (const f of failed) log(`photo ${f.id}: ${f.error.message.en} ${f.error.detail ?? ''}`);
    // Captions another desk changed in the photos document go into the files here too.
    const before = (await readEdition(dir).catch(() => null))?.photos ?? [];
    await captionSharedAssets(dir, before, edition.photos, log);
    const next: Edition = { ...edition, pages };
    await deps.pageWrites(async () => {
      const onDisk = await readEdition(dir).catch((e: unknown) => (e instanceof AppError ? null : Promise.reject(e)));
      if (onDisk && same(onDisk, next)) return;
      await writeEditionFile(dir, next);
    });
  }

  async function flush(editionId: string, names: Set<string>): Promise<void> {
    // A workspace that went away under a pending write (its folder removed, the desk closing)
    // is logged like any failed write: a rejection here was unhandled, which ends a Node
    // process (a unit run caught it from a test's leftover timer).
    const dir = await deps.dirOf(editionId).catch((e: unknown) => { log(`edition ${editionId}: ${String(e)}`); return null; });
    if (!dir) return;
    let editionJson = false;
    for (const name of names) {
      const ref = parseDocName(name);
      if (!ref) continue;
      try {
        if (ref.kind === 'page') {
          const edition = await readEdition(dir).catch(() => null);
          const wrote = await writePageFile(dir, ref.pageId, await open(name));
          if (wrote && edition && !edition.pages.includes(ref.pageId)) editionJson = true;
        } else if (ref.kind === 'story') {
          await writeStoryVersion(dir, ref.storyId, ref.lang, await open(name));
        } else if (ref.kind === 'stories') {
          await writeStoriesMeta(dir, editionId, readStoriesDoc(await open(name)));
        } else {
          editionJson = true;
        }
      } catch (e) {
        log(`${name}: ${String(e)}`);
      }
    }
    if (editionJson) await writeEditionJson(dir, editionId).catch((e: unknown) => log(`edition ${editionId}: ${String(e)}`));
  }

  function run(editionId: string, names: Set<string>): void {
    const job = deps.queueOf(editionId)(() => flush(editionId, names));
    running.add(job);
    void job.finally(() => running.delete(job));
  }

  return {
    listener: (name) => {
      const ref = parseDocName(name);
      if (!ref) return;
      const id = ref.editionId;
      const known = waiting.get(id);
      const entry = known ?? { names: new Set<string>(), timer: undefined as unknown as ReturnType<typeof setTimeout>, since: Date.now() };
      entry.names.add(name);
      if (known && Date.now() - entry.since >= maxWait - delay) return; // its timer stays: the burst is written at maxWait
      clearTimeout(entry.timer);
      entry.timer = setTimeout(() => { waiting.delete(id); run(id, entry.names); }, delay);
      waiting.set(id, entry);
    },
    settled: async () => {
      for (const [id, entry] of [...waiting]) {
        clearTimeout(entry.timer);
        waiting.delete(id);
        run(id, entry.names);
      }
      while (running.size > 0) await Promise.all([...running]);
    },
    writeAll: async (editionId) => {
      const dir = await deps.dirOf(editionId);
      if (!dir) return;
      await deps.queueOf(editionId)(async () => {
        const metas = readStoriesDoc(await open(docName({ kind: 'stories', editionId })));
        await writeStoriesMeta(dir, editionId, metas);
        for (const m of metas) {
          for (const lang of ['zh', 'en'] as const) {
            await writeStoryVersion(dir, m.id, lang, await open(docName({ kind: 'story', editionId, storyId: m.id, lang })));
          }
        }
        const edition = await readEdition(dir).catch(() => null);
        for (const pageId of edition?.pages ?? []) await writePageFile(dir, pageId, await open(docName({ kind: 'page', editionId, pageId })));
        await writeEditionJson(dir, editionId);
      });
    },
  };
}
