import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeskServer } from '../../electron/services/deskserver/desk-server';
import { cleanupTemp, tempDir } from './helpers';
import { acknowledged, addUsers, api, connect, login, poll, startServer, storedDoc, synced, until } from './deskserver-support';

// Roles are the server's to enforce: a desk that sends what its role may not change is
// answered SyncStatus(false), and the change reaches neither the document, nor another
// desk, nor the database.

const ED = 'ed-roles';
const STORY = `story/${ED}/story-2026/zh`;
let dir: string;
let server: DeskServer;

beforeAll(async () => {
  dir = await tempDir('deskserver');
  await addUsers(dir, { chen: 'chief', li: 'editor', wang: 'photographer', zhao: 'layout' });
  server = await startServer(dir);
  const token = await login(server, 'zhao');
  expect((await api(server, 'POST', '/api/editions', { token, body: { id: ED, title: '特刊', issueDate: '2027-03-05' } })).status).toBe(201);
}, 60_000);

afterAll(async () => {
  await server?.close();
  await cleanupTemp();
});

describe('roles enforced by the desk server', () => {
  it("refuses a photographer's forged edit to a story: not on the server, not at the editor, not in the database after restart", async () => {
    const editor = connect(server, STORY, await login(server, 'li'));
    await synced(editor);
    editor.doc.getText('body').insert(0, '原稿。');
    await acknowledged(editor);

    const forger = connect(server, STORY, await login(server, 'wang'));
    await synced(forger);
    expect(forger.doc.getText('body').toString()).toBe('原稿。'); // may read
    expect(forger.provider.authorizedScope).toBe('readonly');
    const sentBefore = forger.sent.length;
    const acksBefore = forger.acks.length;
    forger.doc.getText('body').insert(0, '伪造');
    // The provider did send it, and the server answered SyncStatus(false).
    expect(forger.sent.slice(sentBefore)).toContain('A document update');
    await poll(() => forger.acks.slice(acksBefore).includes(false), 'the refusal');

    // A later edit by the editor arrives at the forger, so the forged one had its chance to travel.
    editor.doc.getText('body').insert(3, '续。');
    await acknowledged(editor);
    await until(forger.doc, () => forger.doc.getText('body').toString().includes('续。'), 'editor edit at forger');
    expect(editor.doc.getText('body').toString()).toBe('原稿。续。');
    // (a `true` here may be the late answer to the forger's own initial sync, which carried nothing new.)
    expect(forger.acks.slice(acksBefore).filter((a) => !a)).toEqual([false]);

    // A newcomer sees the server's document.
    const reader = connect(server, STORY, await login(server, 'chen'));
    await synced(reader);
    expect(reader.doc.getText('body').toString()).toBe('原稿。续。');
    for (const c of [editor, forger, reader]) c.provider.destroy();

    await server.close();
    expect((await storedDoc(dir, STORY)).getText('body').toString()).toBe('原稿。续。');
    server = await startServer(dir);
    const after = connect(server, STORY, await login(server, 'li'));
    await synced(after);
    expect(after.doc.getText('body').toString()).toBe('原稿。续。');
    after.provider.destroy();
  });

  it('keeps an editor out of pages and layout out of stories, and lets the chief write both', async () => {
    const page = `page/${ED}/p1`;
    const editorOnPage = connect(server, page, await login(server, 'li'));
    const layoutOnStory = connect(server, STORY, await login(server, 'zhao'));
    const chiefOnPage = connect(server, page, await login(server, 'chen'));
    await Promise.all([synced(editorOnPage), synced(layoutOnStory), synced(chiefOnPage)]);
    expect(editorOnPage.provider.authorizedScope).toBe('readonly');
    expect(layoutOnStory.provider.authorizedScope).toBe('readonly');
    expect(chiefOnPage.provider.authorizedScope).toBe('read-write');
    editorOnPage.doc.getMap('page').set('name', '编辑改的');
    chiefOnPage.doc.getMap('page').set('number', 1);
    await acknowledged(chiefOnPage);
    await until(editorOnPage.doc, () => editorOnPage.doc.getMap('page').get('number') === 1, 'chief edit at editor');
    expect(chiefOnPage.doc.getMap('page').get('name')).toBeUndefined();
    for (const c of [editorOnPage, layoutOnStory, chiefOnPage]) c.provider.destroy();
  });
});
