import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { ArchivePort } from '../archive-port';
import { createSerialQueue } from '../serial-queue';
import { Workspace } from '../workspace';
import { CATALOG_DIR, Catalog } from './catalog';

// The catalogue behind the channels (issue 16), for a Node host: opened (or rebuilt from
// the files, with progress) in the background at start, then kept up to date by the
// hooks in archive-hooks.ts. Updates run one at a time; an edition's burst of saves (a
// page dragged, a story typed) is folded into one update 300 ms after the last, while a
// photo's caption is applied at once (issue 16: findable within 1 s).

const EDITION_DEBOUNCE_MS = 300;

export interface ArchiveLog {
  progress?(done: number, total: number): void;
  error(e: unknown): void;
}

export function createArchive(root: string, log: ArchiveLog): ArchivePort {
  const ws = new Workspace(root);
  const queue = createSerialQueue();
  let catalog: Catalog | null = null;
  // The build's progress, for the search box (a catalogue rebuilt on start says so, issue 16).
  const progress = { done: 0, total: 0, rebuilt: false };
  const onProgress = (done: number, total: number) => {
    Object.assign(progress, { done, total });
    log.progress?.(done, total);
  };
  // A workspace's first catalogue is built, not rebuilt: only one that was there and is now
  // missing or unusable is reported as rebuilt from the files (the box says so).
  const hadCatalog = existsSync(join(root, CATALOG_DIR));
  const opening = Catalog.open(root, onProgress).then(({ catalog: c, rebuilt }) => { catalog = c; progress.rebuilt = !!rebuilt && hadCatalog; return { c, rebuilt }; });
  const run = (job: (c: Catalog) => void | Promise<void>) => {
    void queue(async () => job((await opening).c)).catch(log.error);
  };
  const timers = new Map<string, NodeJS.Timeout>();

  const syncFolders = async (c: Catalog) => {
    const present = new Set(await ws.listEditionRefs());
    const held = new Set(c.editionFolders());
    for (const f of held) if (!present.has(f)) c.removeEdition(f);
    for (const ref of present) if (!held.has(ref)) await c.updateEdition(await ws.resolveEdition(ref), ref);
  };

  // A catalogue kept from the last session may miss what changed while the desk was closed
  // (an edition written by the CLI, a folder copied in): its editions are read again once,
  // in the background. The library changes only through the desk, so it is not re-read.
  opening.then(({ rebuilt }) => {
    if (rebuilt) return;
    run(async (c) => {
      await syncFolders(c);
      for (const ref of await ws.listEditionRefs()) await c.updateEdition(await ws.resolveEdition(ref), ref);
    });
  }, log.error);

  return {
    editionSaved(ref) {
      clearTimeout(timers.get(ref));
      timers.set(ref, setTimeout(() => {
        timers.delete(ref);
        run(async (c) => {
          const dir = await ws.resolveEdition(ref);
          await c.updateEdition(dir, basename(dir));
        });
      }, EDITION_DEBOUNCE_MS));
    },
    foldersChanged() {
      run(syncFolders);
    },
    photosSaved(photos) {
      if (photos.length) run(async (c) => { for (const p of photos) await c.updateLibraryPhoto(p); });
    },
    async search(input) {
      // Not ready while the first build runs: the box says so rather than showing nothing found.
      if (!catalog) return { hits: [], ready: false };
      const { query, ...options } = input;
      return { hits: catalog.search(query, options), ready: true };
    },
    status() {
      return { ready: !!catalog, ...progress, ...(catalog ? catalog.facets() : { editions: [], creators: [] }) };
    },
    async placements(item) {
      if (!catalog) return null;
      // Behind pending updates: a photo just placed shows its new page.
      return queue(async () => catalog!.placements(item));
    },
    async close() {
      for (const t of timers.values()) clearTimeout(t);
      await queue(async () => { catalog?.close(); });
    },
  };
}
