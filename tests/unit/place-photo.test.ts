import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, realpath, rename, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi } from '../../electron/services/api';
import { ensureWorkspace } from '../../electron/services/bootstrap';
import { createConfSettings } from '../../electron/services/conf-settings';
import { captionPhoto } from '../../electron/services/library/caption';
import { ingest } from '../../electron/services/library/ingest';
import type { LibraryStore } from '../../electron/services/library/store';
import { placeLibraryPhoto } from '../../electron/services/place-photo';
import { resolveMedia } from '../../electron/services/media';
import { SAMPLE_EDITION_REF } from '../../electron/services/sample';
import type { Workspace } from '../../electron/services/workspace';
import { createHandler, type Handler } from '../../shared/contract/handle';
import { Edition, PhotoMeta, type Photo } from '../../shared/document/schema';
import type { LibraryPhoto } from '../../shared/photo/library';
import { SHARED_FIXTURES, SHARED_FIXTURES_SKIP } from '../support/shared-fixtures';
import { RESOURCES, cleanupTemp, expectAppError, expectFail, expectOk, tempDir, treeHash } from './helpers';

// edition:place-photo on a real workspace: the library file is copied into the edition's
// assets/ with its caption inside (exiftool is the referee), placed twice it is one photo,
// and refusals (unknown ids, escapes through symlinks, a broken edition.json) write nothing.

const PHOTOS = SHARED_FIXTURES ? join(SHARED_FIXTURES, 'photos') : '';
const d = SHARED_FIXTURES ? describe : describe.skip;
if (!SHARED_FIXTURES) console.log(SHARED_FIXTURES_SKIP);

const ED = SAMPLE_EDITION_REF;
let ws: Workspace;
let library: LibraryStore;
let handle: Handler;
let dir: string;

async function add(file: string): Promise<LibraryPhoto> {
  const r = await ingest(library, ws.cacheDir, { name: file, sourcePath: file, bytes: await readFile(join(PHOTOS, file)) });
  if (r.status === 'failed') throw new Error(JSON.stringify(r.error));
  return r.photo;
}
const edition = async () => Edition.parse(JSON.parse(await readFile(join(dir, 'edition.json'), 'utf8')));
const exif = (file: string, ...tags: string[]) => execFileSync('exiftool', ['-s3', '-charset', 'utf8', ...tags, file], { encoding: 'utf8' }).trim();
const sha = async (file: string) => createHash('sha256').update(await readFile(file)).digest('hex');

beforeAll(async () => {
  const userData = await realpath(await tempDir('place'));
  const boot = await ensureWorkspace(userData, RESOURCES);
  ws = boot.workspace;
  library = boot.library;
  dir = await ws.resolveEdition(ED);
  handle = createHandler(createApi({ workspace: ws, settings: createConfSettings(userData), library, host: 'browser', version: 'test', defaultEdition: ED }), (e) => { throw e; });
});
afterAll(cleanupTemp);

