import { rmSync } from 'node:fs';
import { createArchive } from '../services/catalog/archive-service';
import { Catalog } from '../services/catalog/catalog';
import { useSqlDriver } from '../services/catalog/sql';
import { nodeSqlite } from '../services/catalog/sqlite-node';
import { serveArchive } from '../services/archive-rpc/server';
import { EXIT_UNAVAILABLE, type FromCatalog, type MessageEnd, type ToCatalog } from '../services/archive-rpc/messages';

// The catalogue's process for the Electron window (issue 16): started by main with
// utilityProcess.fork (electron/main/archive-process.ts), it owns the catalogue on Node 22's
// built-in node:sqlite (Electron's ABI cannot load better-sqlite3) and jieba (N-API, loads
// anywhere), off the main thread. The same file runs under a plain `node` fork in the tests:
// only the channel differs (Electron's process.parentPort, or Node's process.send).

interface ParentPortLike {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (e: { data: unknown }) => void): void;
}

function parentEnd(): MessageEnd<ToCatalog, FromCatalog> {
  const parentPort = (process as unknown as { parentPort?: ParentPortLike }).parentPort;
  if (parentPort) {
    return {
      post: (m) => parentPort.postMessage(m),
      onMessage: (listener) => parentPort.on('message', (e) => listener(e.data as ToCatalog)),
    };
  }
  const send = process.send?.bind(process);
  if (!send) throw new Error('archive-utility: started without a parent channel');
  // A forked child whose parent is gone ends with it.
  process.on('disconnect', () => process.exit(0));
  return {
    post: (m) => { send(m); },
    onMessage: (listener) => process.on('message', (m) => listener(m as ToCatalog)),
  };
}

// Electron's utility process must use node:sqlite (better-sqlite3's binary is for Node's
// ABI). The browser host's plain `node` fork (archive-rpc/node-fork.ts) passes
// --any-sqlite and takes sql.ts's default: better-sqlite3 where it loads, node:sqlite otherwise.
const strict = !process.argv.includes('--any-sqlite');
if (strict && !nodeSqlite.available()) {
  // An Electron whose Node lacks node:sqlite: main answers ARCHIVE_UNAVAILABLE from now on.
  console.error(`edition-desk catalogue: node:sqlite is not available in this runtime (Node ${process.version})`);
  process.exit(EXIT_UNAVAILABLE);
}
if (strict) useSqlDriver(nodeSqlite);
serveArchive(parentEnd(), (root, log, fresh) => {
  // Started again after a crash: the catalogue is rebuilt from the files, with progress.
  if (fresh) rmSync(Catalog.file(root), { force: true });
  return createArchive(root, log);
}, () => process.exit(0));
