import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync } from 'node:fs';
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { LibraryStore } from '../../electron/services/library/store';
import { ingestPaths } from '../../electron/services/library/ingest-paths';
import { backgroundSettled } from '../../electron/services/library/preview-background';
import { cameraJpeg } from '../support/camera-jpeg';
import { cleanupTemp, RESOURCES, tempDir } from './helpers';

// Photo Mechanic's order (issue 15): a card of camera JPEGs shows every thumbnail before any
// photo's copy and record are committed (thumbs-first.ts), and every photo is then committed.

afterAll(cleanupTemp);

describe('ingest: thumbnails first', () => {
  it('a batch of camera JPEGs has every thumbnail on the sheet before the first commit, then all committed', async () => {
    const root = await tempDir('thumbs-first');
    const dir = join(RESOURCES, 'sample', 'photos');
    const src = join(dir, (await readdir(dir)).find((f) => f.endsWith('.jpg'))!);
    const files: string[] = [];
    for (let i = 0; i < 6; i++) {
      const f = join(root, `IMG_${i}.JPG`);
      await writeFile(f, await cameraJpeg(src, { width: 1800, height: 1200, tint: i }));
      files.push(f);
    }
    const store = new LibraryStore(join(root, 'ws'));
    const events: string[] = [];
    const results = await ingestPaths(store, join(root, 'cache'), files.map((f) => ({ path: f, sourcePath: f })), 4,
      (r) => events.push(`${r.status}`),
      (_i, photo) => {
        // Shown, not yet recorded; no library copy of any photo in place yet (copies being
        // written under temp names by the hash lane are not in the library until committed).
        expect(existsSync(store.recordPath(photo.id))).toBe(false);
        const files = join(store.dir, 'files');
        events.push(`thumb ${existsSync(files) ? readdirSync(files).filter((n) => !n.endsWith('.tmp')).length : 0}`);
      });
    await backgroundSettled();
    expect(results.map((r) => r.status)).toEqual(Array(6).fill('added'));
    expect(events).toEqual([...Array(6).fill('thumb 0'), ...Array(6).fill('added')]);
    for (const r of results) if (r.status === 'added') expect(existsSync(store.recordPath(r.photo.id))).toBe(true);
  }, 30_000);
});
