import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { makeCert, newState, startTestServer } from '../support/collab-test-server';
import { connectRenderer, startDesk, tempDir, until } from '../support/collab-desk';
import type { DeskEngine } from '../../electron/services/collab/engine';

// An edit typed in one desk's renderer goes through that desk's main (loopback socket) to
// the server and on to a second desk's engine, and back the other way.

const cert = makeCert();
const cleanup: Array<() => unknown> = [];
afterEach(async () => { for (const c of cleanup.splice(0).reverse()) await c(); });

const NAME = 'story/ed-1/story-1/zh';

async function connected(desk: DeskEngine, url: string, name: string, password: string, fingerprint: string): Promise<void> {
  const r = await desk.connect({ url, name, password, trust: fingerprint });
  expect(r.state).toBe('connected');
  await until(async () => (await desk.status()).online, 5000, `${name} online`);
}

describe('collab engine: renderer ↔ main ↔ server ↔ another desk', () => {
  it('carries an edit from one renderer to the other desk within 1 s, and a server change back to the renderer', async () => {
    const server = await startTestServer(cert, newState());
    cleanup.push(() => server.stop());
    const deskA = await startDesk(await tempDir('desk-a-'));
    const deskB = await startDesk(await tempDir('desk-b-'));
    cleanup.push(() => deskA.close(), () => deskB.close());
    await connected(deskA, server.url, 'zhang', 'pw-zhang', cert.fingerprint);
    await connected(deskB, server.url, 'li', 'pw-li', cert.fingerprint);

    const renderer = await connectRenderer(deskA, NAME);
    cleanup.push(() => renderer.destroy());
    await until(() => renderer.provider.isSynced, 5000, 'renderer synced with main');

    const docB = await deskB.openDoc(NAME);
    const changes: boolean[] = [];
    deskB.onDocChange((name, _doc, fromServer) => { if (name === NAME) changes.push(fromServer); });
    await until(() => deskB.status().then((s) => s.pending === 0), 5000, 'desk B settled');

    const t0 = performance.now();
    renderer.doc.getText('t').insert(0, '沁源县两会开幕');
    await until(() => docB.getText('t').toString() === '沁源县两会开幕', 1000, 'the edit on desk B');
    const ms = performance.now() - t0;
    console.log(`renderer A → main A → server → desk B: ${ms.toFixed(1)} ms`);
    expect(changes).toContain(true);

    // Main's own Y.Doc for the name is the one the renderer edits (one document, not a copy).
    const docA = await deskA.openDoc(NAME);
    expect(docA.getText('t').toString()).toBe('沁源县两会开幕');

    // Desk B's main edits; desk A's renderer sees it.
    docB.transact(() => docB.getText('t').insert(docB.getText('t').length, '，代表报到'));
    await until(() => renderer.doc.getText('t').toString() === '沁源县两会开幕，代表报到', 1000, 'desk B edit in renderer A');
    await until(async () => (await deskA.status()).pending === 0 && (await deskB.status()).pending === 0, 3000, 'nothing pending');
  });

  it('carries presence (awareness) from a renderer on one desk to a renderer on the other', async () => {
    const server = await startTestServer(cert, newState());
    cleanup.push(() => server.stop());
    const deskA = await startDesk(await tempDir('desk-a-'));
    const deskB = await startDesk(await tempDir('desk-b-'));
    cleanup.push(() => deskA.close(), () => deskB.close());
    await connected(deskA, server.url, 'zhang', 'pw-zhang', cert.fingerprint);
    await connected(deskB, server.url, 'li', 'pw-li', cert.fingerprint);
    const ra = await connectRenderer(deskA, NAME);
    const rb = await connectRenderer(deskB, NAME);
    cleanup.push(() => ra.destroy(), () => rb.destroy());
    await until(() => ra.provider.isSynced && rb.provider.isSynced, 5000, 'both renderers synced');
    ra.provider.setAwarenessField('user', { name: '张编辑', color: '#c00' });
    const names = () => [...rb.provider.awareness!.getStates().values()].map((s) => (s as { user?: { name: string } }).user?.name);
    await until(() => names().includes('张编辑'), 2000, 'desk A presence at desk B');
  });

  it('refuses a renderer with the wrong token and unknown document names on the loopback socket', async () => {
    const server = await startTestServer(cert, newState());
    cleanup.push(() => server.stop());
    const desk = await startDesk(await tempDir('desk-c-'));
    cleanup.push(() => desk.close());
    await connected(desk, server.url, 'zhang', 'pw-zhang', cert.fingerprint);

    const failures: string[] = [];
    const wrong = await connectRenderer(desk, NAME, 'not-the-token');
    cleanup.push(() => wrong.destroy());
    wrong.provider.on('authenticationFailed', () => failures.push('token'));
    const unknown = await connectRenderer(desk, '../../etc/passwd');
    cleanup.push(() => unknown.destroy());
    unknown.provider.on('authenticationFailed', () => failures.push('name'));
    await until(() => failures.length === 2, 5000, 'both refused');
    expect(failures.sort()).toEqual(['name', 'token']);
    expect(wrong.provider.isSynced).toBe(false);
    await expect(desk.openDoc('stories/../x')).rejects.toThrow(/unknown document/);
    const unrelated = new Y.Doc();
    expect(unrelated.getText('t').length).toBe(0);
  });
});
