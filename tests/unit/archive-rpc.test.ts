import { fork, type ChildProcess } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/contract/errors';
import type { ArchivePort } from '../../electron/services/archive-port';
import { connectArchive } from '../../electron/services/archive-rpc/client';
import { catalogProcessOf } from '../../electron/services/archive-rpc/node-fork';
import type { CatalogProcess } from '../../electron/services/archive-rpc/messages';
import { writeStory, readStory } from '../../electron/services/edition-store';
import { LibraryPhoto } from '../../shared/photo/library';
import { readFile, writeFile } from 'node:fs/promises';
import { paragraph, rootState, textNode } from '../../shared/document/lexical-state';
import { PLANTED, generateArchive } from '../support/archive-gen';
import { NODE22, bundleForNode, nodeOfMajor } from '../support/bundle-node';
import { cleanupTemp, tempDir } from './helpers';

// The Electron window's archive path without Electron: the utility-process entry
// (electron/utility/archive-utility.ts), bundled as scripts/build.mjs bundles it, forked
// under a real Node 22 (node:sqlite, as inside Electron 38), and main's client
// (archive-rpc/client.ts) talking to it over Node's IPC channel instead of Electron's
// MessagePort: the same messages, the same ArchivePort on both ends.

let root: string;
let bundle: { dir: string; file: string };
const children: ChildProcess[] = [];
const errors: unknown[] = [];

function forkCatalog(execPath = NODE22): CatalogProcess {
  const child = fork(bundle.file, [], { execPath, serialization: 'advanced', stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
  children.push(child);
  return catalogProcessOf(child);
}

/** Polls `probe` until it is true; the time it took. */
async function until(probe: () => Promise<boolean>, timeoutMs = 20_000): Promise<number> {
  const t0 = performance.now();
  while (!(await probe())) {
    if (performance.now() - t0 > timeoutMs) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 25));
  }
  return performance.now() - t0;
}

let archive: ArchivePort;
const refs = async (query: string, kind?: 'photo' | 'story') => (await archive.search({ query, kind, limit: 50 })).hits.map((h) => h.ref);

beforeAll(async () => {
  root = await tempDir('archive-rpc');
  await generateArchive(root, { editions: 2, storiesPerEdition: 10, photos: 120 });
  bundle = await bundleForNode('electron/utility/archive-utility.ts', 'archive-utility');
  archive = connectArchive(() => forkCatalog(), root, { error: (e) => errors.push(e) });
}, 60_000);

afterAll(async () => {
  for (const c of children) c.kill();
  await rm(bundle.dir, { recursive: true, force: true });
  await cleanupTemp();
});

