import { mkdir, readFile, realpath, symlink, writeFile, cp } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandler, type Handler } from '../../shared/contract/handle';
import { createApi } from '../../electron/services/api';
import { ensureWorkspace } from '../../electron/services/bootstrap';
import { createConfSettings } from '../../electron/services/conf-settings';
import { LibraryStore } from '../../electron/services/library/store';
import { SAMPLE_EDITION_REF } from '../../electron/services/sample';
import type { Workspace } from '../../electron/services/workspace';
import { Settings, SettingsPatch } from '../../shared/settings/schema';
import type { Edition, Page, Story } from '../../shared/document/schema';
import type { EditionSummary, StorySummary } from '../../shared/contract/contract';
import { stateText } from '../../shared/document/lexical-state';
import { RESOURCES, cleanupTemp, expectFail, expectOk, tempDir, treeHash } from './helpers';

// The one handle() in front of the real services on a real workspace: bad calls are
// refused with a typed error before anything on disk is touched.

let userData: string;
let workspace: Workspace;
let handle: Handler;
let logged: unknown[];

function makeHandler(dir: string, ws: Workspace, defaultEdition: string | null, library = new LibraryStore(ws.root)): Handler {
  const api = createApi({
    workspace: ws, settings: createConfSettings(dir), library, host: 'browser', version: 'test', defaultEdition,
  });
  return createHandler(api, (e) => logged.push(e));
}

beforeAll(async () => {
  logged = [];
  userData = await realpath(await tempDir('api'));
  const boot = await ensureWorkspace(userData, RESOURCES);
  workspace = boot.workspace;
  expect(boot.defaultEdition).toBe(SAMPLE_EDITION_REF);
  handle = makeHandler(userData, workspace, boot.defaultEdition, boot.library);
});
afterAll(cleanupTemp);

/** Runs `call` and checks that nothing under userData (workspace, settings) changed. */
async function untouched<T>(call: () => Promise<T>): Promise<T> {
  const before = await treeHash(userData);
  const r = await call();
  expect(await treeHash(userData)).toEqual(before);
  return r;
}

const ED = SAMPLE_EDITION_REF;
/** Copies of the sample edition for these tests need its JSON, not its photo files. */
const noAssets = (src: string) => !/[/\\]assets([/\\]|$)/.test(src);

