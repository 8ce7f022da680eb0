import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { AppError, type AppErrorData } from '../../../shared/contract/errors';
import { appError } from '../../../shared/contract/messages';
import { tooLarge } from './import-budget';

// Imports run off the request path (issue 11, item 6): a .docx or Markdown file is parsed
// in a worker thread, so a slow or hostile file cannot stall the host's other calls
// (autosaves, app:info) while it is read. The worker also has its own heap limit and a
// time limit, so a file that gets past the budgets still ends in a named error, and the
// host process keeps its memory. One worker per import: starting one costs ~50 ms, far
// less than a .docx read, and nothing leaks from one file to the next.

const HEAP_MB = 768;
const TIME_LIMIT_MS = 60_000;

/** out/workers/<name>.mjs beside the running bundle (out/host, out/main, out/cli[/chunks]); null when not built. */
export function builtWorker(name: string): string | null {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 2; i++) {
    dir = dirname(dir);
    // In a packaged app the worker is unpacked beside app.asar (electron-builder.yml asarUnpack).
    const candidate = join(dir, 'workers', `${name}.mjs`).replace(/app\.asar([/\\])/, 'app.asar.unpacked$1');
    if (existsSync(candidate)) return candidate;
  }
  return null;
}

/**
 * `work(fileName, bytes)` in a worker when the built worker is there; in this thread when
 * it is not (the unit tests run the TypeScript sources, where there is no bundle).
 */
export function runImportOffThread<T>(fileName: string, bytes: Uint8Array, work: (fileName: string, bytes: Uint8Array) => T): Promise<T> {
  const script = builtWorker('import-worker');
  if (!script) return Promise.resolve().then(() => work(fileName, bytes));
  return new Promise<T>((ok, fail) => {
    const worker = new Worker(script, { resourceLimits: { maxOldGenerationSizeMb: HEAP_MB } });
    let settled = false;
    const done = (f: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      f();
    };
    const timer = setTimeout(() => done(() => fail(tooLarge(`${fileName}: reading took longer than ${TIME_LIMIT_MS / 1000} s`))), TIME_LIMIT_MS);
    worker.once('message', (m: { ok: true; value: T } | { ok: false; error: AppErrorData }) => done(() => {
      if (m.ok) ok(m.value);
      else fail(new AppError(m.error.code, m.error.message, m.error.detail));
    }));
    worker.once('error', (e: Error & { code?: string }) => done(() => {
      fail(e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? tooLarge(`${fileName}: needs more than ${HEAP_MB} MB to read`) : appError('INTERNAL', e.message));
    }));
    worker.once('exit', (code) => done(() => fail(appError('INTERNAL', `import worker exited (${code})`))));
    worker.postMessage({ fileName, bytes });
  });
}
