import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Server } from '@hocuspocus/server';
import { Accounts } from '../electron/services/deskserver/accounts';
import { openDeskDb } from '../electron/services/deskserver/desk-db';
import { createDeskServer } from '../electron/services/deskserver/desk-server';
import type { DocStore } from '../electron/services/deskserver/doc-store';
import { PostgresStore } from '../electron/services/deskserver/store-postgres';

// The server side of the collab-30-clients benchmark (collab.bench.ts), one process per
// server so its peak RSS (VmHWM) is its own. `node collab-server.mjs reference|desk
// [USER PASSWORD]` prints one JSON line {url, certPem?} once it listens and runs until SIGTERM.
//   reference: a bare Hocuspocus 3.4.4 Server on ws:// — no persistence, no auth, no TLS.
//   desk:      the real desk server (createDeskServer): TLS, session tokens checked in
//              onAuthenticate, roles, every update appended to SQLite (WAL, synchronous=FULL,
//              one fsync'd commit per update) before it is acknowledged.

function memoryStore(): DocStore {
  const docs = new Map<string, Uint8Array[]>();
  return {
    kind: 'memory',
    load: async (name) => docs.get(name) ?? [],
    append: (name, update) => void docs.set(name, [...(docs.get(name) ?? []), update]),
    compact: async (name, state) => void docs.set(name, [state]),
    close: async () => undefined,
  };
}

async function main(): Promise<void> {
  const mode = process.argv[2];
  let url: string;
  let certPem: string | undefined;
  let close: () => Promise<unknown>;
  if (mode === 'reference') {
    const server = new Server({ port: 0, address: '127.0.0.1', quiet: true, stopOnSignals: false });
    await server.listen();
    url = `ws://127.0.0.1:${server.address.port}`;
    close = () => server.destroy();
  } else if (mode === 'desk' || mode === 'desk-memory' || mode === 'desk-postgres') {
    const dataDir = mkdtempSync(join(tmpdir(), 'edition-desk-bench-server-'));
    const db = openDeskDb(dataDir);
    await new Accounts(db).add(process.argv[3]!, 'chief', process.argv[4]!);
    db.close();
    // desk-memory (COLLAB_BENCH_BREAKDOWN=1 only): the same server with its documents in
    // memory, to tell the cost of the fsync'd SQLite commits from that of TLS and auth.
    // desk-postgres (COLLAB_BENCH_PG=URL only): documents in PostgreSQL, appended off the
    // event loop (appendBeforeApply), as `serve --postgres` keeps them.
    const store = mode === 'desk-memory' ? memoryStore()
      : mode === 'desk-postgres' ? await PostgresStore.open({ url: process.env['COLLAB_BENCH_PG']! }) : undefined;
    const server = await createDeskServer({ dataDir, port: 0, host: '127.0.0.1', quiet: true, ...(store ? { store } : {}) });
    url = server.url;
    certPem = server.certPem;
    close = () => server.close();
  } else {
    throw new Error(`collab-server: mode is reference, desk, desk-memory or desk-postgres, not ${mode}`);
  }
  process.stdout.write(JSON.stringify({ url, certPem }) + '\n');
  process.once('SIGTERM', () => void close().then(() => process.exit(0)));
}

await main();
