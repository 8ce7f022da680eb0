import { readFile, realpath } from 'node:fs/promises';
import { expect } from 'vitest';
import { createApi } from '../../electron/services/api';
import { ensureWorkspace } from '../../electron/services/bootstrap';
import { createConfSettings } from '../../electron/services/conf-settings';
import type { DeskEngine } from '../../electron/services/collab/engine';
import type { DeskServer } from '../../electron/services/deskserver/desk-server';
import type { LibraryStore } from '../../electron/services/library/store';
import type { Workspace } from '../../electron/services/workspace';
import { createHandler, type Handler } from '../../shared/contract/handle';
import { startDesk, tempDir as deskTemp, until } from '../support/collab-desk';
import { PASSWORD } from './deskserver-support';
import { RESOURCES, tempDir } from './helpers';

// A whole desk for the issue-12 follow-up tests: a workspace without the sample, main's
// real CollabEngine signed in to a real desk server on loopback, and the API as the hosts
// build it (createApi with the engine), called through the contract's handler.

export interface NetDesk { ws: Workspace; handle: Handler; engine: DeskEngine; library: LibraryStore; userData: string }

export async function netDesk(tag: string, server: DeskServer, user: string, cleanup: Array<() => unknown>): Promise<NetDesk> {
  const userData = await realpath(await tempDir(tag));
  const boot = await ensureWorkspace(userData, RESOURCES, { noSample: true });
  const engine = await startDesk(await deskTemp(`${tag}-collab-`));
  cleanup.push(() => engine.close());
  expect((await engine.connect({ url: server.url, name: user, password: PASSWORD, trust: server.fingerprint })).state).toBe('connected');
  await until(async () => (await engine.status()).online, 10_000, `${user} online`);
  const api = createApi({ workspace: boot.workspace, settings: createConfSettings(userData), library: boot.library, host: 'browser', version: 'test', defaultEdition: null, collab: engine });
  return { ws: boot.workspace, handle: createHandler(api, (e) => { throw e; }), engine, library: boot.library, userData };
}

export const readJson = async <T>(file: string): Promise<T> => JSON.parse(await readFile(file, 'utf8')) as T;

/** Polls an async check (errors count as "not yet"). */
export async function eventually(check: () => Promise<boolean>, what: string, ms = 20_000): Promise<void> {
  await until(() => check().catch(() => false), ms, what);
}
