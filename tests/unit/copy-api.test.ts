import { cp, realpath, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi } from '../../electron/services/api';
import { ensureWorkspace } from '../../electron/services/bootstrap';
import { createConfSettings } from '../../electron/services/conf-settings';
import { readDocx } from '../../electron/services/copy/docx-read';
import { SAMPLE_EDITION_REF } from '../../electron/services/sample';
import type { Workspace } from '../../electron/services/workspace';
import { createHandler, type Handler } from '../../shared/contract/handle';
import type { StorySummary } from '../../shared/contract/contract';
import type { SerializedEditorState } from '../../shared/document/lexical-state';
import type { Story } from '../../shared/document/schema';
import { importMarkdown } from '../../shared/story/markdown-import';
import { exportText } from '../../shared/story/text-export';
import { RESOURCES, cleanupTemp, expectFail, expectOk, squash, tempDir, treeHash } from './helpers';
import { SEED_2026, readSeed } from './copy-support';
import { handMadeDocx } from './copy-docx-fixture';

// story:import and story:export through the one handle() on a real workspace: a file
// becomes stories/<id>.json, a story goes out as bytes, and refusals write nothing.

let ws: Workspace;
let handle: Handler;
const ED = SAMPLE_EDITION_REF;
const enc = (s: string) => new TextEncoder().encode(s);
const storiesOf = async (ref = ED) => treeHash(join(ws.pathFor(ref), 'stories'));

beforeAll(async () => {
  const userData = await realpath(await tempDir('copy-api'));
  const boot = await ensureWorkspace(userData, RESOURCES);
  ws = boot.workspace;
  const api = createApi({ workspace: ws, settings: createConfSettings(userData), library: boot.library, host: 'browser', version: 'test', defaultEdition: ED });
  handle = createHandler(api, (e) => { throw e; });
});
afterAll(cleanupTemp);

interface Exported { fileName: string; mime: string; bytes: Uint8Array }

