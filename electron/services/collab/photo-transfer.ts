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
