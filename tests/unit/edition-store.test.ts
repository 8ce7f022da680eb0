import { createHash } from 'node:crypto';
import { cp, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  listStoryIds, readEdition, readPage, readPages, readStory, writeNewEdition, writeStory,
} from '../../electron/services/edition-store';
import { buildSample, writeSampleEdition } from '../../electron/services/sample';
import { liftPages } from '../../shared/layout/page-lift';
import type { EditionBundle } from '../../shared/document/sample-edition';
import { SCHEMA_VERSION, type Story } from '../../shared/document/schema';
import { stateText } from '../../shared/document/lexical-state';
import { RESOURCES, cleanupTemp, expectAppError, tempDir, treeHash } from './helpers';

// The sample edition is written once; each test works on its own copy.
let pristine: string;
let bundle: EditionBundle;

beforeAll(async () => {
  pristine = join(await tempDir('store'), 'qinyuan-lianghui.edition');
  bundle = await writeSampleEdition(RESOURCES, pristine);
});
afterAll(cleanupTemp);

/** A copy without the photo files: these tests read and write only the JSON. */
async function copyEdition(): Promise<string> {
  const dir = join(await tempDir('store'), 'copy.edition');
  await cp(pristine, dir, { recursive: true, filter: (src) => !src.startsWith(join(pristine, 'assets')) });
  return dir;
}

describe('the sample edition on disk', () => {
  it('reads back equal to what was written', async () => {
    const ed = await readEdition(pristine);
    expect(ed).toEqual(bundle.edition);
    expect(ed.schemaVersion).toBe(SCHEMA_VERSION);
    // The page list is read as the order makes it: numbered by it, threads given explicit places (issue 10).
    expect(await readPages(pristine, ed)).toEqual(liftPages(bundle.pages));
    expect(await readPage(pristine, 'page-2026')).toEqual(bundle.pages[0]);
    expect(await listStoryIds(pristine)).toEqual(['story-2025', 'story-2026']);
    for (const s of bundle.stories) expect(await readStory(pristine, s.id)).toEqual(s);
  });

  it('holds every photo in assets/ with the recorded hash and size', async () => {
    const ed = await readEdition(pristine);
    expect((await readdir(join(pristine, 'assets'))).sort()).toEqual(ed.photos.map((p) => p.asset.file.slice('assets/'.length)).sort());
    for (const p of ed.photos) {
      const buf = await readFile(join(pristine, p.asset.file));
      expect(createHash('sha256').update(buf).digest('hex'), p.asset.file).toBe(p.asset.sha256);
      expect(buf.length).toBe(p.asset.bytes);
    }
  });

  it('writeSampleEdition / writeNewEdition refuse an existing edition and change nothing', async () => {
    const before = await treeHash(pristine);
    await expectAppError(writeSampleEdition(RESOURCES, pristine), 'ALREADY_EXISTS');
    const { bundle: b, assets } = await buildSample(RESOURCES);
    await expectAppError(writeNewEdition(pristine, b, assets), 'ALREADY_EXISTS');
    expect(await treeHash(pristine)).toEqual(before);
  });

  it('reports a missing page or story as NOT_FOUND', async () => {
    await expectAppError(readPage(pristine, 'page-1999'), 'NOT_FOUND');
    await expectAppError(readStory(pristine, 'story-1999'), 'NOT_FOUND');
    await expectAppError(readEdition(join(pristine, 'nope')), 'NOT_FOUND');
  });
});

