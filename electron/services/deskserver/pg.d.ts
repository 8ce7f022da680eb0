// The part of node-postgres (pg 8.16.3, pinned) that store-postgres.ts uses. pg ships no
// types and @types/pg is not a dependency, so the surface we call is declared here; a
// call outside it fails the typecheck instead of reaching an untyped `any`.
declare module 'pg' {
  export interface QueryResult<R> {
    rows: R[];
    rowCount: number | null;
  }
  export interface PoolConfig {
    connectionString?: string;
    max?: number;
    /** Server settings sent at connection start, e.g. '-c synchronous_commit=on'. */
    options?: string;
    application_name?: string;
    connectionTimeoutMillis?: number;
  }
  export interface PoolClient {
    query<R = Record<string, unknown>>(text: string, values?: unknown[]): Promise<QueryResult<R>>;
    release(err?: Error | boolean): void;
    on(event: 'error', listener: (err: Error) => void): this;
    off(event: 'error', listener: (err: Error) => void): this;
  }
  export class Pool {
    constructor(config?: PoolConfig);
    query<R = Record<string, unknown>>(text: string, values?: unknown[]): Promise<QueryResult<R>>;
    connect(): Promise<PoolClient>;
    end(): Promise<void>;
    on(event: 'error', listener: (err: Error) => void): this;
  }
  const pg: { Pool: typeof Pool };
  export default pg;
}
