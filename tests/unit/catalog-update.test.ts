import { spawnSync } from 'node:child_process';
import { cp, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Catalog } from '../../electron/services/catalog/catalog';
import { listStoryIds, readEdition, readPage, readStory, writeEditionFile, writeStory } from '../../electron/services/edition-store';
import { writeJsonAtomic } from '../../electron/services/atomic-write';
import { SAMPLE_EDITION_REF, writeSampleEdition } from '../../electron/services/sample';
import { addImported, parseImport } from '../../electron/services/stories/story-list';
import { paragraph, rootState, textNode } from '../../shared/document/lexical-state';
import { generateArchive } from '../support/archive-gen';
import { saveForsythiaCaption, saveWetlandStory } from '../support/archive-edits';
import { REPO_ROOT, RESOURCES, cleanupTemp, tempDir } from './helpers';
import { ensureNodeBuild } from './node-build';

// The catalogue kept up to date after saves equals the one rebuilt from the files; a torn
// or missing catalogue rebuilds itself on open; the CLI verbs index and search.

const SMALL = { editions: 3, storiesPerEdition: 10, photos: 200 };
let root: string;

/** A fresh catalogue rebuilt from the files of `at` (the archive by default), as dump lines. */
async function rebuiltDump(at = root): Promise<string[]> {
  await Catalog.rebuild(at);
  const { catalog } = await Catalog.open(at);
  const d = catalog.dump();
  catalog.close();
  return d;
}

beforeAll(async () => {
  root = await tempDir('catalog-update');
  await generateArchive(root, SMALL);
}, 60_000);
afterAll(cleanupTemp);

describe('incremental updates', () => {
  it('a caption saved on a library photo is found at once, and equals a rebuild', async () => {
    await Catalog.rebuild(root);
    const { catalog } = await Catalog.open(root);
    const photo = await saveForsythiaCaption(root);
    const t0 = performance.now();
    await catalog.updateLibraryPhoto(photo);
    expect(catalog.search('连翘').map((h) => h.ref)).toEqual(['p-120']);
    expect(catalog.search('forsythias taiyue').map((h) => h.ref)).toEqual(['p-120']);
    expect(performance.now() - t0).toBeLessThan(1000);
    const live = catalog.dump();
    catalog.close();
    expect(live).toEqual(await rebuiltDump());
  });

  it('a story saved in an edition replaces that edition\'s rows, and equals a rebuild', async () => {
    const { catalog } = await Catalog.open(root);
    const dir = await saveWetlandStory(root);
    await catalog.updateEdition(dir, 'e01.edition');
    expect(catalog.search('湿地 egret', { kind: 'story' }).map((h) => h.ref)).toEqual(['s-1-7']);
    const live = catalog.dump();
    catalog.close();
    expect(live).toEqual(await rebuiltDump());
  });

  it('an edition moved away leaves no rows behind', async () => {
    const { catalog } = await Catalog.open(root);
    await rename(join(root, 'e02.edition'), join(root, '..', `e02-away-${process.pid}.edition`));
    catalog.removeEdition('e02.edition');
    expect(catalog.search('第1版', { kind: 'page', limit: 100 }).map((h) => h.editionId).sort()).toEqual(['ed-0', 'ed-1']);
    const live = catalog.dump();
    catalog.close();
    expect(live).toEqual(await rebuiltDump());
    await rename(join(root, '..', `e02-away-${process.pid}.edition`), join(root, 'e02.edition'));
  });

  it('a torn catalogue file is rebuilt from the files on open, nothing lost', async () => {
    await Catalog.rebuild(root);
    const before = await rebuiltDump();
    await writeFile(Catalog.file(root), Buffer.alloc(8192, 0x5a));
    let progressed = 0;
    const { catalog, rebuilt } = await Catalog.open(root, () => progressed++);
    expect(rebuilt?.items).toBeGreaterThan(200);
    expect(progressed).toBe(3);
    expect(catalog.dump()).toEqual(before);
    catalog.close();
  });
});