describe('handle() with the real API', () => {
  it('serves the sample edition', async () => {
    const info = expectOk<{ host: string; defaultEdition: string }>(await handle('app:info', {}));
    expect(info).toMatchObject({ host: 'browser', defaultEdition: ED, workspace: workspace.root });
    const list = expectOk<EditionSummary[]>(await handle('edition:list', undefined));
    expect(list).toEqual([{ ref: ED, title: '沁源两会特刊（示例）', issueDate: '2026-02-26', pageCount: 2, updatedAt: expect.any(String) }]);
    const ed = expectOk<Edition>(await handle('edition:open', { edition: ED }));
    expect(ed.photos).toHaveLength(8);
    const pages = expectOk<Page[]>(await handle('page:list', { edition: ED }));
    expect(pages.map((p) => p.id)).toEqual(['page-2026', 'page-2025']);
    expect(expectOk<Page>(await handle('page:get', { edition: ED, pageId: 'page-2025' })).name).toBe('2025 两会特刊');
    const stories = expectOk<StorySummary[]>(await handle('story:list', { edition: ED }));
    expect(stories.map((s) => s.id)).toEqual(['story-2025', 'story-2026']);
    for (const s of stories) expect(s.chars).toBeGreaterThan(1000);
    expect(expectOk<unknown[]>(await handle('photo:list', { edition: ED }))).toHaveLength(8);
    expect(logged).toEqual([]);
  });

  it('refuses an unknown channel', async () => {
    for (const ch of ['fs:read', 'story:drop', '', '__proto__', 'constructor', 'toString']) {
      const r = await untouched(() => handle(ch, { edition: ED }));
      expectFail(r, 'UNKNOWN_CHANNEL');
    }
  });

  it('refuses arguments of the wrong type before any service runs', async () => {
    const story = expectOk<Story>(await handle('story:get', { edition: ED, storyId: 'story-2026' }));
    const bad: [string, unknown][] = [
      ['edition:open', { edition: 42 }],
      ['edition:open', { edition: ED, extra: true }],
      ['edition:open', {}],
      ['edition:open', 'qinyuan-lianghui.edition'],
      ['edition:open', null],
      ['edition:open', [ED]],
      ['app:info', { x: 1 }],
      ['story:get', { edition: ED, storyId: 'A/../b' }],
      ['story:get', { edition: ED, storyId: '../story-2026' }],
      ['story:get', { edition: ED, storyId: 'Story-2026' }],
      ['page:get', { edition: ED, pageId: 'page-2026.json' }],
      ['story:put', { edition: ED, story: { ...story, id: 'A/../b' } }],
      ['story:put', { edition: ED, story: { ...story, zh: 'plain text' } }],
      ['story:put', { edition: ED, story: { ...story, zh: { root: { type: 'paragraph', version: 1, children: [] } } } }],
      ['story:put', { edition: ED, story, extra: 1 }],
      ['story:put', { edition: ED }],
      ['settings:set', { uiLanguage: 'fr' }],
      ['settings:set', { bogus: true }],
      ['settings:set', { recentEditions: 'x' }],
      ['settings:set', { photoExport: { longEdge: 10, quality: 85, watermark: '' } }],
    ];
    for (const [ch, input] of bad) {
      const r = await untouched(() => handle(ch, input));
      expectFail(r, 'INVALID_ARGUMENT');
      if (!r.ok) {
        expect(r.error.message['zh-CN']).toBeTruthy();
        expect(r.error.message.en).toBeTruthy();
      }
    }
  });

  it('refuses edition references that leave the workspace, touching nothing', async () => {
    const story = expectOk<Story>(await handle('story:get', { edition: ED, storyId: 'story-2026' }));
    for (const edition of ['../../etc', '..', '../', '/etc', '/etc/passwd', 'C:\\Windows', '..\\..\\x.edition',
      `${ED}/../../x.edition`, 'x.edition\0', 'notes']) {
      for (const [ch, input] of [
        ['edition:open', { edition }],
        ['page:list', { edition }],
        ['story:put', { edition, story }],
      ] as const) {
        const r = await untouched(() => handle(ch, input));
        expectFail(r, 'INVALID_ARGUMENT', 'PATH_OUTSIDE_WORKSPACE');
      }
    }
  });

  it('refuses a symlinked edition that points outside, and writes nothing there', async () => {
    const outside = join(await tempDir('outside'), 'other.edition');
    await cp(workspace.pathFor(ED), outside, { recursive: true, filter: noAssets });
    const link = join(workspace.root, 'link.edition');
    await symlink(outside, link);
    try {
      const outsideBefore = await treeHash(outside);
      const story = expectOk<Story>(await handle('story:get', { edition: ED, storyId: 'story-2026' }));
      for (const [ch, input] of [
        ['edition:open', { edition: 'link.edition' }],
        ['story:get', { edition: 'link.edition', storyId: 'story-2026' }],
        ['story:put', { edition: 'link.edition', story }],
      ] as const) {
        expectFail(await untouched(() => handle(ch, input)), 'PATH_OUTSIDE_WORKSPACE');
      }
      expect(await treeHash(outside)).toEqual(outsideBefore);
    } finally {
      const { unlink } = await import('node:fs/promises');
      await unlink(link);
    }
  });

  it('reports missing editions and ids as NOT_FOUND', async () => {
    expectFail(await untouched(() => handle('edition:open', { edition: 'missing.edition' })), 'NOT_FOUND');
    expectFail(await untouched(() => handle('story:get', { edition: ED, storyId: 'story-1999' })), 'NOT_FOUND');
    expectFail(await untouched(() => handle('page:get', { edition: ED, pageId: 'page-1999' })), 'NOT_FOUND');
  });

  it('story:put then story:get round-trips, with a new updatedAt', async () => {
    const before = expectOk<Story>(await handle('story:get', { edition: ED, storyId: 'story-2025' }));
    const zh = structuredClone(before.zh!);
    zh.root.children.unshift({ type: 'paragraph', version: 1, children: [{ type: 'text', version: 1, text: '编者按：测试一段新文字。', format: 0 }] });
    await new Promise((r) => setTimeout(r, 5));
    const put = expectOk<{ updatedAt: string }>(await handle('story:put', { edition: ED, story: { ...before, zh } }));
    expect(put.updatedAt).not.toBe(before.updatedAt);
    expect(Date.parse(put.updatedAt)).toBeGreaterThan(Date.parse(before.updatedAt));
    const after = expectOk<Story>(await handle('story:get', { edition: ED, storyId: 'story-2025' }));
    expect(after.updatedAt).toBe(put.updatedAt);
    expect(after.zh).toEqual(zh);
    expect(stateText(after.zh)).toBe(`编者按：测试一段新文字。\n${stateText(before.zh)}`);
    expect(after.title).toBe(before.title);
  });

  it('refuses story:put into an edition whose edition.json is malformed, changing nothing', async () => {
    const ref = 'broken.edition';
    const dir = join(workspace.root, ref);
    await cp(workspace.pathFor(ED), dir, { recursive: true, filter: noAssets });
    await writeFile(join(dir, 'edition.json'), '{"schemaVersion":1,"id":"broken","ti');
    const story = expectOk<Story>(await handle('story:get', { edition: ref, storyId: 'story-2026' }));
    expectFail(await untouched(() => handle('story:put', { edition: ref, story })), 'EDITION_MALFORMED');
    expectFail(await untouched(() => handle('edition:open', { edition: ref })), 'EDITION_MALFORMED');
    const list = expectOk<EditionSummary[]>(await handle('edition:list', {}));
    expect(list.find((e) => e.ref === ref)?.error?.code).toBe('EDITION_MALFORMED');
    expect(list.find((e) => e.ref === ED)?.error).toBeUndefined();
  });

  it('settings:set persists across a new conf instance', async () => {
    const set = expectOk<Settings>(await handle('settings:set', { uiLanguage: 'en', photoExport: { longEdge: 1200, quality: 90, watermark: '沁源' } }));
    expect(set.uiLanguage).toBe('en');
    const again = makeHandler(userData, workspace, ED);
    const got = expectOk<Settings>(await again('settings:get', {}));
    expect(got.uiLanguage).toBe('en');
    expect(got.photoExport).toEqual({ longEdge: 1200, quality: 90, watermark: '沁源' });
    expect(got.recentEditions[0]).toBe(ED);
    const onDisk = JSON.parse(await readFile(join(userData, 'settings.json'), 'utf8'));
    expect(onDisk.uiLanguage).toBe('en');
  });

  it('settings:set changes only the keys it is given', async () => {
    const codes = [{ code: 'wt', text: '王陶镇' }];
    expectOk(await handle('settings:set', { codeReplacements: codes, window: { width: 1200, height: 800, maximized: false } }));
    const after = expectOk<Settings>(await handle('settings:set', { uiLanguage: 'zh-CN' }));
    expect(after.uiLanguage).toBe('zh-CN');
    expect(after.codeReplacements).toEqual(codes);
    expect(after.window).toEqual({ width: 1200, height: 800, maximized: false });
    expect(after.recentEditions).toEqual([ED]);
    expect(after.photoExport.longEdge).toBe(1200);
    const fresh = expectOk<Settings>(await makeHandler(userData, workspace, ED)('settings:get', {}));
    expect(fresh).toEqual(after);
    expect(SettingsPatch.parse({ uiLanguage: 'en' })).toEqual({ uiLanguage: 'en' });
  });

  it('a second start leaves the workspace as it is', async () => {
    const before = await treeHash(userData);
    const boot = await ensureWorkspace(userData, RESOURCES);
    expect(boot.defaultEdition).toBe(ED);
    expect(await treeHash(userData)).toEqual(before);
  });
});

