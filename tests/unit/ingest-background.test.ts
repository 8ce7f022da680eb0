import { afterAll, describe, expect, it } from 'vitest';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { LibraryStore } from '../../electron/services/library/store';
import { DAMAGED_PREFIX, ingest } from '../../electron/services/library/ingest';
import { ingestPaths } from '../../electron/services/library/ingest-paths';
import { backgroundDone, backgroundSettled, foregroundWork, inBackground, previewPending } from '../../electron/services/library/preview-background';
import { huffmanDamaged } from '../support/huffman-damage';
import { cleanupTemp, RESOURCES, tempDir } from './helpers';

// Issue 15, item 1: the JPEG scan check runs behind the batch, not beside its decodes, and
// still flags the photo; background work waits while ingests are in flight.

afterAll(cleanupTemp);

async function samplePhoto(): Promise<Buffer> {
  const dir = join(RESOURCES, 'sample', 'photos');
  return readFile(join(dir, (await readdir(dir)).find((f) => f.endsWith('.jpg'))!));
}

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('background work after ingest', () => {
  it('waits while an ingest is in flight; the loupe starts a preview job at once', async () => {
    const runs: string[] = [];
    const end = foregroundWork();
    const check = inBackground('bg-a', async () => { runs.push('check'); }, 'check');
    const preview = inBackground('bg-b', async () => { runs.push('preview'); }, 'preview');
    await tick(400);
    expect(runs).toEqual([]);
    // Scan-only jobs are never waited for by the loupe; a preview job is started for it.
    expect(previewPending('bg-a')).toBeUndefined();
    await previewPending('bg-b');
    expect(runs).toEqual(['preview']);
    end();
    await check;
    await preview;
    expect(runs).toEqual(['preview', 'check']);
  });

  it('flags a bad Huffman code the strict decode passes, once the background check has run', async () => {
    const bytes = await huffmanDamaged(await samplePhoto());
    const root = await tempDir('ingest-background');
    const store = new LibraryStore(join(root, 'workspace'));
    const r = await ingest(store, join(root, 'cache'), { name: 'huffman.jpg', sourcePath: 'huffman.jpg', bytes });
    expect(r.status).toBe('added');
    const id = r.status === 'added' ? r.photo.id : '';
    expect(r.status === 'added' && r.photo.warnings).toEqual([]);
    await backgroundDone(id);
    const flagged = (await store.get(id))!.warnings;
    expect(flagged.some((w) => w.startsWith(DAMAGED_PREFIX) && /bad Huffman code/.test(w))).toBe(true);
    // A record read from disk carries it too (a desk opened later sees the flag).
    const reread = await new LibraryStore(join(root, 'workspace')).get(id);
    expect(reread!.warnings).toEqual(flagged);
  });

  it('a batch from disk: every sound photo recorded, none flagged, the background settles', async () => {
    const dir = join(RESOURCES, 'sample', 'photos');
    const files = (await readdir(dir)).filter((f) => f.endsWith('.jpg')).map((f) => ({ path: join(dir, f), sourcePath: f }));
    const root = await tempDir('ingest-batch');
    const store = new LibraryStore(join(root, 'workspace'));
    const results = await ingestPaths(store, join(root, 'cache'), files, 2);
    expect(results.every((r) => r.status === 'added')).toBe(true);
    await backgroundSettled();
    for (const p of await store.all()) expect(p.warnings, p.fileName).toEqual([]);
  });
});
