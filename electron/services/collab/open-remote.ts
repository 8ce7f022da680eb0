import { randomBytes } from 'node:crypto';
import { realpath, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type * as Y from 'yjs';
import { docName } from '../../../shared/collab/doc-names';
import { editionFromDocs, readStoriesDoc } from '../../../shared/collab/edition-y';
import { readPage as readPageDoc } from '../../../shared/collab/page-y';
import { RemoteEdition } from '../../../shared/collab/protocol';
import { appError } from '../../../shared/contract/messages';
import type { Page, Story } from '../../../shared/document/schema';
import { writeNewEdition } from '../edition-store';
import { uniqueEditionFolder } from '../editions/folder-name';
import { fetchMissingAssets, type PhotoFailure } from './assets';
import { writeSharedMarker } from './shared-marker';
import { readStoryDoc } from './story-yjs';
import type { CollabEngine } from './types';

// collab:open-remote: a server edition becomes a NAME.edition folder in the workspace, the
// same format as any other (so exports, handoff and the CLI work on it), built from its
// documents, its photos fetched by sha256, and marked with shared.json. Written under a
// hidden staging name and renamed into place, as a new edition is.

/** How long to wait for a document's first content from the server. */
const FIRST_SYNC_MS = 15_000;

export async function listRemoteEditions(engine: CollabEngine): Promise<RemoteEdition[]> {
  const reply = await engine.request('GET', '/api/editions');
  if (reply.status !== 200) throw appError('IO_ERROR', `GET /api/editions: ${reply.status}`);
  const list = z.array(z.unknown()).safeParse(reply.json);
  if (!list.success) throw appError('IO_ERROR', 'GET /api/editions: not a list');
  // One entry the desk cannot read is left out, not the whole list.
  return list.data.flatMap((e) => { const r = RemoteEdition.safeParse(e); return r.success ? [r.data] : []; });
}

/** Resolves with the value once `read(doc)` gives one (now or after a change), or null after `ms`. */
function whenReady<T>(engine: CollabEngine, name: string, doc: Y.Doc, read: (d: Y.Doc) => T | null, ms: number): Promise<T | null> {
  const now = read(doc);
  if (now !== null) return Promise.resolve(now);
  return new Promise((resolve) => {
    const done = (v: T | null) => { clearTimeout(timer); off(); resolve(v); };
    const off = engine.onDocChange((n, d) => {
      if (n !== name) return;
      const v = read(d);
      if (v !== null) done(v);
    });
    const timer = setTimeout(() => done(read(doc)), ms);
  });
}

export interface OpenedRemote { ref: string; photosFailed: PhotoFailure[] }

export async function openRemoteEdition(engine: CollabEngine, root: string, remoteId: string, waitMs = FIRST_SYNC_MS): Promise<OpenedRemote> {
  const session = engine.session();
  if (!session) throw appError('NOT_SHARED');
  const remote = (await listRemoteEditions(engine)).find((e) => e.id === remoteId);
  if (!remote) throw appError('NOT_FOUND', `edition ${remoteId} on ${session.url}`);

  // One deadline for the whole edition, so a page the server never got costs the wait once.
  const deadline = Date.now() + waitMs;
  const open = async <T>(name: string, read: (d: Y.Doc) => T | null, ms = waitMs) =>
    whenReady(engine, name, await engine.openDoc(name), read, Math.max(0, Math.min(ms, deadline - Date.now())));
  const editionName = docName({ kind: 'edition', editionId: remoteId });
  const photosDoc = await engine.openDoc(docName({ kind: 'photos', editionId: remoteId }));
  const edition = await open(editionName, (d) => editionFromDocs(d, photosDoc));
  if (!edition) throw appError('IO_ERROR', `${editionName}: no edition in the document yet`);

  const pages: Page[] = [];
  for (const pageId of edition.pages) {
    const page = await open(docName({ kind: 'page', editionId: remoteId, pageId }), readPageDoc);
    if (page) pages.push(page);
  }
  // An edition without stories is real, so these waits are short: whatever arrives later is
  // written into the folder by the write-back (mirror.ts runs it once the folder is in place).
  const stories: Story[] = [];
  const metas = await open(docName({ kind: 'stories', editionId: remoteId }), (d) => { const l = readStoriesDoc(d); return l.length > 0 ? l : null; }, Math.min(waitMs, 2000));
  for (const meta of metas ?? []) {
    const version = async (lang: 'zh' | 'en') => open(docName({ kind: 'story', editionId: remoteId, storyId: meta.id, lang }), readStoryDoc, Math.min(waitMs, 500));
    stories.push({ ...meta, zh: await version('zh'), en: await version('en') });
  }

  const rootReal = await realpath(root);
  const staging = join(rootReal, `.staging-${randomBytes(6).toString('hex')}`);
  try {
    await writeNewEdition(staging, { edition: { ...edition, pages: pages.map((p) => p.id) }, pages, stories }, []);
    const photosFailed = await fetchMissingAssets(engine, staging, edition.photos);
    await writeSharedMarker(staging, { server: session.url, remoteId, since: new Date().toISOString() });
    const name = await uniqueEditionFolder(rootReal, edition.title);
    await rename(staging, join(rootReal, name));
    return { ref: name, photosFailed };
  } catch (e) {
    await rm(staging, { recursive: true, force: true });
    throw e;
  }
}
