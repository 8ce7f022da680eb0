import { afterEach, describe, expect, it } from 'vitest';
import { mkdir, readdir, writeFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../../shared/contract/errors';
import { Workspace } from '../../electron/services/workspace';
import { signoffChannels } from '../../electron/services/collab/signoff-api';
import { engineChannels } from '../../electron/services/collab/engine-api';
import { parseLog } from '../../electron/services/collab/doc-log';
import { docFile } from '../../electron/services/collab/shared-docs';
import { makeCert, newState, startTestServer } from '../support/collab-test-server';
import { startDesk, tempDir, until } from '../support/collab-desk';

// 签发 through main's session: the server decides (a non-chief is refused), status shows
// the signed pages and keeps them when the server goes away; and the on-disk log itself.

const cert = makeCert();
const cleanup: Array<() => unknown> = [];
afterEach(async () => { for (const c of cleanup.splice(0).reverse()) await c(); });

async function code(p: Promise<unknown>): Promise<string> {
  try { await p; } catch (e) { if (e instanceof AppError) return e.code; throw e; }
  return 'no error';
}

describe('collab engine: sign-off channels and status', () => {
  it('passes sign-off, reopen and audit to the server with the edition id from shared.json', async () => {
    const server = await startTestServer(cert, newState());
    cleanup.push(() => server.stop());
    const root = await tempDir('desk-ws-');
    const ws = new Workspace(join(root, 'workspace'));
    await ws.init();
    const dir = join(ws.root, 'lianghui.edition');
    await mkdir(join(ws.root, 'solo.edition'), { recursive: true });
    await mkdir(dir);
    await writeFile(join(dir, 'shared.json'), JSON.stringify({ server: server.url, remoteId: 'ed-remote-1', since: '2026-11-30T00:00:00Z' }));

    const chief = await startDesk(join(root, 'chief'));
    const editor = await startDesk(join(root, 'editor'));
    cleanup.push(() => chief.close(), () => editor.close());
    await chief.connect({ url: server.url, name: 'wang', password: 'pw-wang', trust: cert.fingerprint });
    await editor.connect({ url: server.url, name: 'zhang', password: 'pw-zhang', trust: cert.fingerprint });
    const asChief = signoffChannels(ws, chief);
    const asEditor = signoffChannels(ws, editor);

    expect(await code(asEditor['collab:signoff']({ edition: 'lianghui.edition', pageId: 'page-1', round: 1 }))).toBe('ROLE_REFUSED');
    expect(await code(asChief['collab:signoff']({ edition: 'solo.edition', pageId: 'page-1', round: 1 }))).toBe('NOT_SHARED');
    const s = await asChief['collab:signoff']({ edition: 'lianghui.edition', pageId: 'page-1', round: 2 });
    expect(s).toMatchObject({ editionId: 'ed-remote-1', pageId: 'page-1', round: 2, by: 'wang' });

    const status = engineChannels(ws, editor);
    await until(async () => (await status['collab:status']({ edition: 'lianghui.edition' })).online, 5000, 'online');
    const seen = await status['collab:status']({ edition: 'lianghui.edition' });
    expect(seen.remoteId).toBe('ed-remote-1');
    expect(seen.signed['page-1']?.by).toBe('wang');

    // Offline: the last known sign-offs stay, with the reason the server cannot be reached.
    await server.stop();
    await until(async () => !(await status['collab:status']({ edition: 'lianghui.edition' })).online, 5000, 'offline');
    const offline = await status['collab:status']({ edition: 'lianghui.edition' });
    expect(offline.signed['page-1']?.round).toBe(2);
    expect(offline.problem?.code).toBe('SERVER_UNREACHABLE');
    expect(await code(asChief['collab:audit']({ edition: 'lianghui.edition' }))).toBe('SERVER_UNREACHABLE');
  });

  it('reopens and lists the audit, oldest first', async () => {
    const state = newState();
    const server = await startTestServer(cert, state);
    cleanup.push(() => server.stop());
    const root = await tempDir('desk-ws2-');
    const ws = new Workspace(join(root, 'workspace'));
    await ws.init();
    const dir = join(ws.root, 'a.edition');
    await mkdir(dir);
    await writeFile(join(dir, 'shared.json'), JSON.stringify({ server: server.url, remoteId: 'ed-2', since: '2026-11-30T00:00:00Z' }));
    const chief = await startDesk(join(root, 'chief'));
    cleanup.push(() => chief.close());
    await chief.connect({ url: server.url, name: 'wang', password: 'pw-wang', trust: cert.fingerprint });
    const api = signoffChannels(ws, chief);
    await api['collab:signoff']({ edition: 'a.edition', pageId: 'p1', round: 1 });
    expect(await api['collab:reopen']({ edition: 'a.edition', pageId: 'p1' })).toEqual({ ok: true });
    const audit = await api['collab:audit']({ edition: 'a.edition' });
    expect(audit.map((a) => [a.action, a.user, a.pageId, a.round])).toEqual([['signoff', 'wang', 'p1', 1], ['reopen', 'wang', 'p1', 1]]);
    expect((await chief.status(dir)).signed).toEqual({});
  });

  it('drops a torn last record of the document log and keeps every whole one', async () => {
    const home = await tempDir('desk-log-');
    const server = await startTestServer(cert, newState());
    cleanup.push(() => server.stop());
    let desk = await startDesk(home);
    await desk.connect({ url: server.url, name: 'zhang', password: 'pw-zhang', trust: cert.fingerprint });
    await server.stop();
    const name = 'stories/ed-3';
    const doc = await desk.openDoc(name);
    for (const ch of '稿件列表') doc.getText('t').insert(doc.getText('t').length, ch);
    await desk.close();
    const folder = join(home, 'collab');
    const file = docFile(join(folder, (await readdir(folder))[0]!), name);
    const bytes = await readFile(file);
    expect(parseLog(bytes).pending).toBe(4);
    // A power cut in the middle of the last append: half a record at the end.
    await writeFile(file, bytes.subarray(0, bytes.length - 3));
    expect(parseLog(await readFile(file)).pending).toBe(3);
    desk = await startDesk(home);
    cleanup.push(() => desk.close());
    expect((await desk.openDoc(name)).getText('t').toString()).toBe('稿件列');
    expect((await desk.status()).pending).toBe(3);
  });
});

describe('the document log compacts itself during a long session', () => {
  it('rewrites a log past COMPACT_AFTER records into one state and keeps appending, pending intact', async () => {
    const { DocLog, COMPACT_AFTER } = await import('../../electron/services/collab/doc-log');
    const Y = await import('yjs');
    const file = join(await tempDir('doc-log-'), 'story.ydoc');
    const { log } = await DocLog.open(file);
    const doc = new Y.Doc();
    log.stateOf = () => Y.encodeStateAsUpdate(doc);
    doc.on('update', (u: Uint8Array) => log.appendUpdate(u, true));
    const n = COMPACT_AFTER + 300;
    for (let i = 0; i < n; i++) {
      doc.getText('t').insert(doc.getText('t').length, String.fromCharCode(0x4e00 + (i % 500)));
      if (i % 997 === 0) await log.flush();
    }
    await log.close();
    const size = (await readFile(file)).length;
    const loaded = parseLog(await readFile(file));
    const back = new Y.Doc();
    Y.applyUpdate(back, loaded.state);
    expect(back.getText('t').toString()).toBe(doc.getText('t').toString());
    expect(loaded.pending).toBe(n);
    // One record per keystroke would be well over 20 bytes each; compacted it is far less.
    expect(size).toBeLessThan(n * 10);
  });
});
