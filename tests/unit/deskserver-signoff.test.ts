import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry, SignOff } from '../../shared/collab/protocol';
import { parseServerNotice } from '../../shared/collab/server-notice';
import type { DeskServer } from '../../electron/services/deskserver/desk-server';
import { cleanupTemp, tempDir } from './helpers';
import { acknowledged, addUsers, api, connect, login, poll, startServer, synced, until } from './deskserver-support';

// 签发: a signed page is read-only for everyone but the chief, also for a layout desk that
// had it open before the sign-off, until the chief reopens it; both are in the audit log.

const ED = 'ed-sign';
const PAGE = `page/${ED}/page-1`;
let dir: string;
let server: DeskServer;
let chief: string;
let layout: string;

beforeAll(async () => {
  dir = await tempDir('deskserver');
  await addUsers(dir, { chen: 'chief', zhao: 'layout', li: 'editor' });
  server = await startServer(dir);
  chief = await login(server, 'chen');
  layout = await login(server, 'zhao');
  expect((await api(server, 'POST', '/api/editions', { token: layout, body: { id: ED, title: '特刊', issueDate: '2027-03-05' } })).status).toBe(201);
}, 60_000);

afterAll(async () => {
  await server?.close();
  await cleanupTemp();
});

const blocks = (c: { doc: import('yjs').Doc }) => c.doc.getMap<string>('blocks');

describe('sign-off', () => {
  it('refuses a non-chief and unknown editions', async () => {
    for (const token of [layout, await login(server, 'li')]) {
      expect((await api(server, 'POST', '/api/signoff', { token, body: { editionId: ED, pageId: 'page-1', round: 1 } })).status).toBe(403);
      expect((await api(server, 'POST', '/api/reopen', { token, body: { editionId: ED, pageId: 'page-1' } })).status).toBe(403);
    }
    expect((await api(server, 'POST', '/api/signoff', { token: chief, body: { editionId: 'ed-none', pageId: 'page-1', round: 1 } })).status).toBe(404);
    expect((await api(server, 'POST', '/api/signoff', { token: chief, body: { editionId: ED, pageId: 'page-1', round: 0 } })).status).toBe(400);
    expect((await api(server, 'GET', `/api/audit?edition=${ED}`, { token: chief })).json).toEqual([]);
  });

  it("makes an open layout connection read-only until the chief reopens, and audits both", async () => {
    const desk = connect(server, PAGE, layout);
    const boss = connect(server, PAGE, chief);
    await Promise.all([synced(desk), synced(boss)]);
    blocks(desk).set('h1', '主标题');
    await until(boss.doc, () => blocks(boss).get('h1') === '主标题', 'layout edit before sign-off');

    const signed = await api(server, 'POST', '/api/signoff', { token: chief, body: { editionId: ED, pageId: 'page-1', round: 2 } });
    expect(signed.status).toBe(200);
    expect(signed.json).toMatchObject({ editionId: ED, pageId: 'page-1', round: 2, by: 'chen' });
    expect((await api(server, 'POST', '/api/signoff', { token: chief, body: { editionId: ED, pageId: 'page-1', round: 2 } })).status).toBe(409);
    expect(((await api(server, 'GET', `/api/signoffs?edition=${ED}`, { token: layout })).json as SignOff[]).map((s) => [s.pageId, s.round])).toEqual([['page-1', 2]]);
    await poll(() => desk.stateless.length > 0, 'sign-off notice');
    expect(parseServerNotice(desk.stateless[0]!)).toMatchObject({ event: 'signoff', editionId: ED, pageId: 'page-1', round: 2, by: 'chen' });

    // Layout's edit on the signed page is refused; the chief's own edit goes through.
    blocks(desk).set('h1', '签发后改的');
    blocks(boss).set('credit', '值班总编改的');
    await acknowledged(boss);
    await until(desk.doc, () => blocks(desk).get('credit') === '值班总编改的', 'chief edit at layout');
    expect(blocks(boss).get('h1')).toBe('主标题');
    // A layout desk that connects now is read-only from the start.
    const late = connect(server, PAGE, await login(server, 'zhao'));
    await synced(late);
    expect(late.provider.authorizedScope).toBe('readonly');
    expect(blocks(late).get('h1')).toBe('主标题');
    late.provider.destroy();

    expect((await api(server, 'POST', '/api/reopen', { token: chief, body: { editionId: ED, pageId: 'page-1' } })).status).toBe(200);
    expect((await api(server, 'POST', '/api/reopen', { token: chief, body: { editionId: ED, pageId: 'page-1' } })).status).toBe(409);
    // Reopened: the same connection writes again (the server asked it to resync, so what it
    // typed meanwhile arrives too, and nothing of it waits forever on a missing update).
    await poll(() => desk.stateless.length > 1, 'reopen notice');
    expect(parseServerNotice(desk.stateless[1]!)).toMatchObject({ event: 'reopen', pageId: 'page-1', round: 2, by: 'chen' });
    blocks(desk).set('footer', '重开后');
    await until(boss.doc, () => blocks(boss).get('footer') === '重开后', 'layout edit after reopen');
    expect(blocks(boss).get('h1')).toBe(blocks(desk).get('h1'));

    const audit = (await api(server, 'GET', `/api/audit?edition=${ED}`, { token: layout })).json as AuditEntry[];
    expect(audit.map((a) => [a.action, a.user, a.pageId, a.round])).toEqual([['signoff', 'chen', 'page-1', 2], ['reopen', 'chen', 'page-1', 2]]);
    expect(Date.parse(audit[0]!.at)).toBeLessThanOrEqual(Date.parse(audit[1]!.at));
    desk.provider.destroy();
    boss.provider.destroy();
  });

  it('keeps sign-offs and the audit across a restart', async () => {
    expect((await api(server, 'POST', '/api/signoff', { token: chief, body: { editionId: ED, pageId: 'page-1', round: 3 } })).status).toBe(200);
    await server.close();
    server = await startServer(dir);
    const token = await login(server, 'zhao');
    expect(((await api(server, 'GET', `/api/signoffs?edition=${ED}`, { token })).json as SignOff[])[0]).toMatchObject({ round: 3, by: 'chen' });
    expect(((await api(server, 'GET', `/api/audit?edition=${ED}`, { token })).json as AuditEntry[]).map((a) => a.action)).toEqual(['signoff', 'reopen', 'signoff']);
    const desk = connect(server, PAGE, token);
    await synced(desk);
    expect(desk.provider.authorizedScope).toBe('readonly');
    desk.provider.destroy();
  });
});
