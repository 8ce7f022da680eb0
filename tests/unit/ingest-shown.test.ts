import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ingestShownChannels } from '../../electron/services/library/ingest-shown-api';
import { wholeJpeg } from '../../electron/services/library/previews';
import { LibraryStore } from '../../electron/services/library/store';
import { resolveLibraryMedia } from '../../electron/services/media';
import { Workspace } from '../../electron/services/workspace';
import { SHARED_FIXTURES, SHARED_FIXTURES_SKIP } from '../support/shared-fixtures';
import { cleanupTemp, expectAppError, REPO_ROOT, tempDir } from './helpers';
import { cameraJpeg } from '../support/camera-jpeg';
import { backgroundSettled } from '../../electron/services/library/preview-background';

// Thumbnails on the sheet before the record (issue 15, item 2): library:ingest-shown answers
// while the commit is still under way and the thumbnail is served meanwhile;
// library:ingest-committed gives the outcome, and a failed commit says so.

afterAll(cleanupTemp);
const d = SHARED_FIXTURES ? describe : describe.skip;
if (!SHARED_FIXTURES) console.log(SHARED_FIXTURES_SKIP);

async function setup() {
  const root = await tempDir('shown');
  const ws = new Workspace(join(root, 'workspace'), join(root, 'cache'));
  const store = new LibraryStore(ws.root);
  return { ws, store, api: ingestShownChannels(store, () => ws.cacheDir, true) };
}

const photo = (name: string) => readFileSync(join(SHARED_FIXTURES!, 'photos', name));

