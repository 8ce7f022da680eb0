import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createHandler, type Handler } from '../../shared/contract/handle';
import { createApi } from '../../electron/services/api';
import { createConfSettings } from '../../electron/services/conf-settings';
import { ChromiumPrintEngine } from '../../electron/services/export/chromium-engine';
import type { ExportServices } from '../../electron/services/export/export-job';
import { LibraryStore } from '../../electron/services/library/store';
import { writeSampleEdition } from '../../electron/services/sample';
import { Workspace } from '../../electron/services/workspace';
import { createHostServer } from '../../electron/host/server';
import { REPO_ROOT, RESOURCES } from './helpers';

// Helpers of the export tests (export-*.test.ts): a workspace with the sample edition,
// the browser host's server in this process, and referees that do not share the code
// under test (a CSV reader, a subsequence check).

export const RENDERER_DIR = join(REPO_ROOT, 'out', 'renderer');
export const PRINT_ROUTE_BUILT = existsSync(join(RENDERER_DIR, 'print.html')) && existsSync(join(RENDERER_DIR, 'fonts', 'coverage.json'));
export const PRINT_ROUTE_SKIP = 'SKIPPED: out/renderer/print.html or its fonts are not built (run npm run build)';

export interface TestHost {
  origin: string;
  token: string;
  handler: Handler;
  services: ExportServices;
  workspace: Workspace;
  stop(): Promise<void>;
}

/** `base`/workspace/sample.edition plus a host serving it, exporting through Chromium. */
export async function startExportHost(base: string): Promise<TestHost> {
  const root = join(base, 'workspace');
  await mkdir(root, { recursive: true });
  await writeSampleEdition(RESOURCES, join(root, 'sample.edition'));
  const workspace = new Workspace(root, join(base, 'cache'));
  const library = new LibraryStore(root);
  const engine = new ChromiumPrintEngine({ idleCloseMs: 0 });
  const printing = { engine, rendererDir: RENDERER_DIR };
  const handler = createHandler(createApi({
    workspace, library, settings: createConfSettings(join(base, 'user-data')), host: 'browser', version: 'test', defaultEdition: 'sample.edition', printing,
  }), (e) => console.error(e));
  const token = randomBytes(16).toString('base64url');
  const server = createHostServer({ handler, workspace, library, rendererDir: RENDERER_DIR, token });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', () => ok()));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  engine.setTarget(origin, token);
  return {
    origin, token, handler, workspace, services: { workspace, ...printing },
    stop: async () => {
      await engine.close();
      server.closeAllConnections();
      await new Promise<void>((ok) => server.close(() => ok()));
    },
  };
}

/** RFC 4180, read independently of the writer. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; } else if (c === '\r' && text[i + 1] === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; i++; } else cell += c;
  }
  if (cell !== '' || row.length) { row.push(cell); rows.push(row); }
  return rows;
}

/**
 * Null when every character of `want` occurs in `got` in order; otherwise where the first
 * one that does not, with context on both sides.
 */
export function firstMissingInOrder(want: string, got: string): string | null {
  let at = 0;
  for (let k = 0; k < want.length; k++) {
    const j = got.indexOf(want[k]!, at);
    if (j < 0) {
      return `character ${k + 1}/${want.length} "${want[k]}" not found in order: seed …${want.slice(Math.max(0, k - 20), k)}[${want[k]}]${want.slice(k + 1, k + 20)}…; ` +
        `PDF text after the last match: …${got.slice(Math.max(0, at - 20), at)}|${got.slice(at, at + 40)}…`;
    }
    at = j + 1;
  }
  return null;
}
