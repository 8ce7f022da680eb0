import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import WebSocket from 'ws';
import { Server } from '@hocuspocus/server';
import { collabProviderFactory } from '../../renderer/src/collab/provider';
import { PageBinding } from '../../renderer/src/collab/page-binding';
import { peersOf } from '../../renderer/src/collab/presence';
import { openProvider } from '../../renderer/src/collab/provider';
import { writePage } from '../../shared/collab/page-y';
import { TEMPLATES, pageFromTemplate } from '../../shared/layout/templates';
import { PAGE_PRESETS } from '../../shared/document/schema';

// The renderer's providers against a real Hocuspocus server on loopback (standing in for
// main's socket, which speaks the same protocol): Lexical's adapter reports 'sync', the
// token is sent, two page bindings merge through the server, awareness reaches the other.
// Node 20 has no global WebSocket; the browser has.
(globalThis as { WebSocket?: unknown }).WebSocket ??= WebSocket;

let server: Server;
let url = '';
const tokens: string[] = [];
beforeAll(async () => {
  server = new Server({ port: 0, address: '127.0.0.1', quiet: true, stopOnSignals: false, onAuthenticate: async ({ token }) => { tokens.push(token); if (token !== 'good-token') throw new Error('no'); } });
  await server.listen();
  url = `ws://127.0.0.1:${server.address.port}`;
});
afterAll(async () => { await server?.destroy(); });

const until = async (check: () => boolean, ms = 5000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
};

describe('renderer providers', () => {
  it("Lexical's adapter connects on connect(), sends the token and reports 'sync'", async () => {
    const docs = new Map<string, Y.Doc>();
    const provider = collabProviderFactory({ url, token: 'good-token' })('story/ed-1/story-1/zh', docs);
    const synced: boolean[] = [];
    const onSync = (s: boolean) => synced.push(s);
    provider.on('sync', onSync);
    expect(docs.get('story/ed-1/story-1/zh')).toBeInstanceOf(Y.Doc);
    await provider.connect();
    await until(() => synced.includes(true));
    expect(tokens).toContain('good-token');
    provider.off('sync', onSync);
    provider.disconnect();
  });

  it('two page bindings merge a frame move and a retyped headline through the server', async () => {
    const page = pageFromTemplate(TEMPLATES[0]!, PAGE_PRESETS.broadsheet, 'page-1', '第 1 版', 1);
    const name = 'page/ed-1/page-1';
    const seed = new Y.Doc();
    writePage(seed, page);
    const docA = new Y.Doc();
    Y.applyUpdate(docA, Y.encodeStateAsUpdate(seed));
    const docB = new Y.Doc();
    const pa = openProvider({ url, token: 'good-token' }, name, docA);
    const pb = openProvider({ url, token: 'good-token' }, name, docB);
    const heardB: number[] = [];
    const ba = new PageBinding(docA, () => {});
    const bb = new PageBinding(docB, () => heardB.push(Date.now()));
    await until(() => bb.current() !== null);
    const photo = page.blocks.find((b) => b.kind === 'photo')!;
    const headline = page.blocks.find((b) => b.kind === 'headline')!;
    const a0 = ba.current()!;
    const b0 = bb.current()!;
    ba.commit(a0, { ...a0, blocks: a0.blocks.map((b) => (b.id === photo.id ? { ...b, yMm: b.yMm + 20 } : b)) });
    bb.commit(b0, { ...b0, blocks: b0.blocks.map((b) => (b.id === headline.id ? { ...b, text: '两会特刊' } : b)) });
    await until(() => ba.current()!.blocks.find((b) => b.id === headline.id)!.text === '两会特刊'
      && bb.current()!.blocks.find((b) => b.id === photo.id)!.yMm === photo.yMm + 20);
    expect(JSON.stringify(ba.current())).toBe(JSON.stringify(bb.current()));
    ba.destroy(); bb.destroy(); pa.destroy(); pb.destroy();
  });

  it('presence set on one provider is read on the other', async () => {
    const pa = openProvider({ url, token: 'good-token' }, 'edition/ed-1', new Y.Doc());
    const pb = openProvider({ url, token: 'good-token' }, 'edition/ed-1', new Y.Doc());
    pa.awareness!.setLocalState({ user: { name: '王芳', role: 'chief', color: '#c0392b' }, where: { pageId: 'page-1', blockId: 'b-1' } });
    await until(() => peersOf(pb.awareness!.getStates() as Map<number, unknown>, pb.awareness!.clientID).length === 1);
    const [peer] = peersOf(pb.awareness!.getStates() as Map<number, unknown>, pb.awareness!.clientID);
    expect(peer!.user.name).toBe('王芳');
    expect(peer!.where).toEqual({ pageId: 'page-1', blockId: 'b-1' });
    pa.destroy(); pb.destroy();
  });

  it('a wrong token reaches no document', async () => {
    const doc = new Y.Doc();
    const p = openProvider({ url, token: 'bad-token' }, 'page/ed-1/page-1', doc);
    let failed = false;
    p.on('authenticationFailed', () => { failed = true; });
    await until(() => failed);
    expect(doc.getMap('page').size).toBe(0);
    p.destroy();
  });
});
