import pg from 'pg';
import * as Y from 'yjs';
import type { UpdateLogStore } from './update-log';

// The desk server's document store on PostgreSQL (issue 12, "beyond one server"): several
// server instances behind Hocuspocus' Redis extension share one database. SQLite stays the
// default for one centre; this store is for a newspaper group.
//
// Shape: an append-only log of Yjs updates per document, folded into one merged row from
// time to time. Durability is PostgreSQL's own: each append is one INSERT in autocommit, and
// with synchronous_commit=on (forced per connection below, whatever postgresql.conf says)
// the INSERT returns only after its WAL record is flushed to disk. The desk server awaits
// that return before the update is applied and acknowledged (update-log.ts), so every
// update a client was told is stored survives a crash of the server or of PostgreSQL.

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

export class PostgresStore implements UpdateLogStore {
  private constructor(private readonly pool: pg.Pool) {}

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

  /** The document's whole state as one update, or null when it was never stored. */
  async load(name: string): Promise<Uint8Array | null> {
    const { rows } = await this.pool.query<{ body: Buffer }>('SELECT body FROM desk_doc_updates WHERE doc = $1 ORDER BY id', [name]);
    if (rows.length === 0) return null;
    return rows.length === 1 ? new Uint8Array(rows[0]!.body) : Y.mergeUpdates(rows.map((r) => new Uint8Array(r.body)));
  }

  /** Resolves once the update is committed (and so on disk). */
  async append(name: string, update: Uint8Array): Promise<void> {
    await this.pool.query('INSERT INTO desk_doc_updates (doc, body) VALUES ($1, $2)', [name, Buffer.from(update)]);
  }

  /**
   * Folds the document's log into one row. Only the rows read here are deleted, by id: an
   * update another instance commits meanwhile (its id may even be lower, sequences are not
   * commit-ordered) is neither read nor deleted, so it stays in the log. The merged row is
   * made from the rows themselves, not from this instance's in-memory doc, which may not
   * have received the other instances' latest updates through Redis yet.
   */
  async compact(name: string): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const { rows } = await client.query<{ id: string; body: Buffer }>('SELECT id, body FROM desk_doc_updates WHERE doc = $1 ORDER BY id FOR UPDATE', [name]);
      if (rows.length > 1) {
        const merged = Y.mergeUpdates(rows.map((r) => new Uint8Array(r.body)));
        await client.query('DELETE FROM desk_doc_updates WHERE id = ANY($1::bigint[])', [rows.map((r) => r.id)]);
        await client.query('INSERT INTO desk_doc_updates (doc, body) VALUES ($1, $2)', [name, Buffer.from(merged)]);
      }
      await client.query('COMMIT');
    } catch (e) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      client.release();
    }
  }

  /** Rows in the document's log (tests and `serve` diagnostics). */
  async rowCount(name: string): Promise<number> {
    const { rows } = await this.pool.query<{ n: string }>('SELECT count(*) AS n FROM desk_doc_updates WHERE doc = $1', [name]);
    return Number(rows[0]?.n ?? 0);
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
