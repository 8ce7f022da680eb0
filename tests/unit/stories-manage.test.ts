import { readFile, realpath } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi } from '../../electron/services/api';
import { ensureWorkspace } from '../../electron/services/bootstrap';
import { createConfSettings } from '../../electron/services/conf-settings';
import { readStory } from '../../electron/services/edition-store';
import { SAMPLE_EDITION_REF } from '../../electron/services/sample';
import type { Workspace } from '../../electron/services/workspace';
import { createHandler, type Handler } from '../../shared/contract/handle';
import type { StorySummary } from '../../shared/contract/contract';
import type { TrashItem } from '../../shared/contract/edition-schemas';
import type { Page } from '../../shared/document/schema';
import { stateText } from '../../shared/document/lexical-state';
import { countCopy } from '../../shared/story/count';
import { countStory, editorText } from '../../shared/story/story-count';
import { SHARED_FIXTURES, SHARED_FIXTURES_SKIP } from '../support/shared-fixtures';
import { RESOURCES, cleanupTemp, expectFail, expectOk, tempDir } from './helpers';

// Stories managed from the story list (issue 10 item 2): new, rename, duplicate, status,
// delete → restore byte-identical, 已上版 第N版 from the pages, the editor's 字, twins.

let ws: Workspace;
let handle: Handler;
const ED = SAMPLE_EDITION_REF;
const list = async () => expectOk<StorySummary[]>(await handle('story:list', { edition: ED }));
const sha = async (f: string) => createHash('sha256').update(await readFile(f)).digest('hex');
const storyFile = (id: string) => join(ws.pathFor(ED), 'stories', `${id}.json`);

beforeAll(async () => {
  const userData = await realpath(await tempDir('stories'));
  const b = await ensureWorkspace(userData, RESOURCES);
  ws = b.workspace;
  handle = createHandler(createApi({ workspace: ws, settings: createConfSettings(userData), library: b.library, host: 'browser', version: 'test', defaultEdition: ED }), (e) => { throw e; });
}, 120_000);
afterAll(cleanupTemp);

describe('story list', () => {
  it('shows each story placed on its page (第N版, in page order) and counts 字 as the editor does', async () => {
    const pages = expectOk<Page[]>(await handle('page:list', { edition: ED }));
    const byStory = new Map<string, number[]>();
    pages.forEach((p, i) => p.blocks.forEach((b) => { if (b.kind === 'story' && b.storyId && !byStory.get(b.storyId)?.includes(i + 1)) byStory.set(b.storyId, [...(byStory.get(b.storyId) ?? []), i + 1]); }));
    expect(byStory.size).toBeGreaterThan(0);
    for (const s of await list()) {
      expect(s.pages).toEqual(byStory.get(s.id) ?? []);
      expect(s.status).toBe('draft');
      const story = await readStory(ws.pathFor(ED), s.id);
      expect(s.chars).toBe(countStory(story.zh).han);
    }
    const s2026 = (await list()).find((s) => s.id === 'story-2026')!;
    const zh = (await readStory(ws.pathFor(ED), 'story-2026')).zh;
    // The old list counted every non-space character (punctuation, digits, Latin too).
    expect(s2026.chars).toBeLessThan(stateText(zh).replace(/\s/g, '').length);
    expect(s2026.chars).toBe(countCopy(stateText(zh)).han);
  });

  it('counts a credits block as the editor shows it and a figure as nothing', () => {
    const state = { root: { type: 'root' as const, version: 1, children: [
      { type: 'paragraph', version: 1, children: [{ type: 'text', version: 1, text: '沁源县 PM2.5' }] },
      { type: 'figure', version: 1, photoId: 'ph-1', caption: { zh: '图片说明文字', en: '' } },
      { type: 'credits', version: 1, credits: [{ role: '文字', names: ['冯波', '贾志敏'] }] },
    ] } };
    expect(editorText(state)).toBe('沁源县 PM2.5\n\n\n\n文字 / 冯波 贾志敏');
    expect(countStory(state)).toMatchObject({ han: 10, words: 1 });
  });
});

