import { AppError, isAppErrorData } from '../../../shared/contract/errors';
import { appError } from '../../../shared/contract/messages';
import type { ArchivePort } from '../archive-port';
import type { ArchiveLog } from '../catalog/archive-service';
import { EXIT_UNAVAILABLE, HOOKS, type CatalogProcess, type FromCatalog, type ToCatalog } from './messages';

// Main's side: an ArchivePort whose every method runs in the catalogue's own process (the
// Electron utility process; a forked Node in the tests). Hooks are posted and forgotten,
// as the Node host's hooks never wait; every other method is a call whose answer comes
// back by id, so a method that answers at once in the host (status) is a promise here,
// which the channel handlers await either way. A process that dies fails its pending calls
// with ARCHIVE_UNAVAILABLE and is started again by the next call, up to MAX_STARTS times;
// one that says it cannot run here (EXIT_UNAVAILABLE) is not.

const MAX_STARTS = 4;
const CLOSE_GRACE_MS = 5_000;

/** What the catalogue reports: createArchive's log, the same in its own process. */
export type CatalogClientLog = ArchiveLog;

/** The desk's log of the catalogue (the Electron window and the browser host): the terminal. */
export const consoleCatalogLog: CatalogClientLog = {
  progress: (done, total) => { if (done === total) console.log(`Edition Desk: archive catalogue ready (${total} editions)`); },
  error: (e) => console.error('[edition-desk] archive catalogue:', e),
};

interface Pending { ok(value: unknown): void; fail(e: unknown): void }

function toError(error: Extract<FromCatalog, { ok: false }>['error']): Error {
  if (isAppErrorData(error)) return new AppError(error.code, error.message, error.detail);
  return new Error(error.message);
}

export function connectArchive(start: () => CatalogProcess, root: string, log: CatalogClientLog): ArchivePort {
  let child: CatalogProcess | null = null;
  let starts = 0;
  let closed = false;
  let nextId = 1;
  const pending = new Map<number, Pending>();

  const onMessage = (m: FromCatalog) => {
    if (m.t === 'progress') return log.progress?.(m.done, m.total);
    if (m.t === 'log') return log.error(new Error(`catalogue process: ${m.message}`));
    const p = pending.get(m.id);
    if (!p) return;
    pending.delete(m.id);
    if (m.ok) p.ok(m.value);
    else p.fail(toError(m.error));
  };

  const running = (): CatalogProcess | null => {
    if (child || closed || starts >= MAX_STARTS) return child;
    starts++;
    const c = start();
    child = c;
    c.onMessage(onMessage);
    c.onExit((code) => {
      if (child === c) child = null;
      // It cannot run in this build (no node:sqlite): starting it again would not help.
      if (code === EXIT_UNAVAILABLE) starts = MAX_STARTS;
      if (!closed) log.error(new Error(`catalogue process exited (code ${code})`));
      for (const p of pending.values()) p.fail(appError('ARCHIVE_UNAVAILABLE', `catalogue process exited (code ${code})`));
      pending.clear();
    });
    // A process started again after one died: the hooks it had not applied are lost, so it
    // rebuilds from the files (the truth) rather than trusting the catalogue it left.
    c.post({ t: 'init', root, fresh: starts > 1 });
    return c;
  };

  const request = (message: (id: number) => ToCatalog) => new Promise<unknown>((ok, fail) => {
    const c = running();
    if (!c) return fail(appError('ARCHIVE_UNAVAILABLE', closed ? 'closed' : 'the catalogue process could not be kept running'));
    const id = nextId++;
    pending.set(id, { ok, fail });
    c.post(message(id));
  });
  const call = (method: string, args: unknown[]) => request((id) => ({ t: 'call', id, method, args }));

  const close = async () => {
    if (closed) return;
    const c = child;
    closed = true;
    if (!c) return;
    // The catalogue writes what is pending and exits by itself; one that hangs is ended.
    const exited = new Promise<void>((r) => c.onExit(() => r()));
    c.post({ t: 'close', id: nextId++ });
    let timer: NodeJS.Timeout | undefined;
    const late = await Promise.race([exited.then(() => false), new Promise<boolean>((r) => { timer = setTimeout(() => r(true), CLOSE_GRACE_MS); })]);
    clearTimeout(timer);
    if (late) c.kill();
  };

  // The catalogue opens (or rebuilds from the files) as soon as the window starts, as in the host.
  running();
  return new Proxy({} as ArchivePort, {
    get(_target, name) {
      if (name === 'close') return close;
      // Not a thenable, not a symbol-keyed protocol: only method names cross.
      if (typeof name !== 'string' || name === 'then') return undefined;
      if (HOOKS.has(name)) return (...args: unknown[]) => { if (!closed) running()?.post({ t: 'send', method: name, args }); };
      return (...args: unknown[]) => call(name, args);
    },
  });
}
