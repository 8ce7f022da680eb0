import pg, { type Pool, type PoolClient } from 'pg';
import * as Y from 'yjs';
import type { DocStore } from './doc-store';

// The desk server's document store on PostgreSQL (issue 12, "beyond one server"): several
// server instances behind Hocuspocus' Redis extension share one database. SQLite stays the
// default for one centre; this store is for a newspaper group.
//
// Shape: an append-only log of Yjs updates per document, folded into one merged row from
// time to time. Durability is PostgreSQL's own: each append is one INSERT in autocommit, and
// with synchronous_commit=on (forced per connection below, whatever postgresql.conf says)
// the INSERT returns only after its WAL record is flushed to disk. `appendBeforeApply`
// tells the desk server to await that return in Hocuspocus' beforeHandleMessage hook, the
// only hook 3.4.4 awaits before it applies an update and sends its SyncStatus
// acknowledgement (persistence.ts, doc-store.ts; the other desks get the update before the
// commit, without waiting on it). If the INSERT fails the hook throws, Hocuspocus closes that
// connection, and the update is not acknowledged: the provider keeps it and sends it again. So every update a client was told
// is stored survives a crash (SIGKILL) of the server instance or of PostgreSQL.

const SCHEMA = `
CREATE TABLE IF NOT EXISTS desk_doc_updates (
  id     BIGSERIAL PRIMARY KEY,
  doc    TEXT NOT NULL,
  body   BYTEA NOT NULL,
  at     TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS desk_doc_updates_doc ON desk_doc_updates (doc, id);
`;

/** Two instances starting at once both run CREATE … IF NOT EXISTS; this lock serialises them. */
const SCHEMA_LOCK = 7_700_012;

export interface PostgresStoreOptions {
  /** postgres://user:password@host:port/database */
  url: string;
  /** Connections in the pool; one INSERT in flight per connection. */
  max?: number;
}

export class PostgresStore implements DocStore {
  readonly kind = 'postgres';
  readonly appendBeforeApply = true;
  private closed = false;

  private constructor(private readonly pool: Pool) {}

  static async open({ url, max = 8 }: PostgresStoreOptions): Promise<PostgresStore> {
    const pool = new pg.Pool({
      connectionString: url,
      max,
      options: '-c synchronous_commit=on',
      application_name: 'edition-desk serve',
      connectionTimeoutMillis: 10_000,
    });
    // An idle client that loses its server emits 'error' on the pool; without a listener
    // that would end the process. The next query reconnects or fails on its own.
    pool.on('error', (e) => console.error(`postgres: ${e.message}`));
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock($1)', [SCHEMA_LOCK]);
      await client.query(SCHEMA);
      await client.query('COMMIT');
      client.release();
    } catch (e) {
      client.release(true);
      await pool.end();
      throw e;
    }
    return new PostgresStore(pool);
  }

  /** Every stored update of the document, oldest first; [] for a new document. */
  async load(name: string): Promise<Uint8Array[]> {
    const { rows } = await this.pool.query<{ body: Buffer }>('SELECT body FROM desk_doc_updates WHERE doc = $1 ORDER BY id', [name]);
    return rows.map((r) => new Uint8Array(r.body));
  }

  /** Resolves once the update is committed (and so on disk). */
  async append(name: string, update: Uint8Array): Promise<void> {
    await this.pool.query('INSERT INTO desk_doc_updates (doc, body) VALUES ($1, $2)', [name, Buffer.from(update)]);
  }

  /**
   * Folds the document's log into one row: `state` (this instance's document) merged with
   * every row read here. Several instances hold the document, and this one may not have
   * received another's latest updates through Redis yet, so `state` alone could drop them;
   * the rows themselves cannot. Only the rows read are deleted, by id: an update another
   * instance commits meanwhile (its id may even be lower, sequences are not commit-ordered)
   * is neither read nor deleted and stays in the log. One transaction: a crash leaves the
   * old rows or the new one.
   */
  async compact(name: string, state: Uint8Array): Promise<void> {
    let client: PoolClient;
    try {
      client = await this.pool.connect();
    } catch (e) {
      console.error(`postgres: folding ${name} skipped, no connection: ${(e as Error).message}`);
      return;
    }
    // A checked-out client has no pool listener: if the server goes away (a restart) it
    // emits 'error', which unheard would end the process. The query below fails as well.
    const onError = (e: Error) => console.error(`postgres: ${e.message}`);
    client.on('error', onError);
    let failed: Error | undefined;
    try {
      await client.query('BEGIN');
      const { rows } = await client.query<{ id: string; body: Buffer }>('SELECT id, body FROM desk_doc_updates WHERE doc = $1 ORDER BY id FOR UPDATE', [name]);
      if (rows.length > 1 || (rows.length === 1 && !sameBytes(rows[0]!.body, state))) {
        const merged = Y.mergeUpdates([state, ...rows.map((r) => new Uint8Array(r.body))]);
        await client.query('DELETE FROM desk_doc_updates WHERE id = ANY($1::bigint[])', [rows.map((r) => r.id)]);
        await client.query('INSERT INTO desk_doc_updates (doc, body) VALUES ($1, $2)', [name, Buffer.from(merged)]);
      } else if (rows.length === 0 && state.length > 2) {
        // Nothing in the log yet the document has content (it came from elsewhere): keep it.
        await client.query('INSERT INTO desk_doc_updates (doc, body) VALUES ($1, $2)', [name, Buffer.from(state)]);
      }
      await client.query('COMMIT');
    } catch (e) {
      // Not thrown: every update is in the log already, so a failed fold loses nothing, and
      // Hocuspocus leaves a rejection of the unload-time onStoreDocument unhandled, which
      // would end the whole server over a database blip.
      failed = e as Error;
      await client.query('ROLLBACK').catch(() => undefined);
      console.error(`postgres: folding ${name} failed, its log stays as it was: ${failed.message}`);
    } finally {
      client.off('error', onError);
      // A client that failed is dropped, not handed to the next query.
      client.release(failed ?? false);
    }
  }

  /** Rows in the document's log (tests and `serve` diagnostics). */
  async rowCount(name: string): Promise<number> {
    const { rows } = await this.pool.query<{ n: string }>('SELECT count(*) AS n FROM desk_doc_updates WHERE doc = $1', [name]);
    return Number(rows[0]?.n ?? 0);
  }

  /** Idempotent: the desk server closes its store, and so does the scale-out wiring. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && Buffer.compare(a, b) === 0;
}
