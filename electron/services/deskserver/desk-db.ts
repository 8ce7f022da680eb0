import { join } from 'node:path';
import { openSqlite, type Sqlite } from './sqlite';

// The server's own records (DATA/desk.db): accounts, sessions, editions, sign-offs and
// the audit log. Documents live apart (DocStore), so a PostgreSQL document store can be
// plugged in without moving the accounts.

const SCHEMA = `
CREATE TABLE IF NOT EXISTS users (
  name TEXT PRIMARY KEY,
  role TEXT NOT NULL,
  salt BLOB NOT NULL,
  hash BLOB NOT NULL,
  params TEXT NOT NULL,          -- scrypt N, r, p, keylen as JSON: raising them later keeps old hashes checkable
  created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS sessions (
  token_hash TEXT PRIMARY KEY,   -- sha256 of the token: a copy of desk.db gives no usable session
  user TEXT NOT NULL REFERENCES users(name) ON DELETE CASCADE,
  expires_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS editions (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  issue_date TEXT NOT NULL,
  published_by TEXT NOT NULL,
  published_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS signoffs (
  edition_id TEXT NOT NULL REFERENCES editions(id),
  page_id TEXT NOT NULL,
  round INTEGER NOT NULL,
  by TEXT NOT NULL,
  at TEXT NOT NULL,
  PRIMARY KEY (edition_id, page_id)
);
CREATE TABLE IF NOT EXISTS audit (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,
  user TEXT NOT NULL,
  action TEXT NOT NULL,
  edition_id TEXT NOT NULL,
  page_id TEXT NOT NULL,
  round INTEGER NOT NULL
);
`;

export function openDeskDb(dataDir: string): Sqlite {
  const db = openSqlite(join(dataDir, 'desk.db'));
  db.exec(SCHEMA);
  return db;
}
