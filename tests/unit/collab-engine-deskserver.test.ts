import { afterEach, describe, expect, it } from 'vitest';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Workspace } from '../../electron/services/workspace';
import { signoffChannels } from '../../electron/services/collab/signoff-api';
import { createDeskServer, type DeskServer } from '../../electron/services/deskserver/desk-server';
import { addUsers, api, login, PASSWORD } from './deskserver-support';
import { connectRenderer, startDesk, tempDir, until } from '../support/collab-desk';

// The engine against the real desk server (stream-server's createDeskServer: SQLite,
// accounts, roles, TLS made on first start): trust its self-signed certificate, edit
// through main's socket, stop the server, keep typing, restart it on the same address.

const cleanup: Array<() => unknown> = [];
afterEach(async () => { for (const c of cleanup.splice(0).reverse()) await c(); });

describe('collab engine with the real desk server', () => {
  it('syncs two desks, survives the server going away, and passes sign-off through', async () => {
    const data = await tempDir('deskserver-');
    await addUsers(data, { zhang: 'editor', li: 'editor', mei: 'layout', wang: 'chief' });
    let server: DeskServer = await createDeskServer({ dataDir: data, port: 0, host: '127.0.0.1', quiet: true });
    const port = server.port;
    cleanup.push(() => server.close());
    const published = await api(server, 'POST', '/api/editions', { token: await login(server, 'mei'), body: { id: 'ed-lianghui', title: '沁源两会特刊', issueDate: '2027-03-05' } });
    expect(published.status).toBe(201);

    const homeA = await tempDir('desk-a-');
    let deskA = await startDesk(homeA);
    const deskB = await startDesk(await tempDir('desk-b-'));
    cleanup.push(() => deskB.close());
    for (const [desk, name] of [[deskA, 'zhang'], [deskB, 'wang']] as const) {
      const first = await desk.connect({ url: server.url, name, password: PASSWORD });
      expect(first).toMatchObject({ state: 'trust', fingerprint: server.fingerprint });
      if (first.state !== 'trust') return;
      expect((await desk.connect({ url: server.url, name, password: PASSWORD, trust: first.fingerprint })).state).toBe('connected');
      await until(async () => (await desk.status()).online, 5000, `${name} online`);
    }

    const NAME = 'story/ed-lianghui/story-1/zh';
    const renderer = await connectRenderer(deskA, NAME);
    await until(() => renderer.provider.isSynced, 5000, 'renderer synced');
    const docB = await deskB.openDoc(NAME);
    const t0 = performance.now();
    renderer.doc.getText('t').insert(0, '开幕');
    await until(() => docB.getText('t').toString() === '开幕', 1000, 'edit on desk B');
    console.log(`renderer A → main A → desk server → desk B: ${(performance.now() - t0).toFixed(1)} ms`);

    // The server goes away; both keep typing; desk A restarts offline.
    await server.close();
    await until(async () => !(await deskA.status()).online && !(await deskB.status()).online, 5000, 'offline');
    for (const ch of '，代表报到') renderer.doc.getText('t').insert(renderer.doc.getText('t').length, ch);
    for (const ch of [...'【快讯】'].reverse()) docB.getText('t').insert(0, ch);
    renderer.destroy();
    await until(async () => (await deskA.status()).pending >= 5, 3000, 'desk A pending');
    await deskA.close();
    deskA = await startDesk(homeA);
    cleanup.push(() => deskA.close());
    expect((await deskA.status()).pending).toBeGreaterThan(0);

    server = await createDeskServer({ dataDir: data, port, host: '127.0.0.1', quiet: true });
    await until(async () => {
      const [a, b] = await Promise.all([deskA.status(), deskB.status()]);
      return a.online && b.online && a.pending === 0 && b.pending === 0;
    }, 15_000, 'both back with nothing pending');
    const docA = await deskA.openDoc(NAME);
    await until(() => docA.getText('t').toString() === docB.getText('t').toString(), 3000, 'desks agree');
    expect(docA.getText('t').toString()).toBe('【快讯】开幕，代表报到');

    // Sign-off through the chief's desk; the editor's desk is refused by the server.
    const ws = new Workspace(join(await tempDir('ws-'), 'workspace'));
    await ws.init();
    await mkdir(join(ws.root, 'lianghui.edition'));
    await writeFile(join(ws.root, 'lianghui.edition', 'shared.json'), JSON.stringify({ server: server.url, remoteId: 'ed-lianghui', since: '2027-03-01T00:00:00Z' }));
    await expect(signoffChannels(ws, deskA)['collab:signoff']({ edition: 'lianghui.edition', pageId: 'page-1', round: 1 })).rejects.toMatchObject({ code: 'ROLE_REFUSED' });
    const s = await signoffChannels(ws, deskB)['collab:signoff']({ edition: 'lianghui.edition', pageId: 'page-1', round: 1 });
    expect(s).toMatchObject({ pageId: 'page-1', round: 1, by: 'wang' });
    expect((await deskA.status(join(ws.root, 'lianghui.edition'))).signed['page-1']?.by).toBe('wang');
    const audit = await signoffChannels(ws, deskB)['collab:audit']({ edition: 'lianghui.edition' });
    expect(audit.map((a) => a.action)).toEqual(['signoff']);
  });

  it('says why changes wait: ROLE_REFUSED for an editor on a page, PAGE_SIGNED while the chief has signed it; reopen lets them through', async () => {
    const data = await tempDir('deskserver-');
    await addUsers(data, { zhang: 'editor', mei: 'layout', wang: 'chief' });
    const server = await createDeskServer({ dataDir: data, port: 0, host: '127.0.0.1', quiet: true });
    cleanup.push(() => server.close());
    await api(server, 'POST', '/api/editions', { token: await login(server, 'mei'), body: { id: 'ed-2', title: '特刊', issueDate: '2027-03-05' } });
    const desks = { zhang: await startDesk(await tempDir('z-')), mei: await startDesk(await tempDir('m-')), wang: await startDesk(await tempDir('w-')) };
    for (const [name, desk] of Object.entries(desks)) {
      cleanup.push(() => desk.close());
      await desk.connect({ url: server.url, name, password: PASSWORD, trust: server.fingerprint });
      await until(async () => (await desk.status()).online, 5000, `${name} online`);
    }
    const PAGE = 'page/ed-2/page-1';
    const layoutDoc = await desks.mei.openDoc(PAGE);
    layoutDoc.getMap('page').set('title', '第一版');
    await until(async () => (await desks.mei.status()).pending === 0, 3000, 'layout edit acknowledged');
    expect((await desks.mei.status()).problem).toBeNull();

    const editorDoc = await desks.zhang.openDoc(PAGE);
    await until(() => editorDoc.getMap('page').get('title') === '第一版', 3000, 'editor reads the page');
    editorDoc.getMap('page').set('title', '编辑改的');
    await until(async () => (await desks.zhang.status()).problem?.code === 'ROLE_REFUSED', 3000, 'editor refused');
    expect((await desks.zhang.status()).pending).toBeGreaterThan(0);

    const ws = new Workspace(join(await tempDir('ws-'), 'workspace'));
    await ws.init();
    await mkdir(join(ws.root, 'e.edition'));
    await writeFile(join(ws.root, 'e.edition', 'shared.json'), JSON.stringify({ server: server.url, remoteId: 'ed-2', since: '2027-03-01T00:00:00Z' }));
    await signoffChannels(ws, desks.wang)['collab:signoff']({ edition: 'e.edition', pageId: 'page-1', round: 1 });
    layoutDoc.getMap('page').set('title', '签发后改的');
    await until(async () => (await desks.mei.status()).problem?.code === 'PAGE_SIGNED', 3000, 'layout told the page is signed');
    expect((await desks.mei.status()).problem?.message.en).toContain('signed off');

    await signoffChannels(ws, desks.wang)['collab:reopen']({ edition: 'e.edition', pageId: 'page-1' });
    await until(async () => {
      const s = await desks.mei.status();
      return s.pending === 0 && s.problem === null;
    }, 5000, 'layout edit through after reopen');
    const chiefDoc = await desks.wang.openDoc(PAGE);
    await until(() => chiefDoc.getMap('page').get('title') === '签发后改的', 3000, 'chief sees the edit made while signed');
  });

  it('shows SESSION_EXPIRED when the server no longer knows the session, and a new login mends it', async () => {
    const data = await tempDir('deskserver-');
    await addUsers(data, { zhang: 'editor', mei: 'layout' });
    let server = await createDeskServer({ dataDir: data, port: 0, host: '127.0.0.1', quiet: true });
    const port = server.port;
    cleanup.push(() => server.close());
    await api(server, 'POST', '/api/editions', { token: await login(server, 'mei'), body: { id: 'ed-3', title: '特刊', issueDate: '2027-03-05' } });
    const home = await tempDir('z-');
    const desk = await startDesk(home);
    cleanup.push(() => desk.close());
    await desk.connect({ url: server.url, name: 'zhang', password: PASSWORD, trust: server.fingerprint });
    await desk.openDoc('story/ed-3/s-1/zh');
    await until(async () => (await desk.status()).online, 5000, 'online');
    // The session ends on the server (as after 'user passwd' or a logout elsewhere), then the socket drops.
    const token = desk.session()!.token;
    expect((await api(server, 'POST', '/api/logout', { token })).status).toBeLessThan(300);
    await server.close();
    server = await createDeskServer({ dataDir: data, port, host: '127.0.0.1', quiet: true });
    await until(async () => (await desk.status()).problem?.code === 'SESSION_EXPIRED', 8000, 'SESSION_EXPIRED');
    await expect(desk.request('GET', '/api/me')).rejects.toMatchObject({ code: 'SESSION_EXPIRED' });
    const again = await desk.connect({ url: server.url, name: 'zhang', password: PASSWORD });
    expect(again.state).toBe('connected');
    await until(async () => {
      const s = await desk.status();
      return s.online && s.problem === null;
    }, 5000, 'mended');
  });
});