d('library:ingest-shown', () => {
  it('answers with the thumbnail made and the record not yet written, then the commit adds it', async () => {
    const { ws, store, api } = await setup();
    const bytes = photo('DSCN0010.jpg');
    const shown = await api['library:ingest-shown']({ name: 'DSCN0010.jpg', sourcePath: 'card/DSCN0010.jpg', bytes });
    if (shown.status !== 'shown') throw new Error(`expected shown, got ${shown.status}`);
    const id = shown.photo.id;
    expect(existsSync(store.recordPath(id))).toBe(false);
    // The sheet's thumbnail is served while the record is on its way.
    const thumb = await resolveLibraryMedia(ws, store, id, 'thumb');
    expect(wholeJpeg(thumb.body)).toBe(true);
    const done = await api['library:ingest-committed']({ id });
    expect(done.status).toBe('added');
    // The record is the photo shown, with its near-duplicate hash added.
    if (done.status !== 'added') throw new Error(done.status);
    const { dhash, ...rest } = done.photo;
    expect(rest).toEqual(shown.photo);
    expect(dhash).toMatch(/^[0-9a-f]{16}$/);
    expect(store.showing.has(id)).toBe(false);
    const onDisk = JSON.parse(readFileSync(store.recordPath(id), 'utf8'));
    expect(onDisk.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    // Asked again (a second desk, a reload): the record answers.
    expect((await api['library:ingest-committed']({ id })).status).toBe('added');
    // A duplicate never shows: it answers at once.
    expect((await api['library:ingest-shown']({ name: 'again.jpg', sourcePath: '', bytes })).status).toBe('duplicate');
  }, 30_000);

  it('a commit that fails is reported with its message and leaves neither record nor temp files', async () => {
    const { store, api } = await setup();
    const bytes = photo('Canon_40D.jpg');
    const id = `ph-${createHash('sha256').update(bytes).digest('hex').slice(0, 20)}`;
    // A folder where the record should go: the record cannot be written.
    mkdirSync(store.recordPath(id), { recursive: true });
    // With a sound photo in the same commit: its commit must not fail with the other's.
    const [shown, other] = await Promise.all([
      api['library:ingest-shown']({ name: 'Canon_40D.jpg', sourcePath: '', bytes }),
      api['library:ingest-shown']({ name: 'DSCN0010.jpg', sourcePath: '', bytes: photo('DSCN0010.jpg') }),
    ]);
    expect([shown.status, other.status]).toEqual(['shown', 'shown']);
    const [done, sound] = await Promise.all([
      api['library:ingest-committed']({ id }),
      api['library:ingest-committed']({ id: other.status === 'shown' ? other.photo.id : '' }),
    ]);
    expect(sound.status).toBe('added');
    if (done.status !== 'failed') throw new Error(`expected failed, got ${done.status}`);
    expect(done.name).toBe('Canon_40D.jpg');
    expect(done.error.message['zh-CN']).not.toBe('');
    expect(store.showing.has(id)).toBe(false);
    expect(await store.get(id)).toBeUndefined();
    expect(readdirSync(join(store.dir, 'files')).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    expect(readdirSync(join(store.dir, 'records')).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  }, 30_000);
});

describe('library:ingest-file-shown', () => {
  it('takes a camera file from its path as ingest-shown takes its bytes; refuses a relative path, a folder and a missing file', async () => {
    const { ws, store, api } = await setup();
    const root = await tempDir('file-shown');
    const dir = join(REPO_ROOT, 'resources', 'sample', 'photos');
    const bytes = await cameraJpeg(join(dir, readdirSync(dir).find((f) => f.endsWith('.jpg'))!), { width: 2400, height: 1600, orientation: 8 });
    const file = join(root, 'IMG_0042.JPG');
    writeFileSync(file, bytes);
    // Through a link, as a card mounted under another name: the file it names is read.
    symlinkSync(file, join(root, 'link.JPG'));
    const shown = await api['library:ingest-file-shown']({ path: join(root, 'link.JPG'), sourcePath: 'DCIM/100CANON/IMG_0042.JPG' });
    if (shown.status !== 'shown') throw new Error(`expected shown, got ${JSON.stringify(shown)}`);
    expect(shown.photo).toMatchObject({ fileName: 'IMG_0042.JPG', sourcePath: 'DCIM/100CANON/IMG_0042.JPG', bytes: bytes.length });
    expect(shown.photo.tech.orientation).toBe(8);
    expect(wholeJpeg((await resolveLibraryMedia(ws, store, shown.photo.id, 'thumb')).body)).toBe(true);
    const done = await api['library:ingest-committed']({ id: shown.photo.id });
    if (done.status !== 'added') throw new Error(done.status);
    expect(readFileSync(store.filePath(done.photo)).equals(bytes)).toBe(true);

    // The same photo as bytes is the same record.
    const other = await setup();
    const asBytes = await other.api['library:ingest-shown']({ name: 'IMG_0042.JPG', sourcePath: 'DCIM/100CANON/IMG_0042.JPG', bytes: new Uint8Array(bytes) });
    if (asBytes.status !== 'shown') throw new Error(asBytes.status);
    expect({ ...asBytes.photo, importedAt: '' }).toEqual({ ...shown.photo, importedAt: '' });
    // A second time from its path: the library has it.
    expect((await api['library:ingest-file-shown']({ path: file, sourcePath: '' })).status).toBe('duplicate');

    await expectAppError(api['library:ingest-file-shown']({ path: 'IMG_0042.JPG', sourcePath: '' }), 'INVALID_ARGUMENT');
    await expectAppError(api['library:ingest-file-shown']({ path: root, sourcePath: '' }), 'UNSUPPORTED_FORMAT');
    await expectAppError(api['library:ingest-file-shown']({ path: join(root, 'gone.JPG'), sourcePath: '' }), 'NOT_FOUND');
    // Not an image: failed with its own message, nothing added.
    mkdirSync(join(root, 'notes'));
    writeFileSync(join(root, 'notes', 'a.jpg'), 'not a photo');
    const bad = await api['library:ingest-file-shown']({ path: join(root, 'notes', 'a.jpg'), sourcePath: '' });
    expect(bad).toMatchObject({ status: 'failed', name: 'a.jpg', error: { code: 'UNSUPPORTED_FORMAT' } });
    // The browser host has no paths to give, and refuses the channel.
    const browser = ingestShownChannels(store, () => ws.cacheDir, false);
    await expectAppError(browser['library:ingest-file-shown']({ path: file, sourcePath: '' }), 'FORBIDDEN');
    await backgroundSettled();
  });
});
