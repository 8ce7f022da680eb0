import { fork, type ChildProcess } from 'node:child_process';
import type { CatalogProcess, FromCatalog } from './messages';

// The catalogue's process for the browser host: the same entry as the Electron window's
// utility process (out/workers/archive-utility.mjs), forked under this Node with its IPC
// channel. In the host's own thread the catalogue re-read a whole edition (its stories
// segmented into words) after each save: with a few long stories that held every request
// behind it for seconds (an import took 1–11 s a file in fuzz-copy as stories piled up,
// 0.2 s in an empty edition). A child that loses its parent ends with it (disconnect).

export function forkCatalogNode(entry: string): CatalogProcess {
  return catalogProcessOf(fork(entry, ['--any-sqlite'], { serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }));
}

/** A forked Node child (with an IPC channel) as the client's CatalogProcess; nothing is sent once its channel has closed. */
export function catalogProcessOf(child: ChildProcess): CatalogProcess {
  return {
    post: (m) => { if (child.connected) child.send(m); },
    onMessage: (listener) => child.on('message', (m) => listener(m as FromCatalog)),
    onExit: (listener) => child.once('exit', (code) => listener(code)),
    kill: () => { child.kill(); },
  };
}