describe('a malformed edition.json', () => {
  const cases: [string, (orig: string) => string][] = [
    ['truncated JSON', (o) => o.slice(0, Math.floor(o.length / 2))],
    ['empty file', () => ''],
    ['wrong types', (o) => JSON.stringify({ ...JSON.parse(o), id: 42, pages: 'page-2026' })],
    ['an array', () => '[1,2,3]'],
    ['a photo path outside assets/', (o) => {
      const ed = JSON.parse(o);
      ed.photos[0].asset.file = '../../../etc/passwd';
      return JSON.stringify(ed);
    }],
  ];
  for (const [name, damage] of cases) {
    it(`(${name}) is EDITION_MALFORMED and its bytes stay as they were`, async () => {
      const dir = await copyEdition();
      const file = join(dir, 'edition.json');
      const bad = Buffer.from(damage(await readFile(file, 'utf8')));
      await writeFile(file, bad);
      const before = await treeHash(dir);
      const e = await expectAppError(readEdition(dir), 'EDITION_MALFORMED');
      expect(e.detail).toContain('edition.json');
      expect((await readFile(file)).equals(bad)).toBe(true);
      expect(await treeHash(dir)).toEqual(before);
    });
  }

  it('with a newer schema version is EDITION_TOO_NEW', async () => {
    const dir = await copyEdition();
    const file = join(dir, 'edition.json');
    await writeFile(file, JSON.stringify({ ...JSON.parse(await readFile(file, 'utf8')), schemaVersion: SCHEMA_VERSION + 1 }));
    await expectAppError(readEdition(dir), 'EDITION_TOO_NEW');
  });

  it('in its v0 form is lifted on read without rewriting the file', async () => {
    const dir = await copyEdition();
    const file = join(dir, 'edition.json');
    const { schemaVersion: _v, title, pageSize: _p, ...rest } = JSON.parse(await readFile(file, 'utf8'));
    const v0 = JSON.stringify({ ...rest, name: title, pageSize: 'broadsheet' });
    await writeFile(file, v0);
    const ed = await readEdition(dir);
    expect(ed.title).toBe(title);
    expect(ed.schemaVersion).toBe(SCHEMA_VERSION);
    expect(await readFile(file, 'utf8')).toBe(v0);
  });

  it('a malformed page is reported, not papered over', async () => {
    const dir = await copyEdition();
    await writeFile(join(dir, 'pages', 'page-2025.json'), '{"id": "page-2025", "blocks": ');
    await expectAppError(readPage(dir, 'page-2025'), 'EDITION_MALFORMED');
    await expectAppError(readPages(dir, await readEdition(dir)), 'EDITION_MALFORMED');
  });
});

describe('writeStory', () => {
  const edited = (s: Story, text: string): Story => ({
    ...s,
    zh: { root: { ...s.zh!.root, children: [{ type: 'paragraph', version: 1, children: [{ type: 'text', version: 1, text, format: 0 }] }] } },
    updatedAt: '2026-03-01T00:00:00.000Z',
  });

  it('replaces a readable story without keeping a copy aside', async () => {
    const dir = await copyEdition();
    const s = await readStory(dir, 'story-2026');
    await writeStory(dir, edited(s, '改过的稿件'));
    expect(stateText((await readStory(dir, 'story-2026')).zh)).toBe('改过的稿件');
    expect((await readdir(join(dir, 'stories'))).sort()).toEqual(['story-2025.json', 'story-2026.json']);
  });

  it('creates a story that did not exist', async () => {
    const dir = await copyEdition();
    const s = await readStory(dir, 'story-2026');
    await writeStory(dir, { ...edited(s, '新稿'), id: 'story-new' });
    expect(await listStoryIds(dir)).toEqual(['story-2025', 'story-2026', 'story-new']);
  });

  for (const [name, bytes] of [
    ['truncated JSON', Buffer.from('{"id":"story-2026","title":"谋好篇 布好局","zh":{"root":{"type":"root","chi', 'utf8')],
    ['valid JSON of the wrong shape', Buffer.from(JSON.stringify({ id: 'story-2026', title: 7, zh: 'text' }), 'utf8')],
    ['binary junk', Buffer.from([0xff, 0xfe, 0x00, 0x7b, 0x22, 0xe6, 0xb2])],
  ] as const) {
    it(`keeps a malformed story file (${name}) aside as .broken-* with its exact bytes`, async () => {
      const dir = await copyEdition();
      const s = await readStory(dir, 'story-2026');
      const file = join(dir, 'stories', 'story-2026.json');
      await writeFile(file, bytes);
      await expectAppError(readStory(dir, 'story-2026'), 'STORY_MALFORMED');
      // Saved, and the error names the kept-aside file (guarded-write.ts).
      const kept = await expectAppError(writeStory(dir, edited(s, '重新保存')), 'FILE_MALFORMED_KEPT');
      expect(kept.localized.en).toMatch(/story-2026\.json\.broken-\d+/);
      const names = await readdir(join(dir, 'stories'));
      const broken = names.filter((n) => /^story-2026\.json\.broken-\d+$/.test(n));
      expect(broken).toHaveLength(1);
      expect((await readFile(join(dir, 'stories', broken[0]!))).equals(bytes)).toBe(true);
      expect(stateText((await readStory(dir, 'story-2026')).zh)).toBe('重新保存');
      expect(await listStoryIds(dir), 'the kept-aside file is not listed as a story').toEqual(['story-2025', 'story-2026']);
      expect(names.filter((n) => n.endsWith('.tmp'))).toEqual([]);
    });
  }
});
