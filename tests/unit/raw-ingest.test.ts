import { afterAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { LibraryStore } from '../../electron/services/library/store';
import { ingest, type IngestResult } from '../../electron/services/library/ingest';
import { previewPath, readPreview } from '../../electron/services/library/previews';
import { captionPhoto, markPhotos } from '../../electron/services/library/caption';
import { exportPhotos } from '../../electron/services/library/export';
import { placeLibraryPhoto } from '../../electron/services/place-photo';
import { writeNewEdition } from '../../electron/services/edition-store';
import { bundleFromTemplates } from '../../electron/services/editions/edition-create';
import { NewEditionInput } from '../../shared/contract/edition-schemas';
import { PhotoMeta } from '../../shared/document/schema';
import type { LibraryPhoto } from '../../shared/photo/library';
import { attachRawSidecar } from '../../electron/services/library/raw-sidecar';
import { cleanupTemp, expectAppError, tempDir } from './helpers';

// Issue 15, item 1 (raw): camera raws in the library through their embedded JPEG. The raw
// is kept byte for byte; thumbnail and preview come from the embedded JPEG, upright; the
// caption goes to the XMP sidecar, which exiftool reads back; placing a raw places its JPEG.

afterAll(cleanupTemp);

const DIR = join(__dirname, '..', 'corpus', 'raw');
const exif = (file: string, ...tags: string[]) => execFileSync('exiftool', ['-s3', '-charset', 'utf8', ...tags, file], { encoding: 'utf8' }).trim();
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

async function library() {
  const root = await tempDir('raw-ingest');
  return { root, store: new LibraryStore(join(root, 'workspace')), cache: join(root, 'cache') };
}

async function add(store: LibraryStore, cache: string, file: string): Promise<IngestResult> {
  return ingest(store, cache, { name: file, sourcePath: `card/${file}`, bytes: await readFile(join(DIR, file)) });
}

function added(r: IngestResult): LibraryPhoto {
  if (r.status !== 'added') throw new Error(JSON.stringify(r));
  return r.photo;
}

describe('raw ingest', () => {
  it('keeps each raw byte for byte, thumbnail and preview from its embedded JPEG, upright, EXIF read', async () => {
    const { store, cache } = await library();
    // file, displayed size of the embedded JPEG (after the raw's orientation), camera
    const cases: [string, number, number, string][] = [
      ['canon-eos-350d.cr2', 1536, 1024, 'Canon EOS 350D DIGITAL'],
      ['nikon-d70.nef', 1064, 1600, 'NIKON D70'],
      ['sony-zv-e10.arw', 1080, 1616, 'ZV-E10'],
      ['canon-eos-6d.dng', 1024, 683, 'Canon EOS 6D'],
      ['canon-eos-r6.cr3', 1620, 1080, 'Canon EOS R6'],
    ];
    for (const [file, w, h, model] of cases) {
      const p = added(await add(store, cache, file));
      const original = await readFile(join(DIR, file));
      expect(p.sha256).toBe(sha(original));
      expect(sha(await store.readBytes(p))).toBe(sha(original));
      expect(p.file).toMatch(new RegExp(`\\.${file.split('.').pop()}$`));
      expect(p.tech.model).toBe(model);
      expect([p.tech.width, p.tech.height]).toEqual([w, h]);
      expect(p.tech.captureDate).toMatch(/^\d{4}-\d\d-\d\dT/);
      // The thumbnail as the sheet gets it: 400 px on the long side, the photo's shape, upright
      // (sharp's autoOrient applies any EXIF orientation the cached JPEG still carries).
      const thumb = await sharp(previewPath(cache, p.id, 'thumb')).rotate().metadata().then((m) => (m.orientation ?? 1) >= 5 ? { width: m.height!, height: m.width! } : m);
      const long = Math.max(w, h);
      expect([thumb.width, thumb.height]).toEqual([Math.round((w / long) * 400), Math.round((h / long) * 400)]);
      // The 1600 px preview follows behind the ingest; the loupe waits for it (readPreview).
      const prev = await sharp(await readPreview(cache, p.id, 'preview', store.filePath(p))).metadata();
      expect(existsSync(previewPath(cache, p.id, 'preview'))).toBe(true);
      expect(Math.max(prev.width!, prev.height!)).toBe(Math.min(1600, long));
      expect(prev.width! > prev.height!).toBe(w > h);
      expect(p.warnings).toEqual([]);
    }
  });

  it('an upright thumbnail shows the picture the right way up (pixels against the source photo)', async () => {
    const { store, cache } = await library();
    const p = added(await add(store, cache, 'sony-zv-e10.arw'));
    // The ARW's preview is resources/sample/photos/solaris-grapes.jpg cropped to portrait and
    // stored turned; upright, the thumbnail is that portrait crop again.
    // (sharp applies only the last resize of a pipeline: the crop is made first, then shrunk.)
    const crop = await sharp(join(__dirname, '..', '..', 'resources', 'sample', 'photos', 'solaris-grapes.jpg')).resize(1080, 1616, { fit: 'cover' }).toBuffer();
    const ref = await sharp(crop).resize(27, 40, { fit: 'fill' }).removeAlpha().raw().toBuffer();
    const ours = await sharp(previewPath(cache, p.id, 'thumb')).rotate().resize(27, 40, { fit: 'fill' }).removeAlpha().raw().toBuffer();
    let diff = 0;
    for (let i = 0; i < ref.length; i++) diff += Math.abs(ref[i]! - ours[i]!);
    expect(diff / ref.length).toBeLessThan(12);
  });

  it('reads the XMP sidecar that came with the raw, keeps it beside the copy, and writes the Chinese caption into it', async () => {
    const { store, cache } = await library();
    const ingested = added(await add(store, cache, 'canon-eos-6d.dng'));
    // A sidecar that is not XMP is refused and writes nothing.
    await expectAppError(attachRawSidecar(store, ingested.id, Buffer.from('<x:xmpmeta><rdf:RDF')), 'RAW_SIDECAR_UNREADABLE');
    const p = await attachRawSidecar(store, ingested.id, await readFile(join(DIR, 'canon-eos-6d.xmp')));
    expect(p.sidecar).toBe(`library/files/${p.id}.xmp`);
    const side = join(store.filePath(p).replace(/\.dng$/, '.xmp'));
    expect(await readFile(side)).toEqual(await readFile(join(DIR, 'canon-eos-6d.xmp')));
    expect(p.tech.lens).toBe('EF24-105mm f/4L IS USM');
    const meta = PhotoMeta.parse({ caption: { zh: '沁源县灵空山的党参育苗基地', en: 'Codonopsis seedlings at Lingkongshan' }, creator: '李明' });
    const after = await captionPhoto(store, p.id, meta);
    // The raw is never written into; the caption is in the sidecar, which exiftool reads.
    expect(sha(await store.readBytes(after))).toBe(p.sha256);
    const ratings = await markPhotos(store, [p.id], { rating: 4, label: 'red' });
    expect(ratings[0]!.rating).toBe(4);
    // One exiftool run reads all five back; Lightroom's develop settings survive the writes.
    expect(exif(side, '-XMP-dc:Description', '-XMP-dc:Creator', '-XMP-crs:CameraProfile', '-XMP-xmp:Rating', '-XMP-xmp:Label').split('\n'))
      .toEqual(['沁源县灵空山的党参育苗基地', '李明', 'Adobe Standard', '4', 'Red']);
    // The same card imported again: the desk's sidecar is the newer word and stays.
    const before = await readFile(side);
    await attachRawSidecar(store, p.id, await readFile(join(DIR, 'canon-eos-6d.xmp')));
    expect((await readFile(side)).equals(before)).toBe(true);
  });

  it('a raw without a usable preview is refused in both languages and the batch goes on', async () => {
    const { store, cache, root } = await library();
    const r = await add(store, cache, 'no-preview-canon-eos-350d.cr2');
    expect(r.status).toBe('failed');
    if (r.status !== 'failed') return;
    expect(r.error.code).toBe('RAW_NO_PREVIEW');
    expect(r.error.message['zh-CN']).toContain('此原始文件没有可用的内嵌预览');
    expect(r.error.message.en).toContain('This raw file carries no usable embedded preview');
    const t = await add(store, cache, 'truncated-iphone-12-pro.dng');
    expect(t.status === 'failed' && t.error.code).toBe('RAW_NO_PREVIEW');
    // Nothing of either is left in the library; the next raw goes in.
    expect(existsSync(join(root, 'library', 'files')) ? await readdir(join(root, 'library', 'files')) : []).toEqual([]);
    expect(await store.all()).toEqual([]);
    added(await add(store, cache, 'canon-eos-350d.cr2'));
    expect((await store.all()).length).toBe(1);
  });

  it('a ".nef" that is a JPEG inside is ingested as the JPEG it is', async () => {
    const { store, cache } = await library();
    const bytes = await readFile(join(__dirname, '..', '..', 'resources', 'sample', 'photos', 'tea-gardens.jpg'));
    const p = added(await ingest(store, cache, { name: 'DSC_0001.NEF', sourcePath: 'card/DSC_0001.NEF', bytes }));
    expect(p.file).toMatch(/\.jpg$/);
    expect([p.tech.width, p.tech.height]).toEqual([3000, 2000]);
  });

  it('a cleared cache is made again from the raw\'s JPEG; export and placing use the JPEG, upright, caption inside', async () => {
    const { store, cache, root } = await library();
    const p = added(await add(store, cache, 'nikon-d70.nef'));
    await captionPhoto(store, p.id, PhotoMeta.parse({ caption: { zh: '党参晾晒', en: 'Drying codonopsis' } }));
    await rm(join(cache, 'library'), { recursive: true });
    const thumb = await sharp(await readPreview(cache, p.id, 'thumb', await store.resolveFile(p))).rotate().metadata();
    expect([thumb.width, thumb.height]).toEqual([266, 400]);

    const out = await exportPhotos(store, [p.id], { longEdge: 800, quality: 80, watermark: '' }, join(root, 'out'));
    expect(out.failed).toEqual([]);
    const exported = await sharp(out.written[0]!.file).metadata();
    expect([exported.width, exported.height]).toEqual([532, 800]);

    const editionDir = join(root, 'raw.edition');
    await writeNewEdition(editionDir, bundleFromTemplates(NewEditionInput.parse({ title: '原始文件', issueDate: '2027-03-05', size: 'a4', pages: ['photo'] })), []);
    const { photo } = await placeLibraryPhoto(root, store, editionDir, p.id);
    expect(photo.asset.file).toBe('assets/nikon-d70.jpg');
    expect([photo.asset.width, photo.asset.height]).toEqual([1064, 1600]);
    const placed = join(editionDir, photo.asset.file);
    expect(exif(placed, '-n', '-XMP-dc:Description', '-IFD0:Orientation').split('\n')).toEqual(['党参晾晒', '6']);
    // The embedded JPEG's scan data, not a second lossy encode of it.
    const jpeg = execFileSync('exiftool', ['-b', '-JpgFromRaw', join(DIR, 'nikon-d70.nef')]);
    const scan = (b: Buffer) => b.subarray(b.indexOf(Buffer.from([0xff, 0xda])));
    expect(scan(await readFile(placed)).equals(scan(jpeg))).toBe(true);
  });
});
