import type { AppErrorData } from '../../../shared/contract/errors';

// The messages between Electron's main process and the catalogue's utility process (issue
// 16). Plain data, so they cross Electron's MessagePort (utilityProcess) and Node's IPC
// channel (child_process.fork, the tests) alike. Any ArchivePort method crosses by name:
// a method added to the port later (archive:status, archive:provenance) needs no new message.

export type ToCatalog =
  /** fresh: rebuild from the files first (a restart after a crash may have lost hooks). */
  | { t: 'init'; root: string; fresh: boolean }
  /** A method whose answer is awaited. */
  | { t: 'call'; id: number; method: string; args: unknown[] }
  /** A hook (editionSaved, photosSaved, …): no answer; failures are logged by the catalogue. */
  | { t: 'send'; method: string; args: unknown[] }
  | { t: 'close'; id: number };

export type FromCatalog =
  | { t: 'result'; id: number; ok: true; value: unknown }
  | { t: 'result'; id: number; ok: false; error: AppErrorData | { message: string } }
  | { t: 'progress'; done: number; total: number }
  | { t: 'log'; message: string };

/** One end of the channel, whatever carries it. */
export interface MessageEnd<In, Out> {
  post(message: Out): void;
  onMessage(listener: (message: In) => void): void;
}

/** Main's end also learns when the process is gone, and can end it. */
export interface CatalogProcess extends MessageEnd<FromCatalog, ToCatalog> {
  onExit(listener: (code: number | null) => void): void;
  kill(): void;
}

/** The ArchivePort methods that are hooks: fire and forget, as in the Node host. */
export const HOOKS: ReadonlySet<string> = new Set(['editionSaved', 'foldersChanged', 'photosSaved']);

/** The catalogue process's exit code when it cannot run here at all (no node:sqlite): not restarted. */
export const EXIT_UNAVAILABLE = 78;
