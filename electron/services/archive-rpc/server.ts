import { AppError } from '../../../shared/contract/errors';
import type { ArchivePort } from '../archive-port';
import type { ArchiveLog } from '../catalog/archive-service';
import type { FromCatalog, MessageEnd, ToCatalog } from './messages';

// The catalogue's side of the channel: it owns one ArchivePort (the same createArchive the
// browser host runs in its own process) and answers calls by method name. Whatever the
// port offers is reachable; nothing else is (no inherited or non-function property).

type Port = Record<string, unknown>;

function errorData(e: unknown): Extract<FromCatalog, { ok: false }>['error'] {
  if (e instanceof AppError) return e.toData();
  return { message: e instanceof Error ? e.message : String(e) };
}

function method(port: Port | null, name: string): ((...args: unknown[]) => unknown) | null {
  if (!port || !Object.hasOwn(port, name)) return null;
  const fn = port[name];
  return typeof fn === 'function' ? (fn as (...args: unknown[]) => unknown) : null;
}

export function serveArchive(
  end: MessageEnd<ToCatalog, FromCatalog>,
  create: (root: string, log: ArchiveLog, fresh: boolean) => ArchivePort,
  exit: () => void,
): void {
  let port: Port | null = null;
  const log: ArchiveLog = {
    progress: (done, total) => end.post({ t: 'progress', done, total }),
    error: (e) => end.post({ t: 'log', message: e instanceof Error ? (e.stack ?? e.message) : String(e) }),
  };
  end.onMessage((m) => {
    switch (m.t) {
      case 'init':
        if (!port) port = create(m.root, log, m.fresh) as unknown as Port;
        return;
      case 'send': {
        try { method(port, m.method)?.(...m.args); } catch (e) { log.error(e); }
        return;
      }
      case 'call': {
        const fn = method(port, m.method);
        if (!fn) return end.post({ t: 'result', id: m.id, ok: false, error: { message: `no archive method ${m.method}` } });
        // A method that answers at once (status) is awaited the same way as one that does not.
        void Promise.resolve().then(() => fn(...m.args)).then(
          (value) => end.post({ t: 'result', id: m.id, ok: true, value }),
          (e: unknown) => end.post({ t: 'result', id: m.id, ok: false, error: errorData(e) }),
        );
        return;
      }
      case 'close':
        // Pending updates are written (the port's queue), then the process ends.
        void Promise.resolve(port ? (port as unknown as ArchivePort).close() : undefined)
          .catch(log.error)
          .finally(() => { end.post({ t: 'result', id: m.id, ok: true, value: null }); exit(); });
        return;
    }
  });
}
