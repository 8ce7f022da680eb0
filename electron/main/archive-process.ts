import { utilityProcess } from 'electron';
import type { ArchivePort } from '../services/archive-port';
import { connectArchive, consoleCatalogLog } from '../services/archive-rpc/client';
import type { CatalogProcess, ToCatalog } from '../services/archive-rpc/messages';
import { builtWorker } from '../services/copy/import-off-thread';

// The archive catalogue for the Electron window (issue 16). better-sqlite3 cannot load in
// Electron (built for Node's ABI), and a catalogue rebuild must not stall the window's IPC,
// so the catalogue runs in a utility process of its own (out/workers/archive-utility.mjs,
// on node:sqlite) and this ArchivePort forwards every archive call and save hook to it.

/** One utilityProcess as the client's CatalogProcess; messages wait for 'spawn'. */
function forkCatalog(entry: string): CatalogProcess {
  const child = utilityProcess.fork(entry, [], { serviceName: 'Edition Desk catalogue', stdio: 'inherit' });
  let queue: ToCatalog[] | null = [];
  child.once('spawn', () => {
    for (const m of queue ?? []) child.postMessage(m);
    queue = null;
  });
  return {
    post: (m) => { if (queue) queue.push(m); else child.postMessage(m); },
    onMessage: (listener) => child.on('message', listener),
    onExit: (listener) => child.once('exit', (code) => listener(code)),
    kill: () => { child.kill(); },
  };
}

/** undefined (archive:search says ARCHIVE_UNAVAILABLE) when the entry was not built. */
export function startArchiveProcess(root: string, log: (e: unknown) => void): ArchivePort | undefined {
  const entry = builtWorker('archive-utility');
  if (!entry) {
    log(new Error('out/workers/archive-utility.mjs missing: the archive is unavailable in this window'));
    return undefined;
  }
  return connectArchive(() => forkCatalog(entry), root, consoleCatalogLog);
}