describe('story:import / story:export', () => {
  it('imports Markdown as a new zh story and exports it as md, txt and docx', async () => {
    const md = readSeed(SEED_2026);
    const { storyId, title } = expectOk<{ storyId: string; title: string }>(await handle('story:import', { edition: ED, fileName: '两会.md', bytes: enc(md) }));
    expect(storyId).toMatch(/^story-[a-z0-9]+-[a-z0-9]{6}$/);
    // The sample's story-2026 has this headline already: the import's title is told apart.
    expect(title).toBe('谋好篇 布好局 履职尽责为人民（2）');
    const story = expectOk<Story>(await handle('story:get', { edition: ED, storyId }));
    expect(story.en).toBeNull();
    const zh = story.zh as unknown as SerializedEditorState;
    expect(squash(exportText(zh))).toBe(squash(exportText(importMarkdown(md).state)));
    const list = expectOk<StorySummary[]>(await handle('story:list', { edition: ED }));
    expect(list.map((s) => s.id)).toContain(storyId);

    const out = expectOk<Exported>(await handle('story:export', { edition: ED, storyId, format: 'md', lang: 'zh' }));
    expect(out.bytes).toBeInstanceOf(Uint8Array);
    expect(out).toMatchObject({ fileName: '谋好篇 布好局 履职尽责为人民（2）.md', mime: 'text/markdown; charset=utf-8' });
    expect(squash(exportText(importMarkdown(new TextDecoder().decode(out.bytes)).state))).toBe(squash(exportText(zh)));
    const txt = expectOk<Exported>(await handle('story:export', { edition: ED, storyId, format: 'txt' }));
    expect(txt.fileName.endsWith('.txt')).toBe(true);
    expect(new TextDecoder().decode(txt.bytes)).toBe(exportText(zh));
    const docx = expectOk<Exported>(await handle('story:export', { edition: ED, storyId, format: 'docx', lang: 'zh' }));
    expect(docx.mime).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(squash(exportText(readDocx(docx.bytes).state))).toBe(squash(exportText(zh)));
    expectFail(await handle('story:export', { edition: ED, storyId, format: 'md', lang: 'en' }), 'NOT_FOUND');
  });

  it('imports a .docx, and mostly-Latin copy as the en version', async () => {
    const fromDocx = expectOk<{ storyId: string; title: string }>(await handle('story:import', { edition: ED, fileName: 'brief.docx', bytes: handMadeDocx() }));
    expect(fromDocx.title).toBe('Ein lokalisierter Titel');
    const s = expectOk<Story>(await handle('story:get', { edition: ED, storyId: fromDocx.storyId }));
    expect([s.zh, s.en === null]).toEqual([null, false]);
    const md = '# County budget passes\n\nThe county council passed its budget on Tuesday after a long debate about roads.\n';
    const en = expectOk<{ storyId: string; title: string }>(await handle('story:import', { edition: ED, fileName: 'budget.md', bytes: enc(md) }));
    const out = expectOk<Exported>(await handle('story:export', { edition: ED, storyId: en.storyId, format: 'md', lang: 'en' }));
    expect(out.fileName).toBe('County budget passes.en.md');
    expect(new TextDecoder().decode(out.bytes)).toBe(md);
  });

  it('falls back to the file name for copy without a headline', async () => {
    const r = expectOk<{ storyId: string; title: string }>(await handle('story:import', { edition: ED, fileName: '短讯.txt', bytes: enc('一句话。') }));
    expect(r.title).toBe('短讯');
  });

  it('refuses broken files and bad arguments, writing nothing', async () => {
    const before = await storiesOf();
    expectFail(await handle('story:import', { edition: ED, fileName: 'x.docx', bytes: enc('not a zip') }), 'DOCX_UNREADABLE');
    expectFail(await handle('story:import', { edition: ED, fileName: 'x.docx', bytes: new Uint8Array() }), 'FILE_EMPTY');
    const bad: unknown[] = [
      { edition: ED, fileName: 'x.md', bytes: [35, 32, 120] },
      { edition: ED, fileName: 'x.md', bytes: 'IyB4' },
      { edition: ED, fileName: '', bytes: enc('# x') },
      { edition: '../outside.edition', fileName: 'x.md', bytes: enc('# x') },
      { edition: ED, fileName: 'x.md', bytes: enc('# x'), storyId: 'story-2026' },
    ];
    for (const input of bad) expectFail(await handle('story:import', input), 'INVALID_ARGUMENT');
    for (const input of [
      { edition: ED, storyId: 'story-2026', format: 'pdf' },
      { edition: ED, storyId: '../story-2026', format: 'md' },
      { edition: ED, storyId: 'story-2026', format: 'md', lang: 'fr' },
    ]) expectFail(await handle('story:export', input), 'INVALID_ARGUMENT');
    expectFail(await handle('story:export', { edition: ED, storyId: 'story-1999', format: 'md' }), 'NOT_FOUND');
    expect(await storiesOf()).toEqual(before);
  });

  it('refuses to import into an edition whose edition.json is malformed', async () => {
    const ref = 'broken.edition';
    await cp(ws.pathFor(ED), join(ws.root, ref), { recursive: true, filter: (src) => !/[/\\]assets([/\\]|$)/.test(src) });
    await writeFile(join(ws.pathFor(ref), 'edition.json'), '{"schemaVersion":1,"id":"broken","ti');
    const before = await storiesOf(ref);
    expectFail(await handle('story:import', { edition: ref, fileName: 'x.md', bytes: enc('# x') }), 'EDITION_MALFORMED');
    expect(await storiesOf(ref)).toEqual(before);
  });

  it('exports the sample stories in every format', async () => {
    for (const format of ['md', 'txt', 'docx'] as const) {
      const out = expectOk<Exported>(await handle('story:export', { edition: ED, storyId: 'story-2025', format }));
      expect(out.bytes.byteLength).toBeGreaterThan(1000);
    }
  });
});
