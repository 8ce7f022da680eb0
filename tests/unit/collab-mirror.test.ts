import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, readdir, realpath, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createHeadlessEditor } from '@lexical/headless';
import { createApi } from '../../electron/services/api';
import { ensureWorkspace } from '../../electron/services/bootstrap';
import { createConfSettings } from '../../electron/services/conf-settings';
import { readStoryDoc, writeStoryDoc } from '../../electron/services/collab/story-yjs';
import { SAMPLE_EDITION_REF } from '../../electron/services/sample';
import type { Workspace } from '../../electron/services/workspace';
import { docName } from '../../shared/collab/doc-names';
import { applyPhotosChange, readPhotosDoc } from '../../shared/collab/edition-y';
import type { Role } from '../../shared/collab/roles';
import { createHandler, type Handler } from '../../shared/contract/handle';
import type { Edition, Page, Story } from '../../shared/document/schema';
import { paragraph, rootState, textNode, type SerializedEditorState } from '../../shared/document/lexical-state';
import { STORY_NODES } from '../../renderer/src/editor/nodes';
import { MemoryEngine, MemoryServer } from './collab-memory-engine';
import { RESOURCES, cleanupTemp, expectFail, expectOk, tempDir } from './helpers';

// The mirror against a stand-in server and engine (collab-memory-engine.ts): desk A
// publishes the sample edition, desk B opens it; the folders are the same edition, and
// changes on either side reach the other's files. Real workspaces, real files.

interface Desk { ws: Workspace; handle: Handler; engine: MemoryEngine }

const server = new MemoryServer();
let a: Desk;
let b: Desk;
let remoteId: string;
let refB: string;

async function desk(tag: string, sample: boolean, role: Role = 'chief'): Promise<Desk> {
  const userData = await realpath(await tempDir(tag));
  const boot = await ensureWorkspace(userData, RESOURCES, { noSample: !sample });
  const engine = new MemoryEngine(server, tag, role);
  const api = createApi({ workspace: boot.workspace, settings: createConfSettings(userData), library: boot.library, host: 'browser', version: 'test', defaultEdition: boot.defaultEdition, collab: engine });
  return { ws: boot.workspace, handle: createHandler(api, (e) => { throw e; }), engine };
}

