import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { ASSET_RECORD_FILE } from '../../electron/services/collab/asset-captions';
import { createDeskServer, type DeskServer } from '../../electron/services/deskserver/desk-server';
import { resolveMedia } from '../../electron/services/media';
import { docName } from '../../shared/collab/doc-names';
import { applyPhotosChange, readPhotosDoc } from '../../shared/collab/edition-y';
import type { Edition, Photo } from '../../shared/document/schema';
import { tempDir as deskTemp, until } from '../support/collab-desk';
import { addUsers } from './deskserver-support';
import { eventually, netDesk, readJson, type NetDesk } from './collab-net-support';
import { exiftool } from './metadata-support';
import { cleanupTemp, expectOk } from './helpers';

// Photos between desks on one real desk server (issue 12 follow-ups, items 3 and 4):
// a photo placed from desk A's library (as the editor's 插图 does for a figure) arrives on
// desk B, whose library never had it, by its sha256 from the server's photo store, and the
// figure's library id answers on B; a caption changed in the photos document by another
// desk is written into B's file (XMP and IPTC), as a local caption edit would be.

const cleanup: Array<() => unknown> = [];
afterAll(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
  await cleanupTemp();
});
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

describe('photos between desks', () => {
  let server: DeskServer;
  let a: NetDesk;
  let b: NetDesk;
  let refA = '';
  let refB = '';
  let remoteId = '';
  let placed: Photo;

  it('a photo placed on A arrives on B by sha256 and answers for A\'s library id', { timeout: 120_000 }, async () => {
    const data = await deskTemp('photos-server-');
    await addUsers(data, { wang: 'chief', li: 'editor', pei: 'photographer' });
    server = await createDeskServer({ dataDir: data, port: 0, host: '127.0.0.1', quiet: true });
    cleanup.push(() => server.close());
    a = await netDesk('photos-a', server, 'wang', cleanup);
    b = await netDesk('photos-b', server, 'li', cleanup);
    refA = expectOk<{ ref: string }>(await a.handle('edition:create', { title: '图片特刊', issueDate: '2027-03-05', size: 'a4', pages: ['photo'] })).ref;
    remoteId = expectOk<{ remoteId: string }>(await a.handle('collab:publish', { edition: refA })).remoteId;
    refB = expectOk<{ ref: string }>(await b.handle('collab:open-remote', { remoteId })).ref;
    expectOk(await b.handle('edition:open', { edition: refB }));

    // On A: into the library, then into the edition (what a figure's 插图 does through `place`).
    const bytes = await readFile('/work/shared/fixtures/photos/IPTC.jpg');
    const ing = expectOk<{ photo: { id: string } }>(await a.handle('library:ingest', { name: 'IPTC.jpg', sourcePath: 'IPTC.jpg', bytes: new Uint8Array(bytes) }));
    placed = expectOk<{ photo: Photo }>(await a.handle('edition:place-photo', { edition: refA, libraryId: ing.photo.id })).photo;
    expect(placed.libraryId).toBe(ing.photo.id);
    expect(await b.library.get(ing.photo.id)).toBeFalsy();

    const dirB = b.ws.pathFor(refB);
    await eventually(async () => (await readJson<Edition>(join(dirB, 'edition.json'))).photos.some((p) => p.libraryId === ing.photo.id), 'the photo in B\'s edition.json', 30_000);
    expect(sha(await readFile(join(dirB, placed.asset.file)))).toBe(placed.asset.sha256);
    // The figure names A's library id: B's media route answers it from the edition's copy.
    const media = await resolveMedia(b.ws, refB, ing.photo.id, 'preview');
    const m = await sharp(Buffer.from(media.body)).metadata();
    expect(m.format).toBe('jpeg');
    expect(m.width).toBeGreaterThan(0);
  });

  it('a caption changed in the photos document by another desk is written into B\'s file (exiftool)', { timeout: 120_000 }, async () => {
    // A photographer's desk changes the caption in the shared photos document.
    const c = await netDesk('photos-c', server, 'pei', cleanup);
    const doc = await c.engine.openDoc(docName({ kind: 'photos', editionId: remoteId }));
    await until(() => readPhotosDoc(doc).some((p) => p.id === placed.id), 10_000, 'the photos document on C');
    const photos = readPhotosDoc(doc);
    const caption = { zh: '沁源县两会开幕，代表步入会场（图片部改）', en: 'Delegates enter the hall (fixed on the photo desk)' };
    applyPhotosChange(doc, photos, photos.map((p) => (p.id === placed.id ? { ...p, meta: { ...p.meta, caption, headline: '两会开幕' } } : p)));
    await until(async () => (await c.engine.status()).pending === 0, 10_000, 'C\'s change acknowledged');

    const fileB = join(b.ws.pathFor(refB), placed.asset.file);
    const tags = () => exiftool([fileB], ['-XMP-dc:Description-zh-CN', '-XMP-dc:Description-en', '-IPTC:Caption-Abstract', '-XMP-photoshop:Headline'])[fileB]!;
    await eventually(async () => tags()['Description-zh-CN'] === caption.zh, 'the new caption in B\'s file', 30_000);
    const t = tags();
    expect(t['Description-en']).toBe(caption.en);
    expect(t['Headline']).toBe('两会开幕');
    // IPTC-IIM kept in step (the fixture has it), as the caption writer does for a local edit.
    expect(t['Caption-Abstract']).toBe(caption.zh);
    await eventually(async () => (await readJson<Edition>(join(b.ws.pathFor(refB), 'edition.json'))).photos.find((p) => p.id === placed.id)!.meta.caption.zh === caption.zh, 'the caption in B\'s edition.json');

    // B's copy now hashes differently from the server's bytes: it is recorded, not fetched again.
    const record = await readJson<Record<string, { server: string; local: string }>>(join(b.ws.pathFor(refB), ASSET_RECORD_FILE));
    const localHash = sha(await readFile(fileB));
    expect(record[placed.asset.file]).toMatchObject({ server: placed.asset.sha256, local: localHash });
    // Another change to the edition runs the write-back again: the captioned copy stays.
    const pageB = expectOk<{ ref: string }>(await a.handle('page:create', { edition: refA, template: 'feature', name: '第二版' }));
    expect(pageB).toBeTruthy();
    await eventually(async () => (await readJson<Edition>(join(b.ws.pathFor(refB), 'edition.json'))).pages.length === 2, 'the new page on B', 30_000);
    expect(sha(await readFile(fileB))).toBe(localHash);
    expect(tags()['Description-zh-CN']).toBe(caption.zh);
  });
});
