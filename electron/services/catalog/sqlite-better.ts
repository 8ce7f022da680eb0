import { createRequire } from 'node:module';
import type BetterSqlite3 from 'better-sqlite3';
import type { SqlDriver } from './sql';

// better-sqlite3 for the catalogue in Node processes. Loaded on the first open, not on
// import: this file is also bundled into the Electron utility process (through sql.ts),
// where the module must never load (its binary is for Node's ABI); there node:sqlite is
// chosen before anything opens. The Database object already has the adapter's shape.

let Database: typeof BetterSqlite3 | null = null;

function load(): typeof BetterSqlite3 {
  return (Database ??= createRequire(import.meta.url)('better-sqlite3') as typeof BetterSqlite3);
}

export const betterSqlite: SqlDriver = {
  name: 'better-sqlite3',
  available() {
    // The JavaScript loads anywhere; the native binding only in the Node it was built for.
    try { new (load())(':memory:').close(); return true; } catch { return false; }
  },
  open(file, options = {}) {
    return new (load())(file, { fileMustExist: options.mustExist === true });
  },
};
