import { readFile, realpath, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi } from '../../electron/services/api';
import { ensureWorkspace } from '../../electron/services/bootstrap';
import { createConfSettings } from '../../electron/services/conf-settings';
import { SAMPLE_EDITION_REF } from '../../electron/services/sample';
import type { Workspace } from '../../electron/services/workspace';
import { createHandler, type Handler } from '../../shared/contract/handle';
import type { Block } from '../../shared/document/schema';
import { houseStyleOf } from '../../shared/document/house-style';
import { latinHeavy, latinShare } from '../../shared/layout/latin-heavy';
import { emptyFrameKey, readingOrder, stepBlock } from '../../renderer/src/polish/block-nav';
import { overallFraction } from '../../renderer/src/polish/jobs';
import { SHARED_FIXTURES, SHARED_FIXTURES_SKIP } from '../support/shared-fixtures';
import { emptyDocxFrom } from '../support/empty-docx';
import { RESOURCES, cleanupTemp, expectFail, expectOk, tempDir, treeHash } from './helpers';

// Issue 17 (first-hour polish), the parts that run without a browser: the house style
// through its channel, the taskbar progress channel, an empty .docx refused, and the
// pure rules behind autospace, keyboard order and empty-frame labels.

let ws: Workspace;
let handle: Handler;
const progress: (number | null)[] = [];
const ED = SAMPLE_EDITION_REF;

beforeAll(async () => {
  const userData = await realpath(await tempDir('polish'));
  const boot = await ensureWorkspace(userData, RESOURCES);
  ws = boot.workspace;
  const api = createApi({ workspace: ws, settings: createConfSettings(userData), library: boot.library, host: 'electron', version: 'test', defaultEdition: ED, progress: (f) => progress.push(f) });
  handle = createHandler(api, (e) => { throw e; });
});
afterAll(cleanupTemp);

describe('house style (edition:house-style)', () => {
  it('defaults to no autospace in body copy and autospace in English-heavy blocks', async () => {
    const ed = expectOk<{ houseStyle?: object }>(await handle('edition:open', { edition: ED }));
    expect(houseStyleOf(ed)).toEqual({ autospaceBody: false, autospaceLatin: true, flagStackedMarks: true });
  });

  it('writes the choice into edition.json and reads it back', async () => {
    expectOk(await handle('edition:house-style', { edition: ED, houseStyle: { autospaceBody: true, autospaceLatin: false } }));
    const onDisk = JSON.parse(await readFile(join(ws.pathFor(ED), 'edition.json'), 'utf8')) as { houseStyle: unknown };
    expect(onDisk.houseStyle).toEqual({ autospaceBody: true, autospaceLatin: false });
    const ed = expectOk<{ houseStyle?: object }>(await handle('edition:open', { edition: ED }));
    expect(houseStyleOf(ed)).toEqual({ autospaceBody: true, autospaceLatin: false, flagStackedMarks: true });
  });

  it('refuses a partial style and never writes over an edition.json that does not parse', async () => {
    expectFail(await handle('edition:house-style', { edition: ED, houseStyle: { autospaceBody: true } }), 'INVALID_ARGUMENT');
    const file = join(ws.pathFor(ED), 'edition.json');
    const good = await readFile(file, 'utf8');
    await writeFile(file, '{"schemaVersion": 1, "title": ');
    expect((await handle('edition:house-style', { edition: ED, houseStyle: { autospaceBody: false, autospaceLatin: true } })).ok).toBe(false);
    expect(await readFile(file, 'utf8')).toBe('{"schemaVersion": 1, "title": ');
    await writeFile(file, good);
  });
});

