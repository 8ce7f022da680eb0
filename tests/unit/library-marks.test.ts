import { afterAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LibraryStore } from '../../electron/services/library/store';
import { ingest } from '../../electron/services/library/ingest';
import { markPhotos } from '../../electron/services/library/caption';
import { SHARED_FIXTURES, SHARED_FIXTURES_SKIP } from '../support/shared-fixtures';
import { cleanupTemp, tempDir } from './helpers';
import { exiftool, frameBytes, SKIP_REASON } from './metadata-support';

// The library's side of picks: ratings and labels read from files at ingest, written into
// the library copies by library:mark for a whole selection, a damaged file not stopping it.

afterAll(cleanupTemp);
const PHOTOS = SHARED_FIXTURES ? join(SHARED_FIXTURES, 'photos') : '';
if (!SHARED_FIXTURES) console.log(SHARED_FIXTURES_SKIP);

describe.skipIf(!!SKIP_REASON)('library marks on real files', () => {
  it('ingest reads xmp:Rating / xmp:Label; a batch mark writes every file and the records; a damaged file is reported, not fatal', async () => {
    const root = await tempDir('marks');
    const store = new LibraryStore(join(root, 'workspace'));
    const cache = join(root, 'cache');
    const add = async (name: string, bytes = readFileSync(join(PHOTOS, name))) => {
      const r = await ingest(store, cache, { name, sourcePath: name, bytes });
      if (r.status === 'failed') throw new Error(r.error.message.en);
      return r.photo;
    };
    const mwg = await add('MWG.jpg');
    expect([mwg.rating, mwg.label]).toEqual([3, 'none']);
    const canon = await add('Canon_40D.jpg');
    expect(canon.meta.dateCreated).toBe('2008-05-30T15:56:01');
    const png = await add('PNG.png');
    const tiff = await add('DudleyLeavittUtah.tiff');

    const scans = frameBytes(readFileSync(store.filePath(canon)));
    const out = await markPhotos(store, [mwg.id, canon.id, png.id, tiff.id], { rating: 4, label: 'red' });
    expect(out.map((p) => [p.rating, p.label])).toEqual(Array(4).fill([4, 'red']));
    const files = out.map((p) => store.filePath(p));
    const tags = exiftool(files, ['-G1', '-XMP-xmp:Rating', '-XMP-xmp:Label']);
    for (const f of files) expect([tags[f]!['XMP-xmp:Rating'], tags[f]!['XMP-xmp:Label']], f).toEqual([4, 'Red']);
    expect(frameBytes(readFileSync(store.filePath(canon))).equals(scans)).toBe(true);
    // The record's hash follows the file, so a re-import of the marked file is recognised.
    for (const p of out) expect(p.sha256).toBe(createHash('sha256').update(readFileSync(store.filePath(p))).digest('hex'));
    expect((await ingest(store, cache, { name: 'again.jpg', sourcePath: 'again.jpg', bytes: readFileSync(files[1]!) })).status).toBe('duplicate');

    // A library copy damaged after import: the pick stays in the record with a warning, the file keeps its bytes,
    // and the other photo of the batch is written.
    const broken = store.filePath(png);
    writeFileSync(broken, readFileSync(broken).subarray(0, 40));
    const before = readFileSync(broken);
    const again = await markPhotos(store, [png.id, canon.id], { rating: 1 });
    expect(again.map((p) => p.rating)).toEqual([1, 1]);
    expect(again[0]!.warnings.some((w) => w.startsWith('rating/label not written into the file'))).toBe(true);
    expect(readFileSync(broken).equals(before)).toBe(true);
    expect(exiftool([files[1]!], ['-G1', '-XMP-xmp:Rating'])[files[1]!]!['XMP-xmp:Rating']).toBe(1);
  });
});
