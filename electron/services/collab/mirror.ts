import type { Api } from '../../../shared/contract/contract';
import { appError } from '../../../shared/contract/messages';
import { createSerialQueue } from '../serial-queue';
import { listTrash } from '../trash';
import { readEdition } from '../edition-store';
import { readFileInside } from '../safe-path';
import { readAssetRecord } from './asset-captions';
import { uploadPhotos } from './photo-transfer';
import type { Workspace } from '../workspace';
import { snapshotEdition } from './edition-snapshot';
import { listRemoteEditions, openRemoteEdition } from './open-remote';
import { publishEdition } from './publish';
import { pushChanges } from './push-local';
import { readSharedMarker } from './shared-marker';
import { createSharedIndex } from './shared-index';
import type { CollabEngine } from './types';
import { createWriteBack, type WriteBack } from './write-back';

// The mirror (issue 12): a shared edition's folder ↔ its shared documents. It publishes and
// opens editions (mirror-api.ts), writes the files when the documents change (write-back.ts)
// and pushes local list operations into the documents (push-local.ts). Per edition, one
// queue runs both directions, so a file is never read for a push while a write-back writes it.

type SerialQueue = ReturnType<typeof createSerialQueue>;

export interface MirrorQueues { pageWrites: SerialQueue; storyWrites: SerialQueue; folderWrites: SerialQueue }

/** Channels whose change to an edition's files goes on into its documents when the edition is shared. */
export const MIRRORED_CHANNELS = [
  'page:put', 'page:put-many', 'page:create', 'page:duplicate', 'page:delete', 'page:reorder', 'edition:page-size',
  'edition:rename', 'edition:place-photo',
  'story:create', 'story:rename', 'story:duplicate', 'story:delete', 'story:set-status', 'story:import', 'story:put', 'story:save-version',
  // Copies from the archive (issue 16) into a shared edition go on to the server like any new story or photo.
  'story:copy-from', 'edition:copy-photo-from',
] as const satisfies readonly (keyof Api)[];

export interface Mirror {
  channels: Pick<Api, 'collab:remote-editions' | 'collab:publish' | 'collab:open-remote'>;
  /** The API with MIRRORED_CHANNELS wrapped; unchanged on a solo desk. */
  wrap(api: Api): Api;
  writeBack: WriteBack | null;
  dispose(): void;
}