describe('app:progress', () => {
  it('hands the fraction to the window (Electron) and null to clear it', async () => {
    expect(expectOk<{ shown: boolean }>(await handle('app:progress', { fraction: 0.42 })).shown).toBe(true);
    expect(expectOk<{ shown: boolean }>(await handle('app:progress', { fraction: null })).shown).toBe(true);
    expect(progress).toEqual([0.42, null]);
    expectFail(await handle('app:progress', { fraction: 1.5 }), 'INVALID_ARGUMENT');
  });

  it('sums jobs that count and shows 0 for one that cannot', () => {
    expect(overallFraction([])).toBeNull();
    expect(overallFraction([{ id: 'a', kind: 'export', done: 0, total: 0 }])).toBe(0);
    expect(overallFraction([{ id: 'a', kind: 'ingest', done: 3, total: 4 }, { id: 'b', kind: 'import', done: 1, total: 4 }])).toBe(0.5);
  });
});

describe('an empty .docx', () => {
  it('is refused with IMPORT_EMPTY and adds no story', async () => {
    if (!SHARED_FIXTURES) { console.log(SHARED_FIXTURES_SKIP); return; }
    const bytes = emptyDocxFrom(join(SHARED_FIXTURES, 'docx', '2026-qinyuan-lianghui.docx'));
    const before = await treeHash(join(ws.pathFor(ED), 'stories'));
    const r = await handle('story:import', { edition: ED, fileName: '空稿.docx', bytes });
    expectFail(r, 'IMPORT_EMPTY');
    if (!r.ok) expect(r.error.message['zh-CN']).toContain('没有文字');
    expect(await treeHash(join(ws.pathFor(ED), 'stories'))).toEqual(before);
  });
});

describe('latinHeavy (autospace in English-heavy blocks)', () => {
  it('leaves Chinese copy with a year, a unit or PM2.5 alone', () => {
    for (const s of ['2026年沁源县将认真落实', '建成220千伏变电站一座', 'PM2.5浓度下降12%']) expect(latinHeavy(s), s).toBe(false);
  });
  it('takes a block where Latin letters and digits are 40 % or more', () => {
    expect(latinHeavy('引进 Huawei Cloud 与 5G 专网')).toBe(true);
    expect(latinShare('abc中')).toBeCloseTo(0.75);
    expect(latinHeavy('Purely English text')).toBe(false);
  });
});

const block = (id: string, col: number, yMm: number, extra: Partial<Block> = {}): Block => ({ id, kind: 'headline', col, span: 1, yMm, hMm: 10, lang: 'zh', ...extra });

describe('reading order and empty frames', () => {
  const blocks = [block('c', 4, 50), block('a', 0, 0), block('d', 0, 51), block('b', 3, 1)];
  it('goes down the page and across each row', () => {
    expect(readingOrder(blocks).map((b) => b.id)).toEqual(['a', 'b', 'd', 'c']);
  });
  it('steps with Tab and Shift+Tab, and off either end', () => {
    expect(stepBlock(blocks, null, 1)?.id).toBe('a');
    expect(stepBlock(blocks, null, -1)?.id).toBe('c');
    expect(stepBlock(blocks, 'b', 1)?.id).toBe('d');
    expect(stepBlock(blocks, 'b', -1)?.id).toBe('a');
    expect(stepBlock(blocks, 'c', 1)).toBeNull();
  });
  it('names what an empty frame is for', () => {
    expect(emptyFrameKey(block('s', 0, 0, { kind: 'story' }))).toBe('story');
    expect(emptyFrameKey(block('s', 0, 0, { kind: 'story', storyId: 'story-1' }))).toBeNull();
    expect(emptyFrameKey(block('p', 0, 0, { kind: 'photo' }))).toBe('photo');
    expect(emptyFrameKey(block('h', 0, 0, { text: '  ' }))).toBe('headline');
    expect(emptyFrameKey(block('h', 0, 0, { text: '标题' }))).toBeNull();
    expect(emptyFrameKey(block('h', 0, 0, { fromStory: true, storyId: 'story-1' }))).toBeNull();
    expect(emptyFrameKey(block('r', 0, 0, { kind: 'rule' }))).toBeNull();
  });
});