/** Waits for a state of the files (the write-back is debounced), never a fixed sleep. */
async function until<T>(probe: () => Promise<T | null | undefined | false>, what: string, ms = 10_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await probe().catch(() => null);
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const json = async <T>(file: string): Promise<T> => JSON.parse(await readFile(file, 'utf8')) as T;
const dirA = () => a.ws.pathFor(SAMPLE_EDITION_REF);
const dirB = () => b.ws.pathFor(refB);

function normalised(state: SerializedEditorState | null): unknown {
  if (!state) return null;
  const editor = createHeadlessEditor({ namespace: 'ref', nodes: STORY_NODES, onError: (e) => { throw e; } });
  editor.setEditorState(editor.parseEditorState(JSON.stringify(state)));
  return editor.getEditorState().toJSON();
}

beforeAll(async () => {
  await server.start();
  a = await desk('mirror-a', true);
  b = await desk('mirror-b', false);
}, 180_000);
afterAll(async () => {
  await server.stop();
  await cleanupTemp();
});

describe('publish and open a shared edition', () => {
  it('publishes the sample edition: the edition registered, each photo uploaded once, every document written, shared.json', async () => {
    const ed = await json<Edition>(join(dirA(), 'edition.json'));
    const out = expectOk<{ remoteId: string; uploaded: number }>(await a.handle('collab:publish', { edition: SAMPLE_EDITION_REF }));
    remoteId = out.remoteId;
    expect(remoteId).toBe(ed.id);
    const hashes = new Set(ed.photos.map((p) => p.asset.sha256));
    expect(out.uploaded).toBe(hashes.size);
    expect(new Set(server.puts)).toEqual(hashes);
    expect(server.puts).toHaveLength(hashes.size);
    expect(server.editions.get(remoteId)?.title).toBe(ed.title);
    expect(server.docs.has(docName({ kind: 'edition', editionId: remoteId }))).toBe(true);
    for (const p of ed.pages) expect(server.docs.has(docName({ kind: 'page', editionId: remoteId, pageId: p }))).toBe(true);
    expect((await json<{ remoteId: string }>(join(dirA(), 'shared.json'))).remoteId).toBe(remoteId);
    // Publishing again changes nothing and uploads nothing.
    const again = expectOk<{ remoteId: string }>(await a.handle('collab:publish', { edition: SAMPLE_EDITION_REF }));
    expect(again.remoteId).toBe(remoteId);
    expect(server.puts).toHaveLength(hashes.size);
  });

  it('lists the server editions with the local folder of each', async () => {
    const listA = expectOk<{ id: string; localRef: string | null }[]>(await a.handle('collab:remote-editions', {}));
    expect(listA.find((e) => e.id === remoteId)?.localRef).toBe(SAMPLE_EDITION_REF);
    const listB = expectOk<{ id: string; localRef: string | null }[]>(await b.handle('collab:remote-editions', {}));
    expect(listB.find((e) => e.id === remoteId)?.localRef).toBeNull();
  });

  it('opens it on desk B as a NAME.edition folder equal to A\'s: edition.json, pages, stories, photo bytes', async () => {
    const out = expectOk<{ ref: string; photosFailed: unknown[] }>(await b.handle('collab:open-remote', { remoteId }));
    refB = out.ref;
    expect(out.photosFailed).toEqual([]);
    expect(refB.endsWith('.edition')).toBe(true);
    expect(await json(join(dirB(), 'edition.json'))).toEqual(await json(join(dirA(), 'edition.json')));
    const ed = await json<Edition>(join(dirA(), 'edition.json'));
    for (const p of ed.pages) expect(await json(join(dirB(), 'pages', `${p}.json`)), p).toEqual(await json(join(dirA(), 'pages', `${p}.json`)));
    const storiesA = (await readdir(join(dirA(), 'stories'))).sort();
    expect((await readdir(join(dirB(), 'stories'))).sort()).toEqual(storiesA);
    for (const f of storiesA) {
      const [sa, sb] = [await json<Story>(join(dirA(), 'stories', f)), await json<Story>(join(dirB(), 'stories', f))];
      expect([sb.id, sb.title, sb.status]).toEqual([sa.id, sa.title, sa.status]);
      expect(normalised(sb.zh)).toEqual(normalised(sa.zh));
      expect(normalised(sb.en)).toEqual(normalised(sa.en));
    }
    // Byte-equal, compared by hash (a deep compare of megabytes would take the test's time).
    for (const p of ed.photos) expect(sha(await readFile(join(dirB(), p.asset.file))), p.asset.file).toBe(sha(await readFile(join(dirA(), p.asset.file))));
    expect((await json<{ remoteId: string }>(join(dirB(), 'shared.json'))).remoteId).toBe(remoteId);
    // The channels read it as any edition.
    expect(expectOk<Page[]>(await b.handle('page:list', { edition: refB }))).toHaveLength(ed.pages.length);
    expect(expectOk<Edition>(await b.handle('edition:open', { edition: refB })).id).toBe(remoteId);
    // Opening again finds the same folder.
    expect(expectOk<{ ref: string }>(await b.handle('collab:open-remote', { remoteId })).ref).toBe(refB);
  });
});

describe('changes reach the other desk\'s files', () => {
  it('a frame moved on A lands in B\'s page file; the headline then retyped on B lands in A\'s; both kept', async () => {
    // Each desk edits the page as it reads it now (page:put sends a whole page: one made from
    // a stale read would put back what it did not know; the composer bound to the page
    // document sends only its own changes, page-y.ts).
    const ed = await json<Edition>(join(dirA(), 'edition.json'));
    const pageId = ed.pages[0]!;
    const page = expectOk<Page>(await a.handle('page:get', { edition: SAMPLE_EDITION_REF, pageId }));
    const frame = page.blocks.find((x) => x.kind === 'photo' || x.kind === 'story')!;
    const head = page.blocks.find((x) => x.kind === 'headline')!;
    expectOk(await a.handle('page:put', { edition: SAMPLE_EDITION_REF, page: { ...page, blocks: page.blocks.map((x) => (x.id === frame.id ? { ...x, yMm: x.yMm + 10 } : x)) } }));
    await until(async () => (await json<Page>(join(dirB(), 'pages', `${pageId}.json`))).blocks.find((x) => x.id === frame.id)?.yMm === frame.yMm + 10, 'A\'s move on B');
    const pageB = expectOk<Page>(await b.handle('page:get', { edition: refB, pageId }));
    expectOk(await b.handle('page:put', { edition: refB, page: { ...pageB, blocks: pageB.blocks.map((x) => (x.id === head.id ? { ...x, text: '新的主标题' } : x)) } }));
    for (const dir of [dirA(), dirB()]) {
      await until(async () => {
        const p = await json<Page>(join(dir, 'pages', `${pageId}.json`));
        return p.blocks.find((x) => x.id === frame.id)?.yMm === frame.yMm + 10 && p.blocks.find((x) => x.id === head.id)?.text === '新的主标题';
      }, `both changes in ${dir}`);
    }
  });

  it('a page added, a story made, renamed and given a status on A appear in B\'s folder', async () => {
    const page = expectOk<Page>(await a.handle('page:create', { edition: SAMPLE_EDITION_REF, template: 'feature', name: '第三版' }));
    const made = { id: expectOk<{ storyId: string }>(await a.handle('story:create', { edition: SAMPLE_EDITION_REF, title: '新稿件' })).storyId };
    expectOk(await a.handle('story:rename', { edition: SAMPLE_EDITION_REF, storyId: made.id, title: '改过的标题' }));
    expectOk(await a.handle('story:set-status', { edition: SAMPLE_EDITION_REF, storyId: made.id, status: 'edited' }));
    await until(async () => (await json<Edition>(join(dirB(), 'edition.json'))).pages.includes(page.id), 'the new page in B\'s edition.json');
    expect(await json(join(dirB(), 'pages', `${page.id}.json`))).toEqual(await json(join(dirA(), 'pages', `${page.id}.json`)));
    const story = await until(async () => {
      const s = await json<Story>(join(dirB(), 'stories', `${made.id}.json`));
      return s.title === '改过的标题' && s.status === 'edited' ? s : null;
    }, 'the new story on B');
    expect(story.id).toBe(made.id);
    // And B's folder reads as an edition with it.
    expect(expectOk<unknown[]>(await b.handle('story:list', { edition: refB })).length).toBe((await readdir(join(dirA(), 'stories'))).length);
  });

  it('typing in a story on B (its document, as the editor’s CollaborationPlugin writes it) lands in both desks’ story files', async () => {
    const storyId = (await readdir(join(dirA(), 'stories'))).sort()[0]!.replace(/\.json$/, '');
    const doc = await b.engine.openDoc(docName({ kind: 'story', editionId: remoteId, storyId, lang: 'zh' }));
    const state = readStoryDoc(doc)!;
    const next = structuredClone(state);
    next.root.children.push({ ...paragraph([textNode('补记：会议于下午闭幕。')]), $: { pairId: 'pnew1' } });
    expect(writeStoryDoc(doc, next)).toBe(true);
    for (const dir of [dirA(), dirB()]) {
      await until(async () => JSON.stringify((await json<Story>(join(dir, 'stories', `${storyId}.json`))).zh).includes('补记：会议于下午闭幕。'), `the typed text in ${dir}`);
    }
  });

  it('someone typing without a pause still reaches the other desk\'s file every couple of seconds', { timeout: 30_000 }, async () => {
    const storyId = (await readdir(join(dirA(), 'stories'))).sort()[0]!.replace(/\.json$/, '');
    const doc = await b.engine.openDoc(docName({ kind: 'story', editionId: remoteId, storyId, lang: 'zh' }));
    const file = join(dirA(), 'stories', `${storyId}.json`);
    const base = readStoryDoc(doc)!;
    let seenMidway = false;
    const typed = '连续输入不停顿也会定时写入文件';
    for (let i = 1; i <= typed.length; i++) {
      const next = structuredClone(base);
      next.root.children.push({ ...paragraph([textNode(typed.slice(0, i))]), $: { pairId: 'ptyping' } });
      writeStoryDoc(doc, next);
      await new Promise((r) => setTimeout(r, 200));
      // A keystroke every 200 ms never leaves the 300 ms pause the debounce waits for.
      if (i < typed.length && JSON.stringify((await json<Story>(file)).zh).includes(typed.slice(0, 3))) seenMidway = true;
    }
    expect(seenMidway).toBe(true);
    await until(async () => JSON.stringify((await json<Story>(file)).zh).includes(typed), 'the whole burst in A\'s file');
  });

  it('a story save on A starts an empty English version in its document, but never replaces a version being edited there', async () => {
    const storyId = (await readdir(join(dirA(), 'stories'))).sort()[1]!.replace(/\.json$/, '');
    const enDoc = await b.engine.openDoc(docName({ kind: 'story', editionId: remoteId, storyId, lang: 'en' }));
    const zhDoc = await b.engine.openDoc(docName({ kind: 'story', editionId: remoteId, storyId, lang: 'zh' }));
    expect(readStoryDoc(enDoc)).toBeNull();
    const zhBefore = JSON.stringify(readStoryDoc(zhDoc));
    const en = rootState([{ ...paragraph([textNode('Qinyuan County opens its two sessions.')]), $: { pairId: 'pen1' } }]);
    expectOk(await a.handle('story:save-version', { edition: SAMPLE_EDITION_REF, storyId, lang: 'en', state: en }));
    expect(JSON.stringify(readStoryDoc(enDoc))).toContain('Qinyuan County opens its two sessions.');
    await until(async () => JSON.stringify((await json<Story>(join(dirB(), 'stories', `${storyId}.json`))).en).includes('Qinyuan County'), 'the English version on B');
    // A save of the Chinese version (whose document holds it) leaves the document alone.
    const stale = rootState([{ ...paragraph([textNode('一个过时的整稿保存')]), $: { pairId: 'pstale' } }]);
    expectOk(await a.handle('story:save-version', { edition: SAMPLE_EDITION_REF, storyId, lang: 'zh', state: stale }));
    expect(JSON.stringify(readStoryDoc(zhDoc))).toBe(zhBefore);
  });

  it('a caption fixed in the photos document (photo desk) lands in both edition.json files', async () => {
    const doc = await a.engine.openDoc(docName({ kind: 'photos', editionId: remoteId }));
    const photos = readPhotosDoc(doc);
    const next = photos.map((p, i) => (i === 0 ? { ...p, meta: { ...p.meta, caption: { ...p.meta.caption, en: 'Fixed on the photo desk' } } } : p));
    applyPhotosChange(doc, photos, next);
    for (const dir of [dirA(), dirB()]) {
      await until(async () => (await json<Edition>(join(dir, 'edition.json'))).photos[0]!.meta.caption.en === 'Fixed on the photo desk', `the caption in ${dir}`);
    }
  });

  it('a library photo placed on A goes up to the server and into B\'s assets, hash-checked', async () => {
    const bytes = await readFile('/work/shared/fixtures/photos/Canon_40D.jpg');
    const ing = expectOk<{ status: string; photo: { id: string } }>(await a.handle('library:ingest', { name: 'Canon_40D.jpg', sourcePath: 'Canon_40D.jpg', bytes: new Uint8Array(bytes) }));
    const placed = expectOk<{ photo: { id: string; asset: { file: string; sha256: string } } }>(await a.handle('edition:place-photo', { edition: SAMPLE_EDITION_REF, libraryId: ing.photo.id }));
    expect(server.photos.has(placed.photo.asset.sha256)).toBe(true);
    await until(async () => (await json<Edition>(join(dirB(), 'edition.json'))).photos.some((p) => p.id === placed.photo.id), 'the placed photo in B\'s edition.json');
    await until(async () => existsSync(join(dirB(), placed.photo.asset.file)), 'its file in B\'s assets');
    expect(sha(await readFile(join(dirB(), placed.photo.asset.file)))).toBe(placed.photo.asset.sha256);
  });

  it('a story deleted on A goes to B\'s trash', async () => {
    const list = expectOk<{ id: string; title: string }[]>(await a.handle('story:list', { edition: SAMPLE_EDITION_REF }));
    const victim = list.find((s) => s.title === '改过的标题')!.id;
    expectOk(await a.handle('story:delete', { edition: SAMPLE_EDITION_REF, storyId: victim }));
    await until(async () => !existsSync(join(dirB(), 'stories', `${victim}.json`)), 'the story gone from B');
    const trash = expectOk<{ kind: string; title: string }[]>(await b.handle('trash:list', {}));
    expect(trash.some((t) => t.kind === 'story' && t.title === '改过的标题')).toBe(true);
    // Restored from A's trash, it comes back on B too.
    const entry = expectOk<{ id: string; kind: string; title: string }[]>(await a.handle('trash:list', {})).find((t) => t.kind === 'story' && t.title === '改过的标题')!;
    expectOk(await a.handle('trash:restore', { id: entry.id }));
    await until(async () => existsSync(join(dirB(), 'stories', `${victim}.json`)), 'the restored story back on B');
  });

  it('a page document that does not parse never overwrites B\'s good page file', async () => {
    const ed = await json<Edition>(join(dirB(), 'edition.json'));
    const pageId = ed.pages[0]!;
    const file = join(dirB(), 'pages', `${pageId}.json`);
    const before = await readFile(file, 'utf8');
    const doc = await a.engine.openDoc(docName({ kind: 'page', editionId: remoteId, pageId }));
    doc.getMap('page').set('grid', 'not a grid');
    // A later, good change to another document shows the write-back has run past it.
    const made = { id: expectOk<{ storyId: string }>(await a.handle('story:create', { edition: SAMPLE_EDITION_REF, title: '哨兵' })).storyId };
    await until(async () => existsSync(join(dirB(), 'stories', `${made.id}.json`)), 'the sentinel story on B');
    expect(await readFile(file, 'utf8')).toBe(before);
    // Mended, it flows again.
    doc.getMap('page').set('grid', (JSON.parse(before) as Page).grid);
  });
});

describe('a shared folder is an edition like any other', () => {
  it('edition:duplicate of a shared edition gives a solo copy (no shared.json, a new id)', async () => {
    const dup = expectOk<{ ref: string }>(await a.handle('edition:duplicate', { edition: SAMPLE_EDITION_REF, title: '副本' }));
    const dir = a.ws.pathFor(dup.ref);
    expect(existsSync(join(dir, 'edition.json'))).toBe(true);
    expect(existsSync(join(dir, 'shared.json'))).toBe(false);
    expect((await json<Edition>(join(dir, 'edition.json'))).id).not.toBe(remoteId);
  });

  it('opens on a third desk with one photo missing on the server: that photo reported, the rest fetched', { timeout: 120_000 }, async () => {
    const ed = await json<Edition>(join(dirA(), 'edition.json'));
    const gone = ed.photos[0]!;
    const saved = server.photos.get(gone.asset.sha256)!;
    server.photos.delete(gone.asset.sha256);
    try {
      const c = await desk('mirror-c', false);
      const out = expectOk<{ ref: string; photosFailed: { id: string; error: { code: string } }[] }>(await c.handle('collab:open-remote', { remoteId }));
      expect(out.photosFailed.map((f) => [f.id, f.error.code])).toEqual(ed.photos.filter((p) => p.asset.sha256 === gone.asset.sha256).map((p) => [p.id, 'NOT_FOUND']));
      for (const p of ed.photos.slice(1)) {
        if (p.asset.sha256 !== gone.asset.sha256) expect(existsSync(join(c.ws.pathFor(out.ref), p.asset.file))).toBe(true);
      }
    } finally {
      server.photos.set(gone.asset.sha256, saved);
    }
  });

  it('refuses to publish for a role that could not write every part (a layout desk with stories), before anything is sent', { timeout: 120_000 }, async () => {
    const layout = await desk('mirror-layout', true, 'layout');
    const editions = server.editions.size;
    expectFail(await layout.handle('collab:publish', { edition: SAMPLE_EDITION_REF }), 'ROLE_REFUSED');
    expect(server.editions.size).toBe(editions);
    expect(existsSync(join(layout.ws.pathFor(SAMPLE_EDITION_REF), 'shared.json'))).toBe(false);
  });

  it('refuses to publish an edition someone else already published under the same id (a copied folder), nothing merged', { timeout: 120_000 }, async () => {
    const other = await desk('mirror-other', true);
    const before = server.docs.get(docName({ kind: 'edition', editionId: remoteId }))!;
    const sv = Y.encodeStateVector(before);
    // A story file that does not parse is named before anything is sent.
    const storyFile = join(other.ws.pathFor(SAMPLE_EDITION_REF), 'stories', (await readdir(join(other.ws.pathFor(SAMPLE_EDITION_REF), 'stories')))[0]!);
    const good = await readFile(storyFile);
    await writeFile(storyFile, '{"id": "story-x", "title": ');
    expectFail(await other.handle('collab:publish', { edition: SAMPLE_EDITION_REF }), 'STORY_MALFORMED');
    await writeFile(storyFile, good);
    expectFail(await other.handle('collab:publish', { edition: SAMPLE_EDITION_REF }), 'ALREADY_EXISTS');
    expect(Y.encodeStateVector(before)).toEqual(sv);
    expect(existsSync(join(other.ws.pathFor(SAMPLE_EDITION_REF), 'shared.json'))).toBe(false);
  });

  it('a solo desk (no engine) says NOT_SHARED', async () => {
    const userData = await realpath(await tempDir('mirror-solo'));
    const boot = await ensureWorkspace(userData, RESOURCES, { noSample: true });
    const api = createApi({ workspace: boot.workspace, settings: createConfSettings(userData), library: boot.library, host: 'browser', version: 'test', defaultEdition: null });
    const handle = createHandler(api, (e) => { throw e; });
    expectFail(await handle('collab:remote-editions', {}), 'NOT_SHARED');
    expectFail(await handle('collab:open-remote', { remoteId: 'ed-x' }), 'NOT_SHARED');
  });
});

