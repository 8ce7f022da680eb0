import Database from 'better-sqlite3';

// better-sqlite3 is a native module built for Node's ABI, not Electron's: only the desk
// server process (`edition-desk serve`, `edition-desk user`) loads this file.

export type Sqlite = Database.Database;

/**
 * Opens (or creates) a database with the durability the issue asks for: WAL, and
 * synchronous=FULL so every commit fsyncs the WAL before it returns (NORMAL would let
 * the last commits vanish on power loss, which a SIGKILL test does not show but a
 * newsroom's power cut would).
 */
export function openSqlite(file: string): Sqlite {
  const db = new Database(file, { timeout: 5000 });
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  return db;
}
