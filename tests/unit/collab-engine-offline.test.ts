import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { makeCert, newState, startTestServer, type TestServer } from '../support/collab-test-server';
import { connectRenderer, startDesk, tempDir, until } from '../support/collab-desk';

// Offline first (issue 12): the server goes away, both desks keep typing, desk A is even
// restarted offline; nothing is lost, pending says how much waits, and when the server
// returns both desks and the server hold every character exactly once.

const cert = makeCert();
const cleanup: Array<() => unknown> = [];
afterEach(async () => { for (const c of cleanup.splice(0).reverse()) await c(); });

const NAME = 'story/ed-1/story-2/zh';
const A_TEXT = '甲方输入的三十个字：沁源县第十七届人民代表大会第三次会议开幕了';
const B_TEXT = 'B types offline: forty characters here!!';

describe('collab engine: offline, restart offline, merge when the server returns', () => {
  it('keeps every edit across an offline restart and merges without loss or duplicates', async () => {
    const state = newState();
    let server: TestServer = await startTestServer(cert, state);
    const port = server.port;
    cleanup.push(() => server.stop());
    const homeA = await tempDir('desk-a-');
    let deskA = await startDesk(homeA);
    const deskB = await startDesk(await tempDir('desk-b-'));
    cleanup.push(() => deskB.close());
    for (const [desk, name] of [[deskA, 'zhang'], [deskB, 'li']] as const) {
      expect((await desk.connect({ url: server.url, name, password: `pw-${name}`, trust: cert.fingerprint })).state).toBe('connected');
      await until(async () => (await desk.status()).online, 5000, `${name} online`);
    }
    const renderer = await connectRenderer(deskA, NAME);
    await until(() => renderer.provider.isSynced, 5000, 'renderer synced');
    const docB = await deskB.openDoc(NAME);
    renderer.doc.getText('t').insert(0, '【online】');
    await until(() => docB.getText('t').toString() === '【online】', 2000, 'first edit on B');

    // The server stops. Both desks keep typing, one character per update, as keystrokes come.
    await server.stop();
    await until(async () => !(await deskA.status()).online && !(await deskB.status()).online, 5000, 'both offline');
    const offline = await deskA.status();
    expect(offline.problem?.code).toBe('SERVER_UNREACHABLE');
    expect(offline.problem?.message['zh-CN']).toContain('服务器');
    for (const ch of A_TEXT) renderer.doc.getText('t').insert(renderer.doc.getText('t').length, ch);
    for (const ch of B_TEXT) docB.getText('t').insert(0, ch);
    await until(async () => (await deskA.status()).pending >= A_TEXT.length, 5000, 'desk A counts its offline edits');
    expect((await deskB.status()).pending).toBeGreaterThanOrEqual(B_TEXT.length);

    // Desk A restarts while offline: the renderer and main go away, the log stays.
    renderer.destroy();
    await deskA.close();
    deskA = await startDesk(homeA);
    cleanup.push(() => deskA.close());
    const restarted = await deskA.status();
    expect(restarted.online).toBe(false);
    expect(restarted.pending).toBeGreaterThan(0); // persisted, shown after a restart offline
    const docA = await deskA.openDoc(NAME);
    expect(docA.getText('t').toString()).toBe(`【online】${A_TEXT}`);

    // The server returns on the same address. Nobody has the document open in a window.
    server = await startTestServer(cert, state, port);
    await until(async () => {
      const [a, b] = await Promise.all([deskA.status(), deskB.status()]);
      return a.online && b.online && a.pending === 0 && b.pending === 0;
    }, 15_000, 'both desks online with nothing pending');
    await until(() => docA.getText('t').toString() === docB.getText('t').toString(), 3000, 'the desks agree');

    const text = docA.getText('t').toString();
    const onServer = new Y.Doc();
    Y.applyUpdate(onServer, state.docs.get(NAME)!);
    expect(onServer.getText('t').toString()).toBe(text);
    expect(text.length).toBe('【online】'.length + A_TEXT.length + B_TEXT.length);
    expect(text).toContain(`【online】${A_TEXT}`);
    expect(text).toContain([...B_TEXT].reverse().join(''));
  });
});
