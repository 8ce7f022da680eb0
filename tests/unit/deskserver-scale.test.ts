import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openScaleOut, redisConfig, type ScaleOut } from '../../electron/services/deskserver/scale-out';
import { PostgresStore } from '../../electron/services/deskserver/store-postgres';
import { updateInMessage } from '../../electron/services/deskserver/update-log';
import {
  SCALE_SKIP_REASON, TEST_PG, TEST_REDIS, acknowledged, closeClient, connectClient, startInstance, until,
  type Client, type Instance,
} from './scale-support';

// Issue 12, "beyond one server": two desk-server instances on loopback behind Hocuspocus'
// Redis extension, both storing into one PostgreSQL database. Real redis-server and
// PostgreSQL (Debian's packages, started by .ci/run); skipped, saying why, where they are not.

if (SCALE_SKIP_REASON) console.log(`skip: deskserver-scale: ${SCALE_SKIP_REASON}`);

describe('redis URL', () => {
  it('reads host, port, password and database; refuses other schemes', () => {
    expect(redisConfig('redis://127.0.0.1:6380/2')).toEqual({ host: '127.0.0.1', port: 6380, options: { db: 2 } });
    expect(redisConfig('redis://:s%40cret@[::1]')).toEqual({ host: '::1', port: 6379, options: { password: 's@cret' } });
    expect(() => redisConfig('http://127.0.0.1:6379')).toThrow(/redis:\/\//);
    expect(() => redisConfig('redis://127.0.0.1/x')).toThrow(/number/);
  });
});

describe.skipIf(SCALE_SKIP_REASON !== '')('two instances sharing Redis and PostgreSQL', () => {
  const opened: ScaleOut[] = [];
  const instances: Instance[] = [];
  const clients: Client[] = [];
  afterAll(async () => {
    clients.forEach(closeClient);
    await Promise.all(instances.map((i) => i.stop().catch(() => undefined)));
    await Promise.all(opened.map((o) => o.close().catch(() => undefined)));
  }, 60_000);

  async function instance(): Promise<Instance> {
    const scale = await openScaleOut({ postgres: TEST_PG, redis: TEST_REDIS });
    opened.push(scale);
    const i = await startInstance(scale.extensions);
    instances.push(i);
    return i;
  }
  async function client(url: string, doc: string): Promise<Client> {
    const c = await connectClient(url, doc);
    clients.push(c);
    return c;
  }

  it('a client on A and a client on B edit one story and see each other; after both restart it loads intact from PostgreSQL', async () => {
    const doc = `story/ed-scale/${randomUUID()}/zh`;
    let a = await instance();
    let b = await instance();
    const ca = await client(a.url, doc);
    const cb = await client(b.url, doc);

    ca.text.insert(0, '沁源县');
    await until(() => cb.text.toString() === '沁源县', 'B sees A’s text');
    cb.text.insert(3, '融媒体中心');
    await until(() => ca.text.toString() === '沁源县融媒体中心', 'A sees B’s text');
    // Both at once, at the same place: Yjs orders them the same on both sides.
    for (let i = 0; i < 20; i++) {
      ca.text.insert(0, 'a');
      cb.text.insert(cb.text.length, 'b');
    }
    await until(() => ca.text.toString() === cb.text.toString() && ca.text.length === 48, 'both converge');
    await acknowledged(ca);
    await acknowledged(cb);
    const final = ca.text.toString();

    // Both instances go away (clients first, so nothing reconnects meanwhile), two new ones start.
    closeClient(clients.pop()!);
    closeClient(clients.pop()!);
    await a.stop();
    await b.stop();
    a = await instance();
    b = await instance();
    const fresh = await client(b.url, doc);
    expect(fresh.text.toString()).toBe(final);
    const other = await client(a.url, doc);
    expect(other.text.toString()).toBe(final);
  });

  it('an acknowledged update is already committed in PostgreSQL', async () => {
    const doc = `story/ed-scale/${randomUUID()}/en`;
    const a = await instance();
    const c = await client(a.url, doc);
    const reader = await PostgresStore.open({ url: TEST_PG });
    try {
      for (let i = 0; i < 10; i++) {
        c.text.insert(c.text.length, `w${i} `);
        await acknowledged(c);
        // No waiting beyond the acknowledgement: the row must be there now.
        const stored = new Y.Doc();
        Y.applyUpdate(stored, (await reader.load(doc))!);
        expect(stored.get('root', Y.XmlText).toString()).toBe(c.text.toString());
      }
    } finally {
      await reader.close();
    }
  });

  it('an update the store cannot commit is not acknowledged and reaches no one', async () => {
    const doc = `story/ed-scale/${randomUUID()}/zh`;
    const scale = await openScaleOut({ postgres: TEST_PG, redis: TEST_REDIS });
    opened.push(scale);
    const a = await startInstance(scale.extensions);
    instances.push(a);
    const b = await instance();
    const writer = await client(a.url, doc);
    const watcher = await client(b.url, doc);
    writer.text.insert(0, '已存');
    await acknowledged(writer);
    await until(() => watcher.text.toString() === '已存', 'watcher sees the stored text');

    await scale.store.close(); // A's database connection is gone
    writer.text.insert(2, '未存');
    await new Promise((r) => setTimeout(r, 1500));
    expect(writer.provider.hasUnsyncedChanges).toBe(true);
    expect(watcher.text.toString()).toBe('已存');
    const reader = await PostgresStore.open({ url: TEST_PG });
    const stored = new Y.Doc();
    Y.applyUpdate(stored, (await reader.load(doc))!);
    await reader.close();
    expect(stored.get('root', Y.XmlText).toString()).toBe('已存');
  });

  it('compaction folds the log into one row and keeps updates appended meanwhile', async () => {
    const doc = `page/ed-scale/${randomUUID()}`;
    const store = await PostgresStore.open({ url: TEST_PG });
    try {
      const src = new Y.Doc();
      const updates: Uint8Array[] = [];
      src.on('update', (u: Uint8Array) => updates.push(u));
      const text = src.get('root', Y.XmlText);
      for (let i = 0; i < 30; i++) text.insert(text.length, String(i % 10));
      for (const u of updates.slice(0, 20)) await store.append(doc, u);
      // The rest is appended while compactions run.
      await Promise.all([store.compact(doc), ...updates.slice(20).map((u) => store.append(doc, u)), store.compact(doc)]);
      await store.compact(doc);
      expect(await store.rowCount(doc)).toBe(1);
      const back = new Y.Doc();
      Y.applyUpdate(back, (await store.load(doc))!);
      expect(back.get('root', Y.XmlText).toString()).toBe(text.toString());
    } finally {
      await store.close();
    }
  });
});

describe('update in a Hocuspocus message', () => {
  it('finds the update of sync step 2 and update messages, nothing in others', async () => {
    const encoding = await import('lib0/encoding');
    const msg = (type: number, step?: number, body?: Uint8Array) => {
      const e = encoding.createEncoder();
      encoding.writeVarString(e, 'story/x/y/zh');
      encoding.writeVarUint(e, type);
      if (step !== undefined) encoding.writeVarUint(e, step);
      if (body) encoding.writeVarUint8Array(e, body);
      return encoding.toUint8Array(e);
    };
    const u = new Uint8Array([1, 2, 3]);
    expect(updateInMessage(msg(0, 2, u))).toEqual(u);
    expect(updateInMessage(msg(0, 1, u))).toEqual(u);
    expect(updateInMessage(msg(0, 0, u))).toBeNull(); // sync step 1 carries a state vector
    expect(updateInMessage(msg(1, undefined, u))).toBeNull(); // awareness
  });
});
