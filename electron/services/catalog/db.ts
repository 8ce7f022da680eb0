import type { CatalogRow, Placement } from './rows';
import { indexChars, indexWords } from './segment';
import { sqlDriver, type SqlDb } from './sql';

// The catalogue's SQLite file. It is derived data: any doubt about it (it does not open,
// its schema is older, a check fails) and it is rebuilt from the files, never repaired.
// It opens through the process's SQLite binding (sql.ts): better-sqlite3 in the CLI, the
// browser host and tests; node:sqlite in the Electron window's utility process. Never in
// Electron's main process or the renderer (eslint).

export const CATALOG_SCHEMA = 1;

const DDL = `
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE items(
  id INTEGER PRIMARY KEY, item TEXT NOT NULL, kind TEXT NOT NULL, source TEXT NOT NULL,
  edition_id TEXT, edition_title TEXT, edition_ref TEXT, ref TEXT NOT NULL, para INTEGER NOT NULL, lang TEXT NOT NULL,
  title TEXT NOT NULL, text TEXT NOT NULL, date TEXT NOT NULL, creator TEXT NOT NULL, rating INTEGER, label TEXT, file TEXT,
  sha TEXT, sha0 TEXT);
CREATE INDEX items_sha ON items(sha) WHERE sha IS NOT NULL;
CREATE INDEX items_sha0 ON items(sha0) WHERE sha0 IS NOT NULL;
CREATE INDEX items_source ON items(source);
CREATE INDEX items_item ON items(item);
CREATE TABLE placements(item TEXT NOT NULL, source TEXT NOT NULL, edition_id TEXT NOT NULL, edition_title TEXT NOT NULL,
  page_id TEXT, page_name TEXT, page_number INTEGER);
CREATE INDEX placements_item ON placements(item);
CREATE INDEX placements_source ON placements(source);
-- Contentless: the text lives in items; FTS5 keeps only its index (contentless_delete lets
-- a save replace an item's rows). porter stems English; Chinese arrives pre-cut (segment.ts).
CREATE VIRTUAL TABLE fts USING fts5(head, body, chars, content='', contentless_delete=1,
  tokenize='porter unicode61 remove_diacritics 2');
`;

export type Db = SqlDb;

export function createDb(file: string): Db {
  const db = sqlDriver().open(file);
  db.exec(DDL);
  db.prepare('INSERT INTO meta(key, value) VALUES (?, ?)').run('schema', String(CATALOG_SCHEMA));
  return db;
}

/** Opens an existing catalogue; null when it is missing, unreadable or of another schema. */
export function openDb(file: string): Db | null {
  let db: Db | null = null;
  try {
    db = sqlDriver().open(file, { mustExist: true });
    const row = db.prepare("SELECT value FROM meta WHERE key = 'schema'").get() as { value: string } | undefined;
    if (row?.value !== String(CATALOG_SCHEMA)) throw new Error('schema');
    // A cheap check that the pages are readable (a torn file fails here, not mid-search).
    const ok = db.pragma('quick_check', { simple: true });
    if (ok !== 'ok') throw new Error(String(ok));
    return db;
  } catch {
    try { db?.close(); } catch { /* already unusable */ }
    return null;
  }
}

export function setMeta(db: Db, key: string, value: string): void {
  db.prepare('INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
}

/** Inserts rows and placements (call inside a transaction). */
export function insertRows(db: Db, rows: CatalogRow[], placements: Placement[]): void {
  const item = db.prepare(`INSERT INTO items(item, kind, source, edition_id, edition_title, edition_ref, ref, para, lang, title, text, date, creator, rating, label, file, sha, sha0)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const fts = db.prepare('INSERT INTO fts(rowid, head, body, chars) VALUES (?, ?, ?, ?)');
  for (const r of rows) {
    const id = item.run(r.item, r.kind, r.source, r.editionId, r.editionTitle, r.editionRef, r.ref, r.para, r.lang, r.title, r.text, r.date, r.creator, r.rating, r.label, r.file, r.sha, r.sha0).lastInsertRowid;
    fts.run(id, indexWords(r.head), indexWords(r.body), indexChars(`${r.head}\n${r.body}`));
  }
  const pl = db.prepare('INSERT INTO placements(item, source, edition_id, edition_title, page_id, page_name, page_number) VALUES (?, ?, ?, ?, ?, ?, ?)');
  for (const p of placements) pl.run(p.item, p.source, p.editionId, p.editionTitle, p.pageId, p.pageName, p.pageNumber);
}

/** Removes the items rows `where` picks (a condition on items, its parameters) and their full-text rows. */
function deleteItems(db: Db, where: string, ...params: string[]): void {
  const ids = db.prepare(`SELECT id FROM items WHERE ${where}`).all(...params) as { id: number }[];
  const fts = db.prepare('DELETE FROM fts WHERE rowid = ?');
  for (const { id } of ids) fts.run(id);
  db.prepare(`DELETE FROM items WHERE ${where}`).run(...params);
}

/** Removes everything one source (an edition folder, a library photo) put in. */
export function deleteSource(db: Db, source: string): void {
  deleteItems(db, 'source = ?', source);
  db.prepare('DELETE FROM placements WHERE source = ?').run(source);
}

/** Removes an edition folder's rows but its stories', and its placements: what updateEdition makes again on every save. */
export function deleteSourceButStories(db: Db, source: string): void {
  deleteItems(db, "source = ? AND kind <> 'story'", source);
  db.prepare('DELETE FROM placements WHERE source = ?').run(source);
}

/** Removes one item's rows (a story saved again or gone) from one source. */
export function deleteItem(db: Db, source: string, item: string): void {
  deleteItems(db, 'source = ? AND item = ?', source, item);
}