describe('story actions', () => {
  let id = '';
  it('creates an empty story as 草稿', async () => {
    id = expectOk<{ storyId: string }>(await handle('story:create', { edition: ED, title: '县政协会议开幕' })).storyId;
    expect((await list()).find((s) => s.id === id)).toMatchObject({ title: '县政协会议开幕', status: 'draft', chars: 0, pages: [] });
    const story = await readStory(ws.pathFor(ED), id);
    expect(story.zh?.root.children).toHaveLength(1);
    expect(story.en).toBeNull();
    expectFail(await handle('story:create', { edition: ED, title: '' }), 'INVALID_ARGUMENT');
  });

  it('renames and sets the status, keeping the copy', async () => {
    const before = await readStory(ws.pathFor(ED), id);
    expectOk(await handle('story:rename', { edition: ED, storyId: id, title: '县政协十届五次会议开幕' }));
    expectOk(await handle('story:set-status', { edition: ED, storyId: id, status: 'edited' }));
    const after = await readStory(ws.pathFor(ED), id);
    expect(after).toMatchObject({ title: '县政协十届五次会议开幕', status: 'edited', zh: before.zh, en: before.en });
    expect((await list()).find((s) => s.id === id)?.status).toBe('edited');
    expectFail(await handle('story:set-status', { edition: ED, storyId: id, status: 'placed' }), 'INVALID_ARGUMENT');
    expectFail(await handle('story:rename', { edition: ED, storyId: 'story-none', title: 'x' }), 'NOT_FOUND');
  });

  it('duplicates a story as a 草稿 copy with a title of its own', async () => {
    const a = expectOk<{ storyId: string; title: string }>(await handle('story:duplicate', { edition: ED, storyId: 'story-2026' }));
    const b = expectOk<{ storyId: string; title: string }>(await handle('story:duplicate', { edition: ED, storyId: 'story-2026' }));
    const orig = await readStory(ws.pathFor(ED), 'story-2026');
    expect(a.title).toBe(`${orig.title}（副本）`);
    expect(b.title).toBe(`${orig.title}（副本）（2）`);
    const copy = await readStory(ws.pathFor(ED), a.storyId);
    expect({ zh: copy.zh, en: copy.en, status: copy.status }).toEqual({ zh: orig.zh, en: orig.en, status: 'draft' });
    // A copy is not on any page until someone places it.
    expect((await list()).find((s) => s.id === a.storyId)?.pages).toEqual([]);
  });

  it('deletes a placed story into the trash and restores it byte-identical, placement and all', async () => {
    const file = storyFile('story-2026');
    const hash = await sha(file);
    const placed = (await list()).find((s) => s.id === 'story-2026')!.pages;
    const { trashId } = expectOk<{ trashId: string }>(await handle('story:delete', { edition: ED, storyId: 'story-2026' }));
    expect(existsSync(file)).toBe(false);
    expect((await list()).map((s) => s.id)).not.toContain('story-2026');
    const item = expectOk<TrashItem[]>(await handle('trash:list', {})).find((t) => t.id === trashId);
    expect(item).toMatchObject({ kind: 'story', edition: ED, editionTitle: expect.any(String) });
    expect(expectOk(await handle('trash:restore', { id: trashId }))).toEqual({ kind: 'story', edition: ED });
    expect(await sha(file)).toBe(hash);
    expect((await list()).find((s) => s.id === 'story-2026')?.pages).toEqual(placed);
    expectFail(await handle('story:delete', { edition: ED, storyId: 'story-none' }), 'NOT_FOUND');
  });
});