export function createMirror(ws: Workspace, engine: CollabEngine | undefined, q: MirrorQueues, opts: { delayMs?: number; maxWaitMs?: number; log?: (m: string) => void } = {}): Mirror {
  const need = (): CollabEngine => {
    if (!engine || !engine.session()) throw appError('NOT_SHARED');
    return engine;
  };
  const index = createSharedIndex(ws);
  const queues = new Map<string, SerialQueue>();
  const queueOf = (remoteId: string): SerialQueue => {
    let queue = queues.get(remoteId);
    if (!queue) { queue = createSerialQueue(); queues.set(remoteId, queue); }
    return queue;
  };
  // Write-back only into folders shared on the server this desk is signed in to.
  const dirOf = async (remoteId: string): Promise<string | null> => {
    const dir = await index.dirOf(remoteId);
    const marker = dir ? await readSharedMarker(dir) : null;
    return marker && marker.server === engine?.session()?.url ? dir : null;
  };
  const writeBack = engine
    ? createWriteBack({ engine, root: ws.root, pageWrites: q.pageWrites, storyWrites: q.storyWrites, dirOf, queueOf, ...opts })
    : null;
  const off = engine && writeBack ? engine.onDocChange(writeBack.listener) : () => {};

  const channels: Mirror['channels'] = {
    'collab:remote-editions': async () => {
      const list = await listRemoteEditions(need());
      return Promise.all(list.map(async (e) => ({ ...e, localRef: await index.refOf(e.id) })));
    },
    'collab:publish': async ({ edition }) => {
      const eng = need();
      const dir = await ws.resolveEdition(edition);
      // In the page and story queues: the folder is read whole and must not change meanwhile.
      const out = await q.pageWrites(() => q.storyWrites(() => publishEdition(eng, dir)));
      index.remember(out.remoteId, edition);
      return out;
    },
    'collab:open-remote': async ({ remoteId }) => {
      const eng = need();
      const existing = await index.refOf(remoteId);
      if (existing) {
        await writeBack?.writeAll(remoteId);
        return { ref: existing, photosFailed: [] };
      }
      const opened = await q.folderWrites(() => openRemoteEdition(eng, ws.root, remoteId));
      index.remember(remoteId, opened.ref);
      // What arrived while the folder was being built (its write-backs found no folder yet).
      await writeBack?.writeAll(remoteId);
      return opened;
    },
  };

  /** Runs a local change; when the edition is shared, pushes what it changed into the documents. */
  async function around<T>(edition: string, job: () => Promise<T>, storyOnly?: string): Promise<T> {
    const dir = await ws.resolveEdition(edition).catch(() => null);
    const marker = dir && engine?.session() ? await readSharedMarker(dir) : null;
    // A folder shared on another server than the one this desk is signed in to stays local.
    if (!dir || !marker || !engine || marker.server !== engine.session()?.url) return job();
    return queueOf(marker.remoteId)(async () => {
      const before = await snapshotEdition(dir, { storyOnly }).catch(() => null);
      const out = await job();
      const after = await snapshotEdition(dir, { storyOnly }).catch(() => null);
      if (after) {
        // A photo placed here goes up before the photos document names it, so other desks can fetch it.
        const known = new Set((before?.edition.photos ?? []).map((p) => p.asset.sha256));
        for (const f of await uploadPhotos(engine, dir, after.edition.photos, known, readFileInside)) opts.log?.(`upload ${f}`);
        await pushChanges((name) => engine.openDoc(name), marker.remoteId, before, after);
      }
      return out;
    });
  }

  async function follow(edition: string): Promise<void> {
    const dir = await ws.resolveEdition(edition);
    const marker = await readSharedMarker(dir);
    if (!marker || !writeBack || !engine || marker.server !== engine.session()?.url) return;
    // Photos a change made while the server was away could not send: HEAD each, send what is missing.
    const current = await readEdition(dir);
    // Copies with a caption written here came from the server: it has their bytes already.
    const record = await readAssetRecord(dir);
    const fromServer = new Set(current.photos.filter((p) => record[p.asset.file]?.server === p.asset.sha256).map((p) => p.asset.sha256));
    for (const f of await uploadPhotos(engine, dir, current.photos, fromServer, readFileInside)) opts.log?.(`upload ${f}`);
    await writeBack.writeAll(marker.remoteId);
  }

  return {
    channels,
    writeBack,
    wrap: (api) => {
      if (!engine) return api;
      const out: Record<string, unknown> = { ...api };
      for (const ch of MIRRORED_CHANNELS) {
        const inner = api[ch] as (input: { edition: string }) => Promise<unknown>;
        // A story save (the editor's autosave, every 1.2 s while typing) reads only that story.
        out[ch] = (input: { edition: string; storyId?: string }) =>
          around(input.edition, () => inner(input), ch === 'story:save-version' ? input.storyId : undefined);
      }
      // Opening a shared edition opens all its documents, so what others changed while this
      // desk was away comes in and is written into the folder (in the background).
      out['edition:open'] = async (input: Parameters<Api['edition:open']>[0]) => {
        const edition = await api['edition:open'](input);
        void follow(input.edition).catch((e: unknown) => opts.log?.(`open ${input.edition}: ${String(e)}`));
        return edition;
      };
      // A story or page back from the trash into a shared edition goes back into its documents too.
      out['trash:restore'] = async (input: Parameters<Api['trash:restore']>[0]) => {
        const entry = (await listTrash(ws.root).catch(() => [])).find((e) => e.id === input.id);
        if (!entry || entry.kind === 'edition' || !entry.edition) return api['trash:restore'](input);
        return around(entry.edition, () => api['trash:restore'](input));
      };
      return out as unknown as Api;
    },
    dispose: off,
  };
}
