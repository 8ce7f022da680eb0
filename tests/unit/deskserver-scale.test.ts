import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { redisConfig } from '../../electron/services/deskserver/scale-out';
import { PostgresStore } from '../../electron/services/deskserver/store-postgres';
import { cleanupTemp, tempDir } from './helpers';
import { acknowledged, addUsers, api, connect, login, synced, until, type Client } from './deskserver-support';
import { SCALE_SKIP_REASON, TEST_PG, startInstance, type Instance } from './scale-support';

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

async function storedText(name: string): Promise<string> {
  const reader = await PostgresStore.open({ url: TEST_PG });
  try {
    const doc = new Y.Doc();
    const updates = await reader.load(name);
    if (updates.length) Y.applyUpdate(doc, Y.mergeUpdates(updates));
    return doc.get('root', Y.XmlText).toString();
  } finally {
    await reader.close();
  }
}

describe.skipIf(SCALE_SKIP_REASON !== '')('two desk-server instances sharing Redis and PostgreSQL', () => {
  // A fresh edition id per run: the database outlives the test.
  const ED = `ed-scale-${randomUUID().slice(0, 8)}`;
  let dir: string;
  const instances: Instance[] = [];
  const clients: Client[] = [];
  let tokenA = '';
  let tokenB = '';

  async function instance(): Promise<Instance> {
    const i = await startInstance(dir);
    instances.push(i);
    return i;
  }
  function client(i: Instance, name: string, token: string): Client {
    const c = connect(i.server, name, token);
    clients.push(c);
    return c;
  }

  beforeAll(async () => {
    dir = await tempDir('deskserver-scale');
    await addUsers(dir, { li: 'editor', liu: 'editor', zhao: 'layout' });
    const a = await instance();
    const b = await instance();
    tokenA = await login(a.server, 'li');
    tokenB = await login(b.server, 'liu'); // a session made on B is good on A and back
    const publish = await api(a.server, 'POST', '/api/editions', { token: await login(a.server, 'zhao'), body: { id: ED, title: '沁源两会特刊', issueDate: '2027-03-05' } });
    expect(publish.status).toBe(201);
  }, 60_000);

  afterAll(async () => {
    for (const c of clients) c.provider.destroy();
    await Promise.all(instances.map((i) => i.stop().catch(() => undefined)));
    await cleanupTemp();
  }, 60_000);

  it('a client on A and a client on B edit one story and see each other; after both restart it loads intact from PostgreSQL', async () => {
    const name = `story/${ED}/story-2026/zh`;
    const [a, b] = instances as [Instance, Instance];
    const ca = client(a, name, tokenA);
    const cb = client(b, name, tokenB);
    await Promise.all([synced(ca), synced(cb)]);
    const ta = ca.doc.get('root', Y.XmlText);
    const tb = cb.doc.get('root', Y.XmlText);

    ta.insert(0, '沁源县');
    await until(cb.doc, () => tb.toString() === '沁源县', 'B sees A’s text');
    tb.insert(3, '融媒体中心');
    await until(ca.doc, () => ta.toString() === '沁源县融媒体中心', 'A sees B’s text');
    // Both at once: Yjs orders concurrent inserts the same on both sides.
    for (let i = 0; i < 20; i++) {
      ta.insert(0, 'a');
      tb.insert(tb.length, 'b');
    }
    await until(ca.doc, () => ta.length === 48, 'A has all 48');
    await until(cb.doc, () => tb.toString() === ta.toString(), 'both converge');
    await Promise.all([acknowledged(ca), acknowledged(cb)]);
    const final = ta.toString();
    expect(final).toMatch(/^a{20}沁源县融媒体中心b{20}$/);

    // Both instances go away (clients first, so nothing reconnects meanwhile), two new ones start.
    ca.provider.destroy();
    cb.provider.destroy();
    await Promise.all(instances.splice(0).map((i) => i.stop()));
    const a2 = await instance();
    const b2 = await instance();
    const fresh = client(b2, name, tokenB);
    await synced(fresh);
    expect(fresh.doc.get('root', Y.XmlText).toString()).toBe(final);
    const other = client(a2, name, tokenA);
    await synced(other);
    expect(other.doc.get('root', Y.XmlText).toString()).toBe(final);
    expect(await storedText(name)).toBe(final);
  }, 60_000);

  it('presence crosses instances: a desk on B sees who is in the story on A, and sees them leave', async () => {
    const name = `story/${ED}/story-2027/zh`;
    const [a, b] = instances as [Instance, Instance];
    const ca = client(a, name, tokenA);
    const cb = client(b, name, tokenB);
    await Promise.all([synced(ca), synced(cb)]);
    ca.provider.setAwarenessField('user', { name: '李编辑', color: '#c0392b' });
    const seesLi = () => [...cb.provider.awareness!.getStates().values()].some((st) => (st as { user?: { name?: string } }).user?.name === '李编辑');
    await new Promise<void>((done, fail) => {
      const t = setTimeout(() => fail(new Error('B never saw A’s presence')), 10_000);
      const check = () => { if (seesLi()) { clearTimeout(t); cb.provider.awareness!.off('change', check); done(); } };
      cb.provider.awareness!.on('change', check);
      check();
    });
    ca.provider.destroy();
    await new Promise<void>((done, fail) => {
      const t = setTimeout(() => fail(new Error('A’s presence stayed on B after A left')), 10_000);
      const check = () => { if (!seesLi()) { clearTimeout(t); cb.provider.awareness!.off('change', check); done(); } };
      cb.provider.awareness!.on('change', check);
      check();
    });
  }, 60_000);

  it('an update is acknowledged only once its INSERT committed', async () => {
    const name = `story/${ED}/story-2025/en`;
    const c = client(instances[0]!, name, tokenA);
    await synced(c);
    const text = c.doc.get('root', Y.XmlText);
    text.insert(0, 'w0 ');
    await acknowledged(c);
    expect(await storedText(name)).toBe('w0 ');

    // Another session holds a lock that makes every INSERT into the log wait (SHARE mode
    // conflicts with an INSERT's ROW EXCLUSIVE): the update must not be acknowledged then.
    const locker = new pg.Pool({ connectionString: TEST_PG, max: 1 });
    const session = await locker.connect();
    try {
      await session.query('BEGIN');
      await session.query('LOCK TABLE desk_doc_updates IN SHARE MODE');
      text.insert(3, 'w1 ');
      await expect(acknowledged(c, 800)).rejects.toThrow(/timed out/);
      await session.query('COMMIT');
      await acknowledged(c);
      expect(await storedText(name)).toBe('w0 w1 ');
    } finally {
      session.release();
      await locker.end();
    }
  }, 60_000);

  it('an update the store cannot commit is not acknowledged: the writer keeps it to send again', async () => {
    const name = `story/${ED}/story-2024/zh`;
    const a = await instance();
    const b = instances[1]!;
    const writer = client(a, name, tokenA);
    const watcher = client(b, name, tokenB);
    await Promise.all([synced(writer), synced(watcher)]);
    const wt = writer.doc.get('root', Y.XmlText);
    wt.insert(0, '已存');
    await acknowledged(writer);
    await until(watcher.doc, () => watcher.doc.get('root', Y.XmlText).toString() === '已存', 'watcher sees the stored text');

    await a.scale.store.close(); // A loses its database
    wt.insert(2, '未存');
    await expect(acknowledged(writer, 1500)).rejects.toThrow(/timed out/);
    expect(writer.provider.hasUnsyncedChanges).toBe(true);
    // Not in the database; the other desks may already show it (relayed before the commit,
    // persistence.ts), and the writer, never acknowledged, sends it again on reconnecting.
    expect(await storedText(name)).toBe('已存');
    writer.provider.destroy();
  }, 60_000);

  it('compaction folds the log into one row and keeps updates appended meanwhile', async () => {
    const name = `page/${ED}/p-${randomUUID().slice(0, 8)}`;
    const store = await PostgresStore.open({ url: TEST_PG });
    try {
      const src = new Y.Doc();
      const updates: Uint8Array[] = [];
      src.on('update', (u: Uint8Array) => updates.push(u));
      const text = src.get('root', Y.XmlText);
      for (let i = 0; i < 30; i++) text.insert(text.length, String(i % 10));
      for (const u of updates.slice(0, 20)) await store.append(name, u);
      // An instance that has seen only the first 10 updates folds while the last 10 arrive:
      // its stale state must not cost the rows it has not seen.
      const stale = new Y.Doc();
      for (const u of updates.slice(0, 10)) Y.applyUpdate(stale, u);
      const staleState = Y.encodeStateAsUpdate(stale);
      await Promise.all([store.compact(name, staleState), ...updates.slice(20).map((u) => store.append(name, u)), store.compact(name, staleState)]);
      await store.compact(name, staleState);
      expect(await store.rowCount(name)).toBe(1);
      const back = new Y.Doc();
      Y.applyUpdate(back, Y.mergeUpdates(await store.load(name)));
      expect(back.get('root', Y.XmlText).toString()).toBe(text.toString());
    } finally {
      await store.close();
    }
  }, 60_000);
});