d('edition:place-photo', () => {
  it('copies the library file into assets/ with its caption in the file and the record meta on the edition photo', async () => {
    const lib = await add('Canon_40D.jpg');
    const meta = PhotoMeta.parse({
      caption: { zh: '沁源县灵空山林场的清晨', en: 'Morning at Lingkongshan forest farm, Qinyuan County' },
      creator: '李明', credit: '沁源县融媒体中心', keywords: ['林场', '生态'], location: { city: '沁源', sublocation: '灵空山' },
    });
    const captioned = await captionPhoto(library, lib.id, meta);
    const before = (await edition()).photos.length;

    const { photo, reused } = expectOk<{ photo: Photo; reused: boolean }>(await handle('edition:place-photo', { edition: ED, libraryId: lib.id }));
    expect(reused).toBe(false);
    expect(photo.libraryId).toBe(lib.id);
    expect(photo.asset.file).toBe('assets/Canon_40D.jpg');
    expect(photo.meta).toEqual(captioned.meta);
    const file = join(dir, photo.asset.file);
    expect(await sha(file)).toBe(photo.asset.sha256);
    // The library file already held the caption, so the copy is byte for byte the library's.
    expect(photo.asset.sha256).toBe(captioned.sha256);
    expect(exif(file, '-XMP-dc:Description')).toBe('沁源县灵空山林场的清晨');
    expect(exif(file, '-XMP-dc:Creator')).toBe('李明');
    expect(exif(file, '-XMP-photoshop:Credit')).toBe('沁源县融媒体中心');
    expect(photo.asset.width).toBe(captioned.tech.width);
    expect(photo.asset.height).toBe(captioned.tech.height);

    const ed = await edition();
    expect(ed.photos).toHaveLength(before + 1);
    expect(ed.photos.at(-1)).toEqual(photo);
  });

  it('placing the same photo twice reuses it; a caption changed since is brought into the copy', async () => {
    const lib = await add('DSCN0010.jpg');
    const first = expectOk<{ photo: Photo }>(await handle('edition:place-photo', { edition: ED, libraryId: lib.id })).photo;
    const tree = await treeHash(dir);
    const second = expectOk<{ photo: Photo; reused: boolean }>(await handle('edition:place-photo', { edition: ED, libraryId: lib.id }));
    expect(second.reused).toBe(true);
    expect(second.photo).toEqual(first);
    expect(await treeHash(dir)).toEqual(tree);

    await captionPhoto(library, lib.id, { ...lib.meta, caption: { zh: '新的图片说明', en: 'A new caption' } });
    const third = expectOk<{ photo: Photo; reused: boolean }>(await handle('edition:place-photo', { edition: ED, libraryId: lib.id }));
    expect(third.reused).toBe(true);
    expect(third.photo.id).toBe(first.id);
    expect(third.photo.asset.file).toBe(first.asset.file);
    expect(third.photo.meta.caption.zh).toBe('新的图片说明');
    expect(exif(join(dir, first.asset.file), '-XMP-dc:Description')).toBe('新的图片说明');
    expect((await edition()).photos.filter((p) => p.libraryId === lib.id)).toHaveLength(1);
  });

  it('two placements at once make one photo (edition.json writes are serialised)', async () => {
    const a = await add('Sony_DSLR-A200.jpg');
    const b = await add('olympus-d320l.jpg');
    const results = await Promise.all([a, b, a, b].map((p) => handle('edition:place-photo', { edition: ED, libraryId: p.id })));
    for (const r of results) expectOk(r);
    const photos = (await edition()).photos;
    expect(photos.filter((p) => p.libraryId === a.id)).toHaveLength(1);
    expect(photos.filter((p) => p.libraryId === b.id)).toHaveLength(1);
  });

  it('a caption written on the desk while the photo is placed: file and meta of the copy agree', async () => {
    const lib = await add('fujifilm-dx10.jpg');
    for (const zh of ['并发一', '并发二', '并发三']) {
      const [, r] = await Promise.all([
        captionPhoto(library, lib.id, { ...lib.meta, caption: { zh, en: '' } }),
        handle('edition:place-photo', { edition: ED, libraryId: lib.id }),
      ]);
      const { photo } = expectOk<{ photo: Photo }>(r);
      expect(exif(join(dir, photo.asset.file), '-XMP-dc:Description')).toBe(photo.meta.caption.zh || '');
      expect((await edition()).photos.find((p) => p.id === photo.id)!.meta).toEqual(photo.meta);
    }
  });

  it('a TIFF becomes a JPEG in the edition (Chromium cannot draw TIFF), caption inside', async () => {
    const lib = await add('DudleyLeavittUtah.tiff');
    await captionPhoto(library, lib.id, { ...lib.meta, caption: { zh: '犹他州的旧照片', en: 'An old photo from Utah' } });
    const { photo } = expectOk<{ photo: Photo }>(await handle('edition:place-photo', { edition: ED, libraryId: lib.id }));
    expect(photo.asset.file).toBe('assets/DudleyLeavittUtah.jpg');
    const file = join(dir, photo.asset.file);
    expect(exif(file, '-FileType')).toBe('JPEG');
    expect(exif(file, '-XMP-dc:Description')).toBe('犹他州的旧照片');
    expect([photo.asset.width, photo.asset.height]).toEqual([lib.tech.width, lib.tech.height]);
  });

  it('a second photo with the same file name gets its own asset name', async () => {
    const lib = await add('Landscape_1.jpg');
    const ed = await edition();
    // Another photo already holds assets/Landscape_1.jpg (copied by hand, listed in the edition).
    await writeFile(join(dir, 'assets', 'Landscape_1.jpg'), await readFile(join(PHOTOS, 'Landscape_2.jpg')));
    const other = { ...ed.photos[0]!, id: 'hand-copied', asset: { ...ed.photos[0]!.asset, file: 'assets/Landscape_1.jpg', sha256: await sha(join(dir, 'assets', 'Landscape_1.jpg')) } };
    await writeFile(join(dir, 'edition.json'), JSON.stringify({ ...ed, photos: [...ed.photos, other] }));
    const { photo } = expectOk<{ photo: Photo }>(await handle('edition:place-photo', { edition: ED, libraryId: lib.id }));
    expect(photo.asset.file).toBe('assets/Landscape_1-2.jpg');
    expect(await sha(join(dir, 'assets', 'Landscape_1.jpg'))).toBe(other.asset.sha256);
  });

  it('a story figure names the library photo: media finds the edition copy by its libraryId', async () => {
    const lib = await add('HMD_Nokia_8.3_5G.jpg');
    const { photo } = expectOk<{ photo: Photo }>(await handle('edition:place-photo', { edition: ED, libraryId: lib.id }));
    const ed = await edition();
    await writeFile(join(dir, 'edition.json'), JSON.stringify({ ...ed, photos: ed.photos.map((p) => (p.id === photo.id ? { ...p, id: 'renamed-copy' } : p)) }));
    const media = await resolveMedia(ws, ED, lib.id, 'original');
    expect(media.body.equals(await readFile(join(dir, photo.asset.file)))).toBe(true);
    await expectAppError(resolveMedia(ws, ED, 'ph-00000000000000000000', 'original'), 'NOT_FOUND');
  });

  it('refuses unknown and malformed ids, writing nothing', async () => {
    const tree = await treeHash(dir);
    expectFail(await handle('edition:place-photo', { edition: ED, libraryId: 'ph-00000000000000000000' }), 'NOT_FOUND');
    expectFail(await handle('edition:place-photo', { edition: ED, libraryId: '../library/files/x' }), 'INVALID_ARGUMENT');
    expectFail(await handle('edition:place-photo', { edition: ED, libraryId: 'PH_1' }), 'INVALID_ARGUMENT');
    expectFail(await handle('edition:place-photo', { edition: '../outside.edition', libraryId: 'ph-1' }), 'INVALID_ARGUMENT', 'PATH_OUTSIDE_WORKSPACE');
    expectFail(await handle('edition:place-photo', { edition: 'missing.edition', libraryId: 'ph-1' }), 'NOT_FOUND');
    expect(await treeHash(dir)).toEqual(tree);
  });

  it('refuses a library file that a symlink leads outside the workspace', async () => {
    const lib = await add('no_exif.jpg');
    const outside = join(await tempDir('place-outside'), 'secret.jpg');
    await writeFile(outside, await readFile(join(PHOTOS, 'BlueSquare.jpg')));
    const inLibrary = join(ws.root, lib.file);
    await rename(inLibrary, `${inLibrary}.moved`);
    await symlink(outside, inLibrary);
    const tree = await treeHash(dir);
    await expectAppError(placeLibraryPhoto(ws.root, library, dir, lib.id), 'SYMLINK_REFUSED');
    expect(await treeHash(dir)).toEqual(tree);
  });

  it('refuses an assets/ folder that is a symlink out of the edition', async () => {
    const lib = await add('PNG.png');
    const other = await tempDir('place-assets');
    const ed2 = join(ws.root, 'linked.edition');
    await mkdir(ed2);
    await writeFile(join(ed2, 'edition.json'), await readFile(join(dir, 'edition.json')));
    await symlink(other, join(ed2, 'assets'));
    await expectAppError(placeLibraryPhoto(ws.root, library, await ws.resolveEdition('linked.edition'), lib.id), 'PATH_OUTSIDE_WORKSPACE');
    expect(await readdir(other)).toEqual([]);
  });

  it('never writes over an edition.json that does not parse', async () => {
    const lib = await add('MWG.jpg');
    const ed3 = join(ws.root, 'broken.edition');
    await mkdir(ed3);
    await writeFile(join(ed3, 'edition.json'), '{"schemaVersion": 1, "title": ');
    expectFail(await handle('edition:place-photo', { edition: 'broken.edition', libraryId: lib.id }), 'EDITION_MALFORMED');
    expect(await readFile(join(ed3, 'edition.json'), 'utf8')).toBe('{"schemaVersion": 1, "title": ');
    expect(await readdir(ed3)).toEqual(['edition.json']);
  });
});