describe('settings on disk', () => {
  const defaults = Settings.parse({});

  it('with garbage values normalize to defaults, keeping what fits', async () => {
    const dir = await tempDir('settings');
    await writeFile(join(dir, 'settings.json'), JSON.stringify({
      uiLanguage: 42, recentEditions: 'x', window: { width: 1 }, photoExport: null,
      codeReplacements: [{ code: 'bad code!', text: 1 }], captionTemplates: {}, unknownKey: [1, 2],
    }));
    const s = createConfSettings(dir).get();
    expect(s).toEqual(defaults);
    await writeFile(join(dir, 'settings.json'), JSON.stringify({ uiLanguage: 'en', window: 'big' }));
    expect(createConfSettings(dir).get()).toEqual({ ...defaults, uiLanguage: 'en' });
    for (const junk of ['null', '[1,2,3]', '"text"', '7']) {
      await writeFile(join(dir, 'settings.json'), junk);
      expect(createConfSettings(dir).get(), junk).toEqual(defaults);
    }
  });

  it('that are not JSON at all do not stop start-up', async () => {
    const dir = await tempDir('settings');
    await writeFile(join(dir, 'settings.json'), '{"uiLanguage": "en", "recentEd');
    const store = createConfSettings(dir);
    expect(store.get()).toEqual(defaults);
    expect(store.set({ uiLanguage: 'en' }).uiLanguage).toBe('en');
    expect(createConfSettings(dir).get().uiLanguage).toBe('en');
  });

  it('a settings folder that does not exist yet is created on first write', async () => {
    const dir = join(await tempDir('settings'), 'nested', 'user-data');
    const store = createConfSettings(dir);
    expect(store.get()).toEqual(defaults);
    store.set({ uiLanguage: 'en' });
    await mkdir(dir, { recursive: true });
    expect(JSON.parse(await readFile(join(dir, 'settings.json'), 'utf8')).uiLanguage).toBe('en');
  });
});
