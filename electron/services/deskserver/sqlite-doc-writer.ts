// The writer thread of sqlite-doc-store.ts, as source text for `new Worker(…, { eval: true })`:
// a file of its own would have to be found beside whichever bundle (CLI, bench, tests) runs
// the server. Plain CommonJS; `driver` is better-sqlite3's resolved path. The pragmas are
// openSqlite's (sqlite.ts): WAL, and synchronous=FULL so a commit is on disk when it returns.

export type WriterRequest =
  | { id: number; op: 'append'; rows: { name: string; data: Uint8Array }[] }
  | { id: number; op: 'load'; name: string }
  | { id: number; op: 'replace'; name: string; seqs: number[]; state: Uint8Array }
  | { id: number; op: 'close' };

export interface WriterReply {
  id: number;
  value?: unknown;
  error?: string;
}

export const WRITER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { timeout: 5000 });
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.exec(\`CREATE TABLE IF NOT EXISTS doc_updates (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL,
  data BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS doc_updates_name ON doc_updates (name, seq);\`);
const insert = db.prepare('INSERT INTO doc_updates (name, data) VALUES (?, ?)');
const select = db.prepare('SELECT seq, data FROM doc_updates WHERE name = ? ORDER BY seq');
const remove = db.prepare('DELETE FROM doc_updates WHERE seq = ?');
const blob = (u) => Buffer.from(u.buffer, u.byteOffset, u.byteLength);
// One transaction per group: one fsync however many updates it holds.
const appendAll = db.transaction((rows) => { for (const r of rows) insert.run(r.name, blob(r.data)); });
// A crash in the middle leaves the old rows, never neither.
const replace = db.transaction((name, seqs, state) => { for (const s of seqs) remove.run(s); insert.run(name, blob(state)); });
parentPort.on('message', (m) => {
  try {
    let value;
    if (m.op === 'append') appendAll(m.rows);
    else if (m.op === 'load') value = select.all(m.name).map((r) => ({ seq: r.seq, data: new Uint8Array(r.data) }));
    else if (m.op === 'replace') replace(m.name, m.seqs, m.state);
    else if (m.op === 'close') db.close();
    parentPort.postMessage({ id: m.id, value });
  } catch (e) {
    parentPort.postMessage({ id: m.id, error: String((e && e.message) || e) });
  }
});
`;
