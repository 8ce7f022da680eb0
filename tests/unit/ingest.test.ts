import { afterAll, describe, expect, it } from 'vitest';
import { readdir, readFile, writeFile, mkdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { LibraryStore } from '../../electron/services/library/store';
import { ingest, type IngestResult } from '../../electron/services/library/ingest';
import { ingestPaths } from '../../electron/services/library/ingest-paths';
import { previewPath } from '../../electron/services/library/previews';
import { captionPhoto } from '../../electron/services/library/caption';
import { exportPhotos } from '../../electron/services/library/export';
import { PhotoMeta } from '../../shared/document/schema';
import { SHARED_FIXTURES, SHARED_FIXTURES_SKIP } from '../support/shared-fixtures';
import { writeBadFiles } from '../support/bad-files';
import { cleanupTemp, tempDir } from './helpers';
import { execFileSync } from 'node:child_process';

afterAll(cleanupTemp);
const PHOTOS = SHARED_FIXTURES ? join(SHARED_FIXTURES, 'photos') : '';
const d = SHARED_FIXTURES ? describe : describe.skip;
if (!SHARED_FIXTURES) console.log(SHARED_FIXTURES_SKIP);

async function freshLibrary() {
  const root = await tempDir('ingest');
  return { store: new LibraryStore(join(root, 'workspace')), cache: join(root, 'cache'), root };
}

d('photo ingest on real camera files', () => {
  it('ingests every readable fixture, refuses the broken ones with their own error, and goes on', async () => {
    const { store, cache, root } = await freshLibrary();
    const card = join(root, 'card');
    await mkdir(card);
    for (const f of await readdir(PHOTOS)) if (f !== 'SOURCES.md') await writeFile(join(card, f), await readFile(join(PHOTOS, f)));
    writeBadFiles(card, join(PHOTOS, 'Canon_40D.jpg'));
    const files = (await readdir(card)).sort();
    const results = await ingestPaths(store, cache, files.map((f) => ({ path: join(card, f), sourcePath: f })), 4);
    const byName = new Map(files.map((f, i) => [f, results[i]!]));
    const code = (f: string) => { const r = byName.get(f)!; return r.status === 'failed' ? r.error.code : r.status; };
    expect(code('zero-bytes.jpg')).toBe('FILE_EMPTY');
    expect(code('truncated.jpg')).toBe('IMAGE_TRUNCATED');
    expect(code('not-a-photo.jpg')).toBe('UNSUPPORTED_FORMAT');
    expect(code('bomb-30000x30000.png')).toBe('PIXEL_LIMIT');
    expect(code('corrupted.jpg')).toBe('IMAGE_DAMAGED');
    const failed = results.filter((r) => r.status === 'failed');
    expect(failed).toHaveLength(5);
    for (const f of failed) if (f.status === 'failed') { expect(f.error.message['zh-CN']).toMatch(/[\u4e00-\u9fff]/); expect(f.error.message.en).not.toBe(''); }
    const added = results.filter((r): r is Extract<IngestResult, { status: 'added' }> => r.status === 'added');
    expect(added).toHaveLength(files.length - 5);
    // The library is consistent: every record has its file, its previews, and nothing else is there.
    const records = await new LibraryStore(join(root, 'workspace')).all();
    expect(records).toHaveLength(added.length);
    expect(await readdir(join(root, 'workspace/library/files'))).toHaveLength(added.length);
    for (const p of records) {
      expect(existsSync(join(root, 'workspace', p.file))).toBe(true);
      expect(existsSync(previewPath(cache, p.id, 'thumb'))).toBe(true);
    }
  }, 60_000);

  it('applies EXIF orientation to previews: Landscape_1..8 all come out landscape', async () => {
    const { store, cache } = await freshLibrary();
    for (let i = 0; i <= 8; i++) {
      const r = await ingest(store, cache, { name: `Landscape_${i}.jpg`, sourcePath: '', bytes: await readFile(join(PHOTOS, `Landscape_${i}.jpg`)) });
      expect(r.status).toBe('added');
      if (r.status !== 'added') continue;
      const m = await sharp(previewPath(cache, r.photo.id, 'preview')).metadata();
      expect(m.width, `Landscape_${i}`).toBe(1600);
      expect(m.height, `Landscape_${i}`).toBe(1067);
      expect(r.photo.tech.width).toBe(1800);
      expect(r.photo.tech.height).toBe(1200);
    }
  }, 30_000);

  it('recognises a photo already in the library, also when two copies arrive in one batch', async () => {
    const { store, cache } = await freshLibrary();
    const bytes = await readFile(join(PHOTOS, 'PhotoMechanic.jpg'));
    const [a, b] = await Promise.all([
      ingest(store, cache, { name: 'a.jpg', sourcePath: '', bytes }),
      ingest(store, cache, { name: 'b.jpg', sourcePath: '', bytes }),
    ]);
    expect([a!.status, b!.status].sort()).toEqual(['added', 'duplicate']);
    const c = await ingest(store, cache, { name: 'c.jpg', sourcePath: '', bytes });
    expect(c.status).toBe('duplicate');
    expect(await store.all()).toHaveLength(1);
  });

  it('reads an existing newsroom caption, writes a new one into the library file, and recognises the original again', async () => {
    const { store, cache, root } = await freshLibrary();
    const bytes = await readFile(join(PHOTOS, 'PhotoMechanic.jpg'));
    const r = await ingest(store, cache, { name: 'PhotoMechanic.jpg', sourcePath: '', bytes });
    if (r.status !== 'added') throw new Error('not added');
    expect(r.photo.meta.caption.en || r.photo.meta.caption.zh).not.toBe('');
    const meta = PhotoMeta.parse({ ...r.photo.meta, caption: { zh: '沁源县两会会场', en: 'The session hall in Qinyuan' }, credit: '沁源县融媒体中心' });
    const next = await captionPhoto(store, r.photo.id, meta);
    expect(next.sha256).not.toBe(r.photo.sha256);
    const tags = JSON.parse(execFileSync('exiftool', ['-j', '-G1', '-charset', 'iptc=UTF8', join(root, 'workspace', next.file)], { encoding: 'utf8' }))[0];
    expect(tags['XMP-dc:Description-zh-CN']).toBe('沁源县两会会场');
    expect(tags['IPTC:Caption-Abstract']).toBe('沁源县两会会场');
    expect(tags['XMP-photoshop:Credit']).toBe('沁源县融媒体中心');
    expect((await ingest(store, cache, { name: 'again.jpg', sourcePath: '', bytes })).status).toBe('duplicate');
  });

  it('exports resized sRGB copies with a watermark and the caption inside', async () => {
    const { store, cache, root } = await freshLibrary();
    const r = await ingest(store, cache, { name: 'iphone.jpg', sourcePath: '', bytes: await readFile(join(PHOTOS, 'iphone_hdr_NO.jpg')) });
    if (r.status !== 'added') throw new Error('not added');
    await captionPhoto(store, r.photo.id, PhotoMeta.parse({ caption: { zh: '导出测试', en: 'Export test' }, creator: '王五' }));
    const out = await exportPhotos(store, [r.photo.id, 'ph-missing'], { longEdge: 1200, quality: 80, watermark: '沁源融媒 <&>' }, join(root, 'export'));
    expect(out.failed.map((f) => f.error.code)).toEqual(['NOT_FOUND']);
    const file = out.written[0]!.file;
    const m = await sharp(file).metadata();
    expect(Math.max(m.width!, m.height!)).toBe(1200);
    expect(m.format).toBe('jpeg');
    const tags = JSON.parse(execFileSync('exiftool', ['-j', '-G1', file], { encoding: 'utf8' }))[0];
    expect(tags['XMP-dc:Description-zh-CN']).toBe('导出测试');
    expect(tags['XMP-dc:Creator']).toBe('王五');
  });
});
