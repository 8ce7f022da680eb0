import { readFile, readdir, realpath, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi } from '../../electron/services/api';
import { ensureWorkspace } from '../../electron/services/bootstrap';
import { createConfSettings } from '../../electron/services/conf-settings';
import { readPage } from '../../electron/services/edition-store';
import { SAMPLE_EDITION_REF } from '../../electron/services/sample';
import type { LibraryStore } from '../../electron/services/library/store';
import type { Workspace } from '../../electron/services/workspace';
import { createHandler, type Handler } from '../../shared/contract/handle';
import type { Result } from '../../shared/contract/errors';
import type { Page } from '../../shared/document/schema';
import { RESOURCES, cleanupTemp, expectOk, tempDir } from './helpers';

// Issue 11, item 3: "a file that does not parse is never written over", for every kind,
// through guarded-write.ts: the broken bytes are kept aside as <name>.broken-<time> and
// the message names that file, in both languages.

let userData: string;
let ws: Workspace;
let library: LibraryStore;
let handle: Handler;
const ED = SAMPLE_EDITION_REF;

beforeAll(async () => {
  userData = await realpath(await tempDir('guarded'));
  const boot = await ensureWorkspace(userData, RESOURCES);
  ws = boot.workspace;
  library = boot.library;
  handle = createHandler(createApi({ workspace: ws, settings: createConfSettings(userData), library, host: 'browser', version: 'test', defaultEdition: ED }), (e) => { throw e; });
});
afterAll(cleanupTemp);

async function keptAside(dir: string, name: string): Promise<string[]> {
  return (await readdir(dir)).filter((n) => n.startsWith(`${name}.broken-`));
}

function expectKept(r: Result<unknown>, name: string): string {
  expect(r.ok).toBe(false);
  if (r.ok) throw new Error('unreachable');
  expect(r.error.code).toBe('FILE_MALFORMED_KEPT');
  const m = /(\S+\.broken-\d+)/.exec(r.error.message.en);
  expect(m, r.error.message.en).not.toBeNull();
  expect(m![1]!.startsWith(name)).toBe(true);
  expect(r.error.message['zh-CN']).toContain(m![1]!);
  expect(r.error.message['zh-CN']).toContain('已损坏');
  return m![1]!;
}

describe('never write over a file that does not parse', () => {
  it('page:put on a truncated pages/page-2026.json keeps it aside and names it', async () => {
    const dir = ws.pathFor(ED);
    const page = await readPage(dir, 'page-2026');
    const file = join(dir, 'pages', 'page-2026.json');
    const truncated = (await readFile(file)).subarray(0, 300);
    await writeFile(file, truncated);
    expect((await handle('page:list', { edition: ED }) as Result<unknown>).ok).toBe(false);
    const r = await handle('page:put', { edition: ED, page: { ...page, name: '重存' } }) as Result<unknown>;
    const name = expectKept(r, 'page-2026.json');
    expect((await readFile(join(dir, 'pages', name))).equals(truncated)).toBe(true);
    expect(await keptAside(join(dir, 'pages'), 'page-2026.json')).toEqual([name]);
    // The new content is saved; the next save is quiet.
    expect((await readPage(dir, 'page-2026')).name).toBe('重存');
    expectOk<{ savedAt: string }>(await handle('page:put', { edition: ED, page: { ...page, name: '再存' } }));
    expect(await keptAside(join(dir, 'pages'), 'page-2026.json')).toEqual([name]);
  });

  it('a page file of the wrong shape counts as broken too', async () => {
    const dir = ws.pathFor(ED);
    const page: Page = await readPage(dir, 'page-2025');
    const file = join(dir, 'pages', 'page-2025.json');
    await writeFile(file, '{"id": 7}');
    expectKept(await handle('page:put', { edition: ED, page }) as Result<unknown>, 'page-2025.json');
  });

  it('proof ignores: a hand-damaged proof-ignores.json is kept aside on the next ignore', async () => {
    const dir = ws.pathFor(ED);
    await writeFile(join(dir, 'proof-ignores.json'), '{"version":1,"ignores":[');
    const r = await handle('proof:ignores:set', { edition: ED, keys: ['k1'] }) as Result<unknown>;
    const name = expectKept(r, 'proof-ignores.json');
    expect(await readFile(join(dir, name), 'utf8')).toBe('{"version":1,"ignores":[');
  });

  it('library records: a broken record file is kept aside when the photo is captioned', async () => {
    const [photo] = await library.all();
    const file = join(library.dir, 'records', `${photo!.id}.json`);
    await writeFile(file, '{"id":');
    const r = await handle('library:caption', { id: photo!.id, meta: photo!.meta }) as Result<unknown>;
    const name = expectKept(r, `${photo!.id}.json`);
    expect(await readFile(join(library.dir, 'records', name), 'utf8')).toBe('{"id":');
  });

  it('settings.json that is not JSON is kept aside at start-up, not cleared', async () => {
    const dir = await realpath(await tempDir('settings'));
    await writeFile(join(dir, 'settings.json'), '{"uiLanguage": "en", ');
    const lines: string[] = [];
    const { keepBrokenSettingsAside } = await import('../../electron/services/settings-store');
    const aside = keepBrokenSettingsAside(dir, (l) => lines.push(l));
    expect(aside).toMatch(/settings\.json\.broken-\d+$/);
    expect(await readFile(aside!, 'utf8')).toBe('{"uiLanguage": "en", ');
    expect(lines[0]).toContain(aside!);
    const settings = createConfSettings(dir);
    settings.set({ uiLanguage: 'en' });
    expect(settings.get().uiLanguage).toBe('en');
  });
});
