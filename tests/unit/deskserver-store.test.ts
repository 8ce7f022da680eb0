import { afterAll, afterEach, describe, expect, it } from 'vitest';
import * as encoding from 'lib0/encoding';
import { Accounts } from '../../electron/services/deskserver/accounts';
import { openDeskDb } from '../../electron/services/deskserver/desk-db';
import { createDeskServer, type DeskServer } from '../../electron/services/deskserver/desk-server';
import type { DocStore } from '../../electron/services/deskserver/doc-store';
import { createSqliteDocStore } from '../../electron/services/deskserver/sqlite-doc-store';
import { cleanupTemp, tempDir } from './helpers';
import { acknowledged, addUsers, api, connect, login, poll, storedDoc, synced, until, type Client } from './deskserver-support';

// The order the durability promise rests on, checked in one process: when a desk holds the
// server's acknowledgement, the update is already in docs.db, for the default synchronous
// SQLite store and for an asynchronous store (appendBeforeApply, the way a PostgreSQL store
// plugs in). Also: forged server notices and sessions that end while a connection is open.

const ED = 'ed-store';
const DOC = `story/${ED}/s1/zh`;
let server: DeskServer | null = null;

async function start(store?: (dir: string) => DocStore, sessionSweepMs?: number): Promise<{ dir: string; server: DeskServer }> {
  const dir = await tempDir('deskserver');
  await addUsers(dir, { chen: 'chief', li: 'editor', wang: 'photographer' });
  server = await createDeskServer({ dataDir: dir, port: 0, host: '127.0.0.1', quiet: true, ...(store ? { store: store(dir) } : {}), ...(sessionSweepMs ? { sessionSweepMs } : {}) });
  const token = await login(server, 'chen');
  expect((await api(server, 'POST', '/api/editions', { token, body: { id: ED, title: '特刊', issueDate: '2027-03-05' } })).status).toBe(201);
  return { dir, server };
}

afterEach(async () => {
  await server?.close();
  server = null;
});
afterAll(cleanupTemp);

/** A store that makes every append wait, as a network database would. */
function slowStore(dir: string, ms = 15): DocStore {
  const inner = createSqliteDocStore(`${dir}/docs.db`);
  return {
    ...inner,
    kind: 'slow-sqlite',
    appendBeforeApply: true,
    append: async (name, update) => {
      await new Promise((r) => setTimeout(r, ms));
      await inner.append(name, update);
    },
  };
}

for (const [label, store] of [['SQLite, group commit (the default)', undefined], ['a slow network store (appendBeforeApply)', slowStore]] as const) {
  describe(`persistence before the ack: ${label}`, () => {
    it('has each acknowledged update in docs.db before compaction, and never a refused one', async () => {
      const { dir, server: s } = await start(store);
      const editor = connect(s, DOC, await login(s, 'li'));
      const forger = connect(s, DOC, await login(s, 'wang'));
      await Promise.all([synced(editor), synced(forger)]);
      for (const word of ['县', '融媒', '体中心']) {
        editor.doc.getText('t').insert(editor.doc.getText('t').length, word);
        await acknowledged(editor);
        // Read from the file by a second connection, seconds before any onStoreDocument.
        expect((await storedDoc(dir, DOC)).getText('t').toString()).toBe(editor.doc.getText('t').toString());
      }
      const acks = forger.acks.length;
      forger.doc.getText('t').insert(0, '伪');
      await poll(() => forger.acks.slice(acks).includes(false), 'refusal');
      expect((await storedDoc(dir, DOC)).getText('t').toString()).toBe('县融媒体中心');
      editor.provider.destroy();
      forger.provider.destroy();
    });
  });
}

describe('relayed before the commit, acknowledged after it', () => {
  it('shows a keystroke on the other desk while the slow store is still committing it', async () => {
    const { dir, server: s } = await start((d) => slowStore(d, 1500));
    const writer = connect(s, DOC, await login(s, 'li'));
    const reader = connect(s, DOC, await login(s, 'chen'));
    await Promise.all([synced(writer), synced(reader)]);
    const started = Date.now();
    writer.doc.getText('t').insert(0, '快');
    await until(reader.doc, () => reader.doc.getText('t').toString() === '快', 'reader sees it');
    const relayedMs = Date.now() - started;
    // The other desk has it; the writer does not hold an acknowledgement yet, and docs.db lacks it.
    expect(writer.provider.unsyncedChanges).toBeGreaterThan(0);
    expect((await storedDoc(dir, DOC)).getText('t').toString()).toBe('');
    await acknowledged(writer);
    expect(Date.now() - started).toBeGreaterThan(1400);
    expect(relayedMs).toBeLessThan(1000);
    expect((await storedDoc(dir, DOC)).getText('t').toString()).toBe('快');
    writer.provider.destroy();
    reader.provider.destroy();
  });
});

describe('desk server connections', () => {
  it('closes a connection that broadcasts stateless messages, which reach no one', async () => {
    const { server: s } = await start();
    const a = connect(s, DOC, await login(s, 'wang'));
    const b = connect(s, DOC, await login(s, 'li'));
    await Promise.all([synced(a), synced(b)]);
    let closed = false;
    a.provider.on('close', () => (closed = true));
    a.provider.sendStateless(JSON.stringify({ event: 'private', note: 'to the server only' }));
    a.provider.configuration.websocketProvider.send(broadcastStateless(DOC, JSON.stringify({ event: 'signoff', pageId: 'fake' })));
    await poll(() => closed, 'forger closed');
    b.doc.getText('t').insert(0, '还在');
    await acknowledged(b);
    expect(b.stateless).toEqual([]);
    a.provider.destroy();
    b.provider.destroy();
  });

  it('closes open connections of a user whose password was changed elsewhere', async () => {
    const { dir, server: s } = await start(undefined, 100);
    const c: Client = connect(s, DOC, await login(s, 'li'));
    await synced(c);
    let closed = false;
    c.provider.on('close', () => (closed = true));
    // As `edition-desk user passwd li` does, from another process's connection to desk.db.
    const db = openDeskDb(dir);
    await new Accounts(db).setPassword('li', 'a new password 2');
    db.close();
    await poll(() => closed, 'connection closed after passwd');
    c.doc.getText('t').insert(0, '改密码后');
    const other = connect(s, DOC, await login(s, 'chen'));
    await synced(other);
    expect(other.doc.getText('t').toString()).toBe('');
    c.provider.destroy();
    other.provider.destroy();
  });
});

/** What a desk would send to have Hocuspocus relay `payload` to every connection (MessageType.BroadcastStateless). */
function broadcastStateless(name: string, payload: string): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarString(e, name);
  encoding.writeVarUint(e, 6);
  encoding.writeVarString(e, payload);
  return encoding.toUint8Array(e);
}
