import type { DocStore } from './doc-store';
import { openSqlite, type Sqlite } from './sqlite';

// The default DocStore: one SQLite file (DATA/docs.db), one row per Yjs update. `append`
// is a synchronous better-sqlite3 insert committed with synchronous=FULL, so it is on disk
// when it returns, which is before Hocuspocus acknowledges the update (see doc-store.ts).

export function createSqliteDocStore(file: string): DocStore {
  const db: Sqlite = openSqlite(file);
  db.exec(`CREATE TABLE IF NOT EXISTS doc_updates (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL,
    data BLOB NOT NULL
  );
  CREATE INDEX IF NOT EXISTS doc_updates_name ON doc_updates (name, seq);`);
  const select = db.prepare('SELECT data FROM doc_updates WHERE name = ? ORDER BY seq');
  const insert = db.prepare('INSERT INTO doc_updates (name, data) VALUES (?, ?)');
  const remove = db.prepare('DELETE FROM doc_updates WHERE name = ?');
  // One transaction: a crash in the middle leaves the old rows, never neither.
  const replace = db.transaction((name: string, state: Uint8Array) => {
    remove.run(name);
    insert.run(name, Buffer.from(state.buffer, state.byteOffset, state.byteLength));
  });
  return {
    kind: 'sqlite',
    load: async (name) => (select.all(name) as { data: Buffer }[]).map((r) => new Uint8Array(r.data)),
    append(name, update) {
      insert.run(name, Buffer.from(update.buffer, update.byteOffset, update.byteLength));
    },
    // Synchronous too: no update can be appended between the read of the document's
    // state (by the caller, in the same tick) and the delete, so none is lost.
    compact: async (name, state) => {
      replace(name, state);
    },
    close: async () => {
      if (db.open) db.close();
    },
  };
}
