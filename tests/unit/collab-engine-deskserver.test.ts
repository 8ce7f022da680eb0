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
});
