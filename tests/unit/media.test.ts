import { readFile, readdir, realpath, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MEDIA_SIZES, parseLibraryMediaPath, parseMediaPath, resolveMedia, serveMedia } from '../../electron/services/media';
import { CSC_MODEL_FILE, setCscModelFile } from '../../electron/services/proof/csc-model';
import type { LibraryStore } from '../../electron/services/library/store';
import { SAMPLE_EDITION_REF, writeSampleEdition } from '../../electron/services/sample';
import { Workspace } from '../../electron/services/workspace';
import type { EditionBundle } from '../../shared/document/sample-edition';
import { RESOURCES, cleanupTemp, expectAppError, tempDir, treeHash } from './helpers';

let ws: Workspace;
let bundle: EditionBundle;

beforeAll(async () => {
  const base = await realpath(await tempDir('media'));
  ws = new Workspace(join(base, 'workspace'));
  await ws.init();
  bundle = await writeSampleEdition(RESOURCES, ws.pathFor(SAMPLE_EDITION_REF));
});
afterAll(cleanupTemp);

describe('resolveMedia', () => {
  it('makes a JPEG thumbnail no longer than 400 px and caches it by content hash', async () => {
    // The largest stand-in photo is the slowest case.
    const photo = [...bundle.edition.photos].sort((a, b) => b.asset.bytes - a.asset.bytes)[0]!;
    expect(Math.max(photo.asset.width, photo.asset.height)).toBeGreaterThan(MEDIA_SIZES.thumb);
    const wsBefore = await treeHash(ws.root);
    const r = await resolveMedia(ws, SAMPLE_EDITION_REF, photo.id, 'thumb');
    expect(r.mime).toBe('image/jpeg');
    const meta = await sharp(r.body).metadata();
    expect(meta.format).toBe('jpeg');
    expect(Math.max(meta.width!, meta.height!)).toBeLessThanOrEqual(400);
    expect(Math.max(meta.width!, meta.height!)).toBe(400);
    // Aspect ratio kept (within a pixel of rounding).
    expect(Math.abs(meta.width! / meta.height! - photo.asset.width / photo.asset.height)).toBeLessThan(0.01);

    const cached = join(ws.cacheDir, 'media', `${photo.asset.sha256}-thumb.jpg`);
    expect((await readFile(cached)).equals(r.body)).toBe(true);
    expect((await readdir(join(ws.cacheDir, 'media'))).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    // The cache lives beside the workspace; the edition itself is not written to.
    expect(await treeHash(ws.root)).toEqual(wsBefore);

    // A second call is served from the cache, not decoded again.
    const sentinel = await sharp({ create: { width: 8, height: 6, channels: 3, background: '#c00' } }).jpeg().toBuffer();
    await writeFile(cached, sentinel);
    const again = await resolveMedia(ws, SAMPLE_EDITION_REF, photo.id, 'thumb');
    expect(again.body.equals(sentinel)).toBe(true);
  });

  it('serves the original bytes unchanged', async () => {
    const photo = bundle.edition.photos[0]!;
    const r = await resolveMedia(ws, SAMPLE_EDITION_REF, photo.id, 'original');
    expect(r.mime).toBe('image/jpeg');
    expect(r.body.equals(await readFile(join(ws.pathFor(SAMPLE_EDITION_REF), photo.asset.file)))).toBe(true);
  });

  it('reports an unknown photo id or edition as NOT_FOUND', async () => {
    await expectAppError(resolveMedia(ws, SAMPLE_EDITION_REF, 'ph-0000000000000000', 'thumb'), 'NOT_FOUND');
    await expectAppError(resolveMedia(ws, 'missing.edition', bundle.edition.photos[0]!.id, 'thumb'), 'NOT_FOUND');
  });

  it('refuses an edition outside the workspace', async () => {
    await expectAppError(resolveMedia(ws, '../x.edition', 'ph-0000000000000000', 'thumb'), 'PATH_OUTSIDE_WORKSPACE');
  });
});

// The editor's 错别字 tables travel as one binary response (media path table/csc), not as
// base64 in a contract call (the same function serves app://desk/table/csc in Electron);
// nothing else under table/ is served.
describe('serveMedia: tables', () => {
  const noLibrary = {} as LibraryStore; // not consulted for these paths
  it('serves the csc table byte for byte, as octet-stream', async () => {
    setCscModelFile(join(RESOURCES, CSC_MODEL_FILE)); // the real table, whatever an earlier file in this fork set
    const r = await serveMedia(ws, noLibrary, ['table', 'csc']);
    expect(r?.mime).toBe('application/octet-stream');
    expect(r!.body.equals(await readFile(join(RESOURCES, CSC_MODEL_FILE)))).toBe(true);
  });
  it('knows no other table, and no longer path', async () => {
    for (const segs of [['table', 'csc', 'x'], ['table', 'x'], ['table'], ['table', '..', 'csc']]) expect(await serveMedia(ws, noLibrary, segs)).toBeNull();
  });
});

describe('parseMediaPath', () => {
  it('accepts photo/<edition>/<id>/<size> and nothing else', () => {
    expect(parseMediaPath(['photo', SAMPLE_EDITION_REF, 'ph-abc', 'thumb'])).toEqual({ edition: SAMPLE_EDITION_REF, photoId: 'ph-abc', size: 'thumb' });
    expect(parseMediaPath(['photo', SAMPLE_EDITION_REF, 'ph-abc', 'huge'])).toBeNull();
    expect(parseMediaPath(['photo', SAMPLE_EDITION_REF, '../x', 'thumb'])).toBeNull();
    for (const size of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      expect(parseMediaPath(['photo', SAMPLE_EDITION_REF, 'ph-abc', size]), size).toBeNull();
      expect(parseLibraryMediaPath(['library', 'ph-abc', size]), size).toBeNull();
    }
    expect(parseMediaPath(['photo', SAMPLE_EDITION_REF, 'ph-abc'])).toBeNull();
    expect(parseMediaPath(['file', SAMPLE_EDITION_REF, 'ph-abc', 'thumb'])).toBeNull();
  });
});
