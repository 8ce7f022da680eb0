import { createHash } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeskServer } from '../../electron/services/deskserver/desk-server';
import { MAX_PHOTO_BYTES } from '../../electron/services/deskserver/photo-store';
import { cleanupTemp, tempDir } from './helpers';
import { addUsers, api, login, startServer } from './deskserver-support';

// Photos on the desk server are content-addressed: uploaded once, only under their own
// sha256, served back byte for byte.

const PHOTO = '/work/shared/fixtures/photos/HMD_Nokia_8.3_5G.jpg';
let dir: string;
let server: DeskServer;
let token: string;

beforeAll(async () => {
  dir = await tempDir('deskserver');
  await addUsers(dir, { wang: 'photographer', sun: 'proofreader' });
  server = await startServer(dir);
  token = await login(server, 'wang');
}, 60_000);

afterAll(async () => {
  await server?.close();
  await cleanupTemp();
});

describe('desk server photos', () => {
  it('refuses bytes that do not hash to the name, stores the right ones once, serves them back', async () => {
    const bytes = await readFile(PHOTO);
    const sha = createHash('sha256').update(bytes).digest('hex');
    const other = createHash('sha256').update('another photo').digest('hex');
    const path = `/api/photos/${sha}`;

    expect((await api(server, 'HEAD', path, { token })).status).toBe(404);
    expect((await api(server, 'PUT', `/api/photos/${other}`, { token, raw: bytes })).status).toBe(422);
    // One flipped byte in the middle of the scan data.
    const damaged = Buffer.from(bytes);
    const mid = damaged.length >> 1;
    damaged[mid] = damaged[mid]! ^ 0xff;
    expect((await api(server, 'PUT', path, { token, raw: damaged })).status).toBe(422);
    expect((await api(server, 'HEAD', path, { token })).status).toBe(404);

    expect((await api(server, 'PUT', path, { token, raw: bytes })).status).toBe(201);
    const again = await api(server, 'PUT', path, { token, raw: bytes });
    expect(again.status).toBe(200);
    expect(again.json).toEqual({ sha256: sha, stored: false });

    const head = await api(server, 'HEAD', path, { token });
    expect(head.status).toBe(200);
    expect(Number(head.headers['content-length'])).toBe(bytes.length);
    const got = await api(server, 'GET', path, { token: await login(server, 'sun') });
    expect(got.status).toBe(200);
    expect(createHash('sha256').update(got.bytes).digest('hex')).toBe(sha);

    // On disk: one file under its hash, no temp leftovers of the refused uploads.
    const files = (await readdir(join(dir, 'photos'), { recursive: true, withFileTypes: true })).filter((f) => f.isFile()).map((f) => f.name);
    expect(files).toEqual([sha]);
  });

  it('refuses names that are not a sha256, uploads past the size limit, and callers without a session', async () => {
    expect((await api(server, 'GET', '/api/photos/..%2Fdesk.db', { token })).status).toBe(400);
    expect((await api(server, 'GET', `/api/photos/${'A'.repeat(64)}`, { token })).status).toBe(400);
    const sha = 'b'.repeat(64);
    const r = await api(server, 'PUT', `/api/photos/${sha}`, { token, raw: Buffer.from('x'), headers: { 'content-length': String(MAX_PHOTO_BYTES + 1) } }).catch((e: Error) => e);
    // The server answers 413 from the declared length without reading; the client may see the reset instead.
    if (!(r instanceof Error)) expect(r.status).toBe(413);
    expect((await api(server, 'HEAD', `/api/photos/${sha}`, { token })).status).toBe(404);
    const bytes = await readFile(PHOTO);
    const real = createHash('sha256').update(bytes).digest('hex');
    expect((await api(server, 'GET', `/api/photos/${real}`)).status).toBe(401);
    expect((await api(server, 'PUT', `/api/photos/${real}`, { raw: bytes })).status).toBe(401);
  });
});
