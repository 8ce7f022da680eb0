import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { Redis } from '@hocuspocus/extension-redis';
import type { Extension } from '@hocuspocus/server';
import { PostgresStore } from './store-postgres';

// `edition-desk serve --postgres URL --redis URL`: what one desk-server instance adds to
// become one of several behind Hocuspocus' Redis extension, all sharing one PostgreSQL
// database. Redis carries the sync and awareness messages between instances (pub/sub on one
// channel per document, @hocuspocus/extension-redis 3.4.4 as it is) and a lock so that
// usually one instance folds a document's log at a time; PostgreSQL keeps the documents
// (store-postgres.ts, passed to createDeskServer as its `store`). Without both flags a
// server is the single-centre setup on SQLite.

export interface ScaleOutOptions {
  postgres: string;
  redis: string;
  /** Unique per instance; Redis messages an instance published itself are skipped by it. */
  identifier?: string;
}

export interface ScaleOut {
  store: PostgresStore;
  extensions: Extension[];
  close(): Promise<void>;
}

/** redis://[user:password@]host[:port][/db] → the extension's host, port and ioredis options. */
export function redisConfig(url: string): { host: string; port: number; options: { username?: string; password?: string; db?: number; lazyConnect?: boolean } } {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new Error(`--redis: not a URL: ${url}`);
  }
  if (u.protocol !== 'redis:') throw new Error(`--redis: expected redis://host:port, got ${u.protocol}`);
  const db = u.pathname.replace(/^\//, '');
  if (db !== '' && !/^\d+$/.test(db)) throw new Error(`--redis: database must be a number, got ${db}`);
  const options: { username?: string; password?: string; db?: number } = {};
  if (u.username) options.username = decodeURIComponent(u.username);
  if (u.password) options.password = decodeURIComponent(u.password);
  if (db !== '') options.db = Number(db);
  return { host: u.hostname.replace(/^\[|\]$/g, '') || '127.0.0.1', port: u.port ? Number(u.port) : 6379, options };
}

export function checkPostgresUrl(url: string): void {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new Error(`--postgres: not a URL: ${url}`);
  }
  if (u.protocol !== 'postgres:' && u.protocol !== 'postgresql:') throw new Error(`--postgres: expected postgres://user:password@host:port/database, got ${u.protocol}`);
}

/** Opens the store (creating its table) and the Redis extension; fails fast when either is unreachable. */
export async function openScaleOut({ postgres, redis, identifier }: ScaleOutOptions): Promise<ScaleOut> {
  checkPostgresUrl(postgres);
  const { host, port, options } = redisConfig(redis);
  const store = await PostgresStore.open({ url: postgres });
  const redisExt = new Redis({
    host,
    port,
    options: { ...options, maxRetriesPerRequest: 3 },
    identifier: identifier ?? `${hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`,
    prefix: 'edition-desk',
  });
  // ioredis reconnects on its own and emits 'error' on every failed try; one line per new
  // error is enough (without a listener it prints a stack each time).
  let lastError = '';
  const onError = (e: Error) => {
    if (e.message !== lastError) console.error(`redis ${host}:${port}: ${e.message}`);
    lastError = e.message;
  };
  redisExt.pub.on('error', onError);
  redisExt.sub.on('error', onError);
  redisExt.pub.on('ready', () => (lastError = ''));
  try {
    await redisExt.pub.ping();
  } catch (e) {
    redisExt.pub.disconnect();
    redisExt.sub.disconnect();
    await store.close();
    throw new Error(`--redis: ${redis} does not answer: ${(e as Error).message}`);
  }
  return {
    store,
    extensions: [redisExt],
    async close() {
      // The desk server closes its connections and store but does not destroy its Hocuspocus
      // instance, so the extension's onDestroy (which would quit these) never runs. Documents
      // unload a disconnectDelay (1 s) after their last connection and then unsubscribe from
      // Redis; wait for that (3 s at most) so the unsubscribe finds the client still open.
      const end = Date.now() + 3000;
      while ((redisExt.instance?.documents.size ?? 0) > 0 && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
      redisExt.pub.disconnect();
      redisExt.sub.disconnect();
      await store.close();
    },
  };
}
