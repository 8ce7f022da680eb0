import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeskServer } from '../../electron/services/deskserver/desk-server';
import { cleanupTemp, tempDir } from './helpers';
import { addUsers, api, connect, login, PASSWORD, startServer, synced, until } from './deskserver-support';

const ED = 'ed-auth';
let dir: string;
let server: DeskServer;

beforeAll(async () => {
  dir = await tempDir('deskserver');
  await addUsers(dir, { chen: 'chief', li: 'editor' });
  server = await startServer(dir);
  const token = await login(server, 'chen');
  expect((await api(server, 'POST', '/api/editions', { token, body: { id: ED, title: '沁源两会特刊', issueDate: '2027-03-05' } })).status).toBe(201);
}, 60_000);

afterAll(async () => {
  await server?.close();
  await cleanupTemp();
});

describe('desk server sessions', () => {
  it('logs in with the right password and refuses a wrong one', async () => {
    const ok = await api(server, 'POST', '/api/login', { body: { name: 'li', password: PASSWORD } });
    expect(ok.status).toBe(200);
    const { token, user } = ok.json as { token: string; user: unknown };
    expect(user).toEqual({ name: 'li', role: 'editor' });
    expect((await api(server, 'GET', '/api/me', { token })).json).toEqual({ name: 'li', role: 'editor' });
    expect((await api(server, 'POST', '/api/login', { body: { name: 'li', password: 'wrong password' } })).status).toBe(401);
    expect((await api(server, 'POST', '/api/login', { body: { name: 'nobody', password: PASSWORD } })).status).toBe(401);
    expect((await api(server, 'POST', '/api/login', { body: { name: 'li' } })).status).toBe(400);
  });

  it('answers 401 to every API call without a valid session', async () => {
    for (const [method, path] of [['GET', '/api/me'], ['GET', '/api/editions'], ['GET', `/api/audit?edition=${ED}`], ['GET', `/api/signoffs?edition=${ED}`], ['POST', '/api/signoff'], ['POST', '/api/reopen'], ['GET', `/api/photos/${'a'.repeat(64)}`], ['PUT', `/api/photos/${'a'.repeat(64)}`]] as const) {
      expect((await api(server, method, path)).status, `${method} ${path} without token`).toBe(401);
      expect((await api(server, method, path, { token: 'x'.repeat(43) })).status, `${method} ${path} forged token`).toBe(401);
    }
  });

  it('ends a session at logout', async () => {
    const token = await login(server, 'li');
    expect((await api(server, 'POST', '/api/logout', { token })).status).toBe(200);
    expect((await api(server, 'GET', '/api/me', { token })).status).toBe(401);
  });

  it('never hands a document to a provider without a valid session', async () => {
    const chief = connect(server, `story/${ED}/s1/zh`, await login(server, 'chen'));
    await synced(chief);
    chief.doc.getText('t').insert(0, '机密稿件');

    for (const token of [null, 'not-a-session-token-at-all-xxxxxxxxxxxx']) {
      const spy = connect(server, `story/${ED}/s1/zh`, token);
      expect(await spy.refused).toBe('session');
      expect(spy.provider.isSynced).toBe(false);
      expect(spy.doc.getText('t').toString()).toBe('');
      spy.provider.destroy();
    }
    chief.provider.destroy();
  });

  it('refuses malformed names and editions the server does not have', async () => {
    const token = await login(server, 'chen');
    for (const [name, reason] of [['story/../../etc/zh', 'document-name'], ['nonsense', 'document-name'], [`page/${ED}`, 'document-name'], ['edition/not-published', 'not-shared']]) {
      const c = connect(server, name!, token);
      expect(await c.refused, name).toBe(reason);
      c.provider.destroy();
    }
  });

  it('lets an editor write a story another client sees', async () => {
    const a = connect(server, `story/${ED}/s2/zh`, await login(server, 'li'));
    const b = connect(server, `story/${ED}/s2/zh`, await login(server, 'chen'));
    await Promise.all([synced(a), synced(b)]);
    a.doc.getText('t').insert(0, '县融媒体中心');
    await until(b.doc, () => b.doc.getText('t').toString() === '县融媒体中心', 'editor text at chief');
    a.provider.destroy();
    b.provider.destroy();
  });
});
