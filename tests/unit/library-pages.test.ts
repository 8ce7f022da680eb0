import { afterAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LibraryStore } from '../../electron/services/library/store';
import { speedChannels } from '../../electron/services/library/speed-api';
import { sortPhotos } from '../../shared/photo/filter-sort';
import { LibraryPhoto } from '../../shared/photo/library';
import { cleanupTemp, tempDir } from './helpers';

// Issue 15: the photo desk's first screen from library:first-page, the rest from
// library:page; together they are the library, each photo once, the first page in the
// sheet's order. Records are read in synchronous chunks; a broken one is reported, not lost.

afterAll(cleanupTemp);

function record(i: number): LibraryPhoto {
  const id = `ph-page-${String(i).padStart(4, '0')}`;
  return LibraryPhoto.parse({
    id, sha256: 'a'.repeat(64), originalSha256: 'a'.repeat(64), fileName: `DSC_${(i * 7919) % 1000}.jpg`, sourcePath: 'x', file: `library/files/${id}.jpg`,
    sidecar: null, bytes: 1, importedAt: '2026-12-01T00:00:00.000Z', rating: i % 6, label: 'none',
    meta: { caption: { zh: '', en: '' } },
    tech: { width: 1, height: 1, format: 'jpeg', orientation: 1, captureDate: i % 5 === 0 ? null : `2026-11-${String(1 + (i % 28)).padStart(2, '0')}T10:00:00`,
      make: '', model: '', lens: '', iso: null, fNumber: null, exposureTime: null, focalLength: null, gps: null },
    warnings: [],
  });
}

describe('library pages', () => {
  it('first page in the sheet order, pages covering the library once, broken records reported', async () => {
    const root = await tempDir('library-pages');
    // Written as plain files (no fsync each), as a library copied in would be.
    await new LibraryStore(join(root, 'workspace')).all();
    for (let i = 0; i < 1200; i++) writeFileSync(join(root, `workspace/library/records/${record(i).id}.json`), JSON.stringify(record(i)));
    writeFileSync(join(root, 'workspace/library/records/ph-broken.json'), '{ not json');
    const store = new LibraryStore(join(root, 'workspace'));
    const api = speedChannels(store);
    const first = await api['library:first-page']({ limit: 300, sort: 'captureDate', dir: 'asc' });
    expect(first.total).toBe(1200);
    const all = await store.all();
    expect(all).toHaveLength(1200);
    expect(store.problems).toEqual([expect.stringContaining('ph-broken.json')]);
    expect(first.photos.map((p) => p.id)).toEqual(sortPhotos(all, 'captureDate', 'asc').slice(0, 300).map((p) => p.id));
    const seen: string[] = [];
    for (let offset = 0; ; offset += 500) {
      const page = await api['library:page']({ offset, limit: 500 });
      expect(page.total).toBe(1200);
      if (page.photos.length === 0) break;
      seen.push(...page.photos.map((p) => p.id));
    }
    expect(seen).toHaveLength(1200);
    expect(new Set(seen).size).toBe(1200);
  }, 30_000);

  it('library:settled answers with the stored records, and at once for photos with no background work', async () => {
    const root = await tempDir('library-settled');
    const store = new LibraryStore(join(root, 'workspace'));
    await store.put(record(1));
    const r = await speedChannels(store)['library:settled']({ ids: [record(1).id, 'ph-none'], waitMs: 50 });
    expect(r.map((p) => p.id)).toEqual([record(1).id]);
  });
});
