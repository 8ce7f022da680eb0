import { parentPort } from 'node:worker_threads';
import { AppError } from '../../../shared/contract/errors';
import { appError } from '../../../shared/contract/messages';
import { importCopy } from './story-copy';

// The worker side of import-off-thread.ts: a file in, its story (or a typed error) out, one
// at a time, for as long as the host keeps the worker. Built as out/workers/import-worker.mjs
// (scripts/build.mjs).
parentPort?.on('message', (m: { fileName: string; bytes: Uint8Array }) => {
  try {
    parentPort!.postMessage({ ok: true, value: importCopy(m.fileName, m.bytes) });
  } catch (e) {
    const err = e instanceof AppError ? e : appError('INTERNAL', e instanceof Error ? e.message : String(e));
    parentPort!.postMessage({ ok: false, error: err.toData() });
  }
});