describe('what each Electron bundle may load', () => {
  it('the utility entry never imports better-sqlite3 (only sqlite-better.ts names it, for Node hosts), nor node:sqlite statically', async () => {
    const text = await readFile(bundle.file, 'utf8');
    expect(text).not.toMatch(/(from|import)\s*\(?["']better-sqlite3["']/);
    expect(text).not.toMatch(/(from|import)\s*\(?["']node:sqlite["']/);
    expect(text).toContain('getBuiltinModule("node:sqlite")');
  });

  it('Electron main holds neither SQLite binding nor the catalogue', async () => {
    const main = await bundleForNode('electron/main/index.ts', 'electron-main');
    try {
      const text = await readFile(main.file, 'utf8');
      expect(text).not.toMatch(/better-sqlite3|node:sqlite|DatabaseSync|CREATE VIRTUAL TABLE fts/);
      expect(text).toContain('archive-utility');
    } finally {
      await rm(main.dir, { recursive: true, force: true });
    }
  });
});

describe('archive calls through the utility-process entry (Node 22, node:sqlite)', () => {
  it('builds the catalogue in the child, then answers search with the planted best match first', async () => {
    await until(async () => (await archive.search({ query: '党参' })).ready);
    expect((await refs('党参 育苗', 'photo'))[0]).toBe(PLANTED.bestPhoto);
    expect((await refs('参育', 'photo'))[0]).toBe(PLANTED.wordDecoy);
    expect(children).toHaveLength(1);
  });

  it('forwards the save hooks: a caption is findable within 1 s, a story after its edition debounce', async () => {
    const file = join(root, 'library', 'records', 'p-77.json');
    const photo = LibraryPhoto.parse(JSON.parse(await readFile(file, 'utf8')));
    photo.meta.caption = { zh: '太岳山下的连翘花开了', en: 'Forsythia in bloom below Mount Taiyue' };
    await writeFile(file, JSON.stringify(photo));
    archive.photosSaved([photo]);
    const captionMs = await until(async () => (await refs('连翘')).includes('p-77'), 1000);
    console.log(`archive-rpc: caption findable after ${captionMs.toFixed(0)} ms`);

    const dir = join(root, 'e01.edition');
    const story = await readStory(dir, 's-1-7');
    story.en = rootState([paragraph([textNode('Birdwatchers counted egrets on the Qin river wetland.')])]);
    await writeStory(dir, story);
    archive.editionSaved('e01.edition');
    await until(async () => (await refs('egrets', 'story')).includes('s-1-7'), 3000);
  });

  it('reaches any method the port has by name, and refuses names it has not', async () => {
    const port = archive as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>;
    await expect(port['toString']!()).rejects.toThrow(/no archive method toString/);
    await expect(port['nonesuch']!()).rejects.toThrow(/no archive method nonesuch/);
    // Not a thenable: awaiting the port itself gives the port.
    expect(await Promise.resolve(archive)).toBe(archive);
  });

  it('a catalogue process that dies fails its calls with ARCHIVE_UNAVAILABLE and is started again, rebuilt from the files', async () => {
    const first = children[0]!;
    // A caption whose hook the dying process never applied (written, not announced).
    const file = join(root, 'library', 'records', 'p-78.json');
    const photo = LibraryPhoto.parse(JSON.parse(await readFile(file, 'utf8')));
    photo.meta.caption = { zh: '灵空山的银杏叶黄了', en: 'Ginkgo leaves turn yellow on Lingkong Mountain' };
    await writeFile(file, JSON.stringify(photo));
    const pending = archive.search({ query: '党参' });
    first.kill('SIGKILL');
    const outcome = await pending.then(() => 'answered', (e: unknown) => (e instanceof AppError ? e.code : String(e)));
    // The answer may have left before the kill landed; a call that had not is failed by name.
    expect(['answered', 'ARCHIVE_UNAVAILABLE']).toContain(outcome);
    await until(async () => first.exitCode !== null || first.signalCode !== null);
    await until(async () => (await archive.search({ query: '连翘' }).catch(() => ({ ready: false }))).ready);
    expect(children).toHaveLength(2);
    expect(await refs('连翘')).toContain('p-77');
    // The new process rebuilt from the files: what the old one missed is there.
    expect(await refs('银杏')).toEqual(['p-78']);
  });

  it('close waits for the child to finish and end', async () => {
    const child = children.at(-1)!;
    await archive.close();
    await until(async () => child.exitCode !== null || child.signalCode !== null, 5000);
    expect(child.exitCode).toBe(0);
    await expect(archive.search({ query: '党参' })).rejects.toMatchObject({ code: 'ARCHIVE_UNAVAILABLE' });
  });
});

describe('a runtime without node:sqlite (Node 20 standing in for an Electron built without it)', () => {
  it('the catalogue process says so once; every call is ARCHIVE_UNAVAILABLE, nothing restarted', async () => {
    const node20 = nodeOfMajor(20);
    expect(node20, 'no Node 20 on PATH').not.toBeNull();
    let starts = 0;
    const port = connectArchive(() => { starts++; return forkCatalog(node20!); }, root, { error: () => {} });
    await expect(port.search({ query: '党参' })).rejects.toMatchObject({ code: 'ARCHIVE_UNAVAILABLE' });
    await until(async () => children.at(-1)!.exitCode !== null);
    await expect(port.search({ query: '党参' })).rejects.toMatchObject({ code: 'ARCHIVE_UNAVAILABLE' });
    port.photosSaved([]);
    expect(starts).toBe(1);
    await port.close();
  });
});