describe('import twins', () => {
  it.skipIf(!SHARED_FIXTURES)(`asks before a second story with the same text, adds it when told, with a title told apart${SHARED_FIXTURES ? '' : ` (${SHARED_FIXTURES_SKIP})`}`, async () => {
    const bytes = new Uint8Array(await readFile(join(SHARED_FIXTURES!, 'docx', '2025-qinyuan-lianghui.docx')));
    const first = expectOk<{ storyId: string; title: string }>(await handle('story:import', { edition: ED, fileName: '2025.docx', bytes }));
    const count = (await list()).length;
    const again = expectOk<{ twin: { storyId: string; title: string } }>(await handle('story:import', { edition: ED, fileName: '2025.docx', bytes }));
    expect(again).toEqual({ twin: { storyId: first.storyId, title: first.title } });
    expect((await list()).length).toBe(count);
    const forced = expectOk<{ storyId: string; title: string }>(await handle('story:import', { edition: ED, fileName: '2025.docx', bytes, allowTwin: true }));
    expect(forced.storyId).not.toBe(first.storyId);
    // The sample's own story-2025 already has this headline: every import gets a title of its own.
    const titles = (await list()).map((s) => s.title);
    expect(titles.length).toBe(count + 1);
    expect(new Set(titles.filter((t) => t.startsWith('筑梦太岳'))).size).toBe(titles.filter((t) => t.startsWith('筑梦太岳')).length);
    expect(forced.title).toMatch(/^筑梦太岳 勇谱新篇（\d）$/);
  });

  it('does not call different copy a twin', async () => {
    const md = (s: string) => new TextEncoder().encode(s);
    const a = expectOk<{ storyId?: string }>(await handle('story:import', { edition: ED, fileName: 'a.md', bytes: md('# 短讯\n\n县里召开会议。') }));
    const b = expectOk<{ storyId?: string }>(await handle('story:import', { edition: ED, fileName: 'b.md', bytes: md('# 短讯\n\n县里召开了会议。') }));
    expect(a.storyId).toBeTruthy();
    expect(b.storyId).toBeTruthy();
  });

  it('follows stories changed on disk after the list was read: a save, a copy by hand, a file broken and mended', async () => {
    // The list and the twin check keep what they read per story file while its signature
    // (inode, size, times) holds (electron/services/stories/story-digest.ts).
    const md = (s: string) => new TextEncoder().encode(s);
    const added = expectOk<{ storyId: string }>(await handle('story:import', { edition: ED, fileName: 'c.md', bytes: md('# 汛期\n\n沁河进入汛期。') }));
    const id = added.storyId;
    const row = async () => (await list()).find((s) => s.id === id)!;
    expect((await row()).title).toBe('汛期');
    // Saved through the desk: the list and the twin check see the new text.
    const story = await readStory(ws.pathFor(ED), id);
    expectOk(await handle('story:put', { edition: ED, story: { ...story, title: '汛期来临', zh: (await readStory(ws.pathFor(ED), 'story-2026')).zh } }));
    expect((await row()).title).toBe('汛期来临');
    expect((await row()).chars).toBe(countStory((await readStory(ws.pathFor(ED), 'story-2026')).zh).han);
    const twin = expectOk<{ twin?: { storyId: string } }>(await handle('story:import', { edition: ED, fileName: 'c.md', bytes: md('# 汛期\n\n沁河进入汛期。') }));
    expect(twin.twin).toBeUndefined();
    // Written by hand in place (same inode): read again.
    const { writeFile } = await import('node:fs/promises');
    const byHand = { ...(await readStory(ws.pathFor(ED), id)), title: '汛期来临（手改）' };
    await writeFile(storyFile(id), JSON.stringify(byHand));
    expect((await row()).title).toBe('汛期来临（手改）');
    // Broken: listed with its warning; mended: listed again.
    await writeFile(storyFile(id), '{"broken');
    expect((await row()).title).toBe(`⚠ ${id}`);
    await writeFile(storyFile(id), JSON.stringify(byHand));
    expect((await row()).title).toBe('汛期来临（手改）');
  });
});
