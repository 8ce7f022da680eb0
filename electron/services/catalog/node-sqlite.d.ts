// The parts of Node 22's built-in node:sqlite the catalogue's adapter uses (sqlite-node.ts).
// @types/node here is 20.x, which has no node:sqlite; drop this file when it is ≥ 22.13.
declare module 'node:sqlite' {
  interface StatementSync {
    run(...params: unknown[]): { changes: number | bigint; lastInsertRowid: number | bigint };
    get(...params: unknown[]): unknown;
    all(...params: unknown[]): unknown[];
  }
  class DatabaseSync {
    constructor(location: string, options?: { open?: boolean; readOnly?: boolean });
    exec(sql: string): void;
    prepare(sql: string): StatementSync;
    close(): void;
  }
}
