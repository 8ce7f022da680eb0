import { betterSqlite } from './sqlite-better';
import { nodeSqlite } from './sqlite-node';

// The few SQLite calls the catalogue makes, so the same catalogue (and the same SQL) runs on
// two bindings: better-sqlite3 in Node 20 processes (the browser host, the CLI, tests) and
// Node 22's built-in node:sqlite in the Electron window's utility process, where
// better-sqlite3 cannot load (a native module built for Node's ABI, not Electron's).
// The shape is better-sqlite3's own, so that binding is used as it is, with no wrapper.

export interface SqlRunResult {
  changes: number | bigint;
  lastInsertRowid: number | bigint;
}

export interface SqlStatement {
  run(...params: unknown[]): SqlRunResult;
  get(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
}

export interface SqlDb {
  exec(sql: string): unknown;
  prepare(sql: string): SqlStatement;
  /** fn in one transaction (a savepoint when nested); rolled back when it throws. */
  transaction<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R;
  /** `PRAGMA source`; simple: the first column of the first row. */
  pragma(source: string, options?: { simple?: boolean }): unknown;
  close(): unknown;
}

export interface SqlDriver {
  readonly name: string;
  /** Whether this binding loads in this process. */
  available(): boolean;
  /** mustExist: a missing file is an error rather than a new, empty database. */
  open(file: string, options?: { mustExist?: boolean }): SqlDb;
}

// One binding per process. The Electron utility process chooses node:sqlite in its entry,
// before the catalogue opens anything. Elsewhere better-sqlite3, as before; a Node it was
// not built for (its binary is for Node 20's ABI; say a Node 22 first on PATH) gets
// node:sqlite rather than a catalogue that cannot open.
let current: SqlDriver | null = null;

function defaultDriver(): SqlDriver {
  if (betterSqlite.available() || !nodeSqlite.available()) return betterSqlite;
  return nodeSqlite;
}

export function useSqlDriver(driver: SqlDriver): void {
  current = driver;
}

export function sqlDriver(): SqlDriver {
  return (current ??= defaultDriver());
}
