import { spawnSync } from 'node:child_process';
import { rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Catalog } from '../../electron/services/catalog/catalog';
import { generateArchive } from '../support/archive-gen';
import { saveForsythiaCaption, saveWetlandStory } from '../support/archive-edits';
import { REPO_ROOT, cleanupTemp, tempDir } from './helpers';
import { ensureNodeBuild } from './node-build';

// The catalogue kept up to date after saves equals the one rebuilt from the files; a torn
// or missing catalogue rebuilds itself on open; the CLI verbs index and search.

const SMALL = { editions: 3, storiesPerEdition: 10, photos: 200 };
let root: string;

/** A fresh catalogue rebuilt from the files, as dump lines. */
async function rebuiltDump(): Promise<string[]> {
  await Catalog.rebuild(root);
  const { catalog } = await Catalog.open(root);
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
