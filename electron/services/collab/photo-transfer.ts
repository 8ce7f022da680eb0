import { createHash } from 'node:crypto';
import { appError } from '../../../shared/contract/messages';
import type { CollabEngine } from './types';

// Photos travel by content: the server keeps each file once under its sha256 (upload once,
// HEAD first), and a desk checks the hash of every file it downloads before it keeps it.

export const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** Uploads the bytes unless the server has them already. Returns whether they were sent. */
export async function uploadPhoto(engine: CollabEngine, hash: string, bytes: Uint8Array): Promise<boolean> {
  if (sha256(bytes) !== hash) throw appError('IO_ERROR', `photo ${hash}: the file no longer has the hash edition.json records`);
  const head = await engine.request('HEAD', `/api/photos/${hash}`);
  if (head.status === 200) return false;
  if (head.status !== 404) throw appError('IO_ERROR', `HEAD /api/photos/${hash}: ${head.status}`);
  const put = await engine.request('PUT', `/api/photos/${hash}`, bytes);
  if (put.status !== 200 && put.status !== 201) throw appError('IO_ERROR', `PUT /api/photos/${hash}: ${put.status}`);
  return true;
}

/** The photo's bytes from the server, refused unless they hash to `hash`. */
export async function downloadPhoto(engine: CollabEngine, hash: string): Promise<Uint8Array> {
  const reply = await engine.request('GET', `/api/photos/${hash}`);
  if (reply.status === 404) throw appError('NOT_FOUND', `photo ${hash} on the server`);
  if (reply.status !== 200 || !reply.bytes) throw appError('IO_ERROR', `GET /api/photos/${hash}: ${reply.status}`);
  if (sha256(reply.bytes) !== hash) throw appError('IO_ERROR', `photo ${hash}: the server's bytes do not match their hash`);
  return reply.bytes;
}

/**
 * Uploads the edition's photo files the server may lack: those not in `known` (by hash).
 * One that cannot be read or sent is reported and the others go on; the next pass (the
 * next local change with photos, or opening the edition) tries it again.
 */
export async function uploadPhotos(engine: CollabEngine, dir: string, photos: { asset: { file: string; sha256: string } }[], known: Set<string>, read: (dir: string, ...segments: string[]) => Promise<Uint8Array>): Promise<string[]> {
  const failed: string[] = [];
  const done = new Set(known);
  for (const p of photos) {
    if (done.has(p.asset.sha256)) continue;
    done.add(p.asset.sha256);
    try {
      await uploadPhoto(engine, p.asset.sha256, await read(dir, ...p.asset.file.split('/')));
    } catch (e) {
      failed.push(`${p.asset.file}: ${String(e)}`);
    }
  }
  return failed;
}
