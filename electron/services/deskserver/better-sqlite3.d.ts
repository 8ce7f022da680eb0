// The few parts of better-sqlite3 12.x the desk server uses (the package ships no types
// and @types/better-sqlite3 is not installed; adding a dependency is not this stream's call).
declare module 'better-sqlite3' {
  namespace BetterSqlite3 {
    interface RunResult {
      changes: number;
      lastInsertRowid: number | bigint;
    }
    interface Statement {
      run(...params: unknown[]): RunResult;
      get(...params: unknown[]): unknown;
      all(...params: unknown[]): unknown[];
    }
    interface Database {
      prepare(sql: string): Statement;
      exec(sql: string): Database;
      pragma(source: string, options?: { simple?: boolean }): unknown;
      transaction<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R;
      close(): Database;
      readonly open: boolean;
    }
  }
  const BetterSqlite3: new (file: string, options?: { readonly?: boolean; fileMustExist?: boolean; timeout?: number }) => BetterSqlite3.Database;
  export = BetterSqlite3;
}