describe('a save reads again only the stories that changed', () => {
  // An edition of forty long stories cost ~2 s of CPU in the catalogue on every autosave of
  // one of them (all read, decoded and segmented again); now the story files whose signature
  // (inode, size, times) is unchanged keep their rows. After each kind of edit the catalogue
  // kept up to date equals one rebuilt from a copy of the files.
  let ws: string;
  let dir: string;

  /** A catalogue rebuilt from a copy of the workspace's files (the live one keeps its own file open). */
  async function rebuiltCopy(): Promise<string[]> {
    const copy = await tempDir('catalog-copy');
    await cp(ws, copy, { recursive: true, filter: (src) => !src.includes('.catalog') });
    return rebuiltDump(copy);
  }

  beforeAll(async () => {
    ws = await tempDir('catalog-since');
    dir = join(ws, SAMPLE_EDITION_REF);
    await writeSampleEdition(RESOURCES, dir);
    for (const [name, text] of <[string, string][]>[['湿地.md', '# 沁河湿地\n\n白鹭在沁河湿地越冬。\n\nEgrets winter on the Qin.'], ['党参.md', '# 党参育苗\n\n沁源党参育苗基地扩大到三百亩。']]) {
      await addImported(dir, await parseImport(name, new TextEncoder().encode(text)), true);
    }
  }, 60_000);

  it('reads one story after one save, none after a page save, all after the edition\'s title changes; equal to a rebuild each time', async () => {
    await Catalog.rebuild(ws);
    const { catalog } = await Catalog.open(ws);
    const all = (await listStoryIds(dir)).length;
    const step = async (edit: () => Promise<void>, read: number | 'all', kept: number | 'rest') => {
      await edit();
      const n = (await listStoryIds(dir)).length;
      const r = await catalog.updateEdition(dir, SAMPLE_EDITION_REF);
      expect(r.storiesRead).toBe(read === 'all' ? n : read);
      expect(r.storiesKept).toBe(kept === 'rest' ? n - r.storiesRead : kept);
      expect(catalog.dump()).toEqual(await rebuiltCopy());
    };
    try {
      // The first update after open reads the folder whole.
      await step(async () => {}, 'all', 0);
      expect(all).toBeGreaterThanOrEqual(4);
      const ids = await listStoryIds(dir);
      // One story saved: its new words are found, the old title is not.
      await step(async () => {
        const story = await readStory(dir, ids[0]!);
        story.title = '太岳山连翘花开';
        story.zh = rootState([paragraph([textNode('连翘花开满太岳山。')])]);
        await writeStory(dir, story);
      }, 1, 'rest');
      expect(catalog.search('连翘', { kind: 'story' }).map((h) => h.ref)).toEqual([ids[0]]);
      // Nothing changed: nothing read.
      await step(async () => {}, 0, 'rest');
      // A page saved: its rows again, no story read.
      await step(async () => {
        const edition = await readEdition(dir);
        const page = await readPage(dir, edition.pages[0]!);
        await writeJsonAtomic(join(dir, 'pages', `${page.id}.json`), { ...page, name: `${page.name}（改）` });
      }, 0, 'rest');
      // A story imported: that one read.
      await step(async () => {
        await addImported(dir, await parseImport('新稿.md', new TextEncoder().encode('# 新稿\n\n沁源县今年新建育苗大棚。')), true);
      }, 1, 'rest');
      // A story deleted: its rows gone.
      await step(async () => { await rm(join(dir, 'stories', `${ids[1]}.json`)); }, 0, 'rest');
      expect(catalog.search('党参育苗', { kind: 'story' }).map((h) => h.ref)).not.toContain(ids[1]);
      // A story file broken: left out, as a rebuild leaves it out; read again once mended.
      const kept = await readStory(dir, ids[2]!);
      await step(async () => { await writeFile(join(dir, 'stories', `${ids[2]}.json`), '{"broken'); }, 0, (await listStoryIds(dir)).length - 1);
      await step(async () => { await writeJsonAtomic(join(dir, 'stories', `${ids[2]}.json`), kept); }, 1, 'rest');
      // The edition's title is on every story row: all read again.
      await step(async () => {
        const edition = await readEdition(dir);
        await writeEditionFile(dir, { ...edition, title: `${edition.title}（修订）` });
      }, 'all', 0);
    } finally {
      catalog.close();
    }
  }, 120_000);
});

describe('edition-desk index / search', { timeout: 120_000 }, () => {
  const BIN = join(REPO_ROOT, 'bin', 'edition-desk.mjs');
  const cli = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, LANG: 'C' } });

  beforeAll(() => {
    ensureNodeBuild();
  }, 180_000);

  it('index rebuilds, search prints the best match first, --json is parseable, bad options are usage errors', () => {
    const idx = cli('index', root);
    expect(idx.status, idx.stderr).toBe(0);
    expect(idx.stdout).toMatch(/catalog\.db\t\d+ items/);
    const s = cli('search', root, '连翘', '--kind', 'photo');
    expect(s.status, s.stderr).toBe(0);
    expect(s.stdout.split('\n')[0]).toMatch(/^photo\tphoto:lib:p-120\t.*【连翘】/);
    const j = cli('search', root, 'forsythia', '--json');
    expect((JSON.parse(j.stdout) as { ref: string }[])[0]!.ref).toBe('p-120');
    expect(cli('search', root, 'x', '--kind', 'video').status).toBe(2);
    expect(cli('search', root, '没有这个词语').status).toBe(1);
  });
});
