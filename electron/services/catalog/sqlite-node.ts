import { existsSync } from 'node:fs';
import type { DatabaseSync } from 'node:sqlite';
import type { SqlDb, SqlDriver, SqlStatement } from './sql';

// Node 22's built-in SQLite (node:sqlite) behind the catalogue's adapter, for the Electron
// window's utility process (Electron 38 embeds Node 22; better-sqlite3 cannot load there).
// It is compiled with FTS5, so the catalogue's SQL runs unchanged. What better-sqlite3 has
// and node:sqlite lacks is added here: transactions as functions (savepoints when nested,
// as better-sqlite3 does), pragma(), and fileMustExist.
// The module is taken with process.getBuiltinModule, not a static import: a static one would
// be hoisted into every bundle that holds this file and fail to load on Node 20.

type SqliteModule = typeof import('node:sqlite');

function sqliteModule(): SqliteModule | undefined {
  return process.getBuiltinModule('node:sqlite') as SqliteModule | undefined;
}

class NodeSqliteDb implements SqlDb {
  private depth = 0;
  private closed = false;
  constructor(private readonly db: DatabaseSync) {}

  exec(sql: string): void {
    this.db.exec(sql);
  }

  prepare(sql: string): SqlStatement {
    return this.db.prepare(sql);
  }

  transaction<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
    return (...args: A) => {
      const outer = this.depth === 0;
      const name = `t${this.depth}`;
      this.db.exec(outer ? 'BEGIN' : `SAVEPOINT ${name}`);
      this.depth++;
      let out: R;
      try {
        out = fn(...args);
        // As better-sqlite3: a transaction cannot span an await (it would commit early).
        if (out && typeof (out as { then?: unknown }).then === 'function') throw new TypeError('Transaction function cannot return a promise');
        this.db.exec(outer ? 'COMMIT' : `RELEASE ${name}`);
      } catch (e) {
        // A failed COMMIT leaves the transaction open: it is rolled back as well.
        this.db.exec(outer ? 'ROLLBACK' : `ROLLBACK TO ${name}; RELEASE ${name}`);
        throw e;
      } finally {
        this.depth--;
      }
      return out;
    };
  }

  pragma(source: string, options: { simple?: boolean } = {}): unknown {
    const rows = this.db.prepare(`PRAGMA ${source}`).all() as Record<string, unknown>[];
    if (!options.simple) return rows;
    const first = rows[0];
    return first ? Object.values(first)[0] : undefined;
  }

  close(): void {
    // better-sqlite3 closes twice without a word; node:sqlite throws the second time.
    if (this.closed) return;
    this.closed = true;
    this.db.close();
  }
}

export const nodeSqlite: SqlDriver = {
  name: 'node:sqlite',
  available: () => sqliteModule() !== undefined,
  open(file, options = {}) {
    const sqlite = sqliteModule();
    if (!sqlite) throw new Error(`node:sqlite needs Node 22.5 or later (this is ${process.version})`);
    // node:sqlite would create the file; better-sqlite3's fileMustExist refuses instead.
    if (options.mustExist && !existsSync(file)) throw new Error(`${file}: no such catalogue`);
    return new NodeSqliteDb(new sqlite.DatabaseSync(file));
  },
};
