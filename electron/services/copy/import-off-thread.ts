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
// host process keeps its memory. A worker is kept warm between imports (below).

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
  return importInWorker<T>(script, fileName, bytes);
}

// One warm worker, kept between imports: starting one costs ~230 ms on a 2-core desk (its
// modules load: zod, the .docx reader), which a batch of twenty files paid twenty times.
// It is ended after IDLE_MS without work, and after any file that did not end in a named
// refusal (the time limit, the heap limit, a crash), so a file that left it in a bad state
// never reaches the next one. A second import while it is busy gets a worker of its own.
const IDLE_MS = 10_000;
let warm: { worker: Worker; busy: boolean; idle: NodeJS.Timeout | null } | null = null;
let started = 0;

/** Workers started so far (tests: a warm one is reused). */
export function importWorkersStarted(): number {
  return started;
}

function startWorker(script: string | URL): Worker {
  started++;
  const worker = new Worker(script, { resourceLimits: { maxOldGenerationSizeMb: HEAP_MB } });
  // Kept for as long as the process runs anyway: a CLI that imported one file exits at once.
  worker.unref();
  // A warm worker that fails between imports is let go; its error must not end the host.
  worker.on('error', () => {});
  worker.on('exit', () => { if (warm?.worker === worker) warm = null; });
  return worker;
}

/** One file through the worker script (out/workers/import-worker.mjs): the story, or the named error. */
export function importInWorker<T>(script: string | URL, fileName: string, bytes: Uint8Array): Promise<T> {
  const reuse = warm !== null && !warm.busy ? warm : null;
  const slot = reuse ?? { worker: startWorker(script), busy: false, idle: null };
  if (!warm) warm = slot;
  if (slot.idle) { clearTimeout(slot.idle); slot.idle = null; }
  slot.busy = true;
  const { worker } = slot;
  return new Promise<T>((ok, fail) => {
    let settled = false;
    const done = (f: () => void, keep: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      slot.busy = false;
      if (keep && warm === slot) {
        slot.idle = setTimeout(() => { if (warm === slot && !slot.busy) { warm = null; void worker.terminate(); } }, IDLE_MS);
        slot.idle.unref();
      } else {
        if (warm === slot) warm = null;
        void worker.terminate();
      }
      f();
    };
    const onMessage = (m: { ok: true; value: T } | { ok: false; error: AppErrorData }) => {
      // A named refusal (a damaged .docx, a file over the budget) is an ordinary answer; INTERNAL is not.
      if (m.ok) done(() => ok(m.value), true);
      else done(() => fail(new AppError(m.error.code, m.error.message, m.error.detail)), m.error.code !== 'INTERNAL');
    };
    const onError = (e: Error & { code?: string }) => done(() => {
      fail(e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? tooLarge(`${fileName}: needs more than ${HEAP_MB} MB to read`) : appError('INTERNAL', e.message));
    }, false);
    const onExit = (code: number) => done(() => fail(appError('INTERNAL', `import worker exited (${code})`)), false);
    const timer = setTimeout(() => done(() => fail(tooLarge(`${fileName}: reading took longer than ${TIME_LIMIT_MS / 1000} s`)), false), TIME_LIMIT_MS);
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    worker.postMessage({ fileName, bytes });
  });
}
