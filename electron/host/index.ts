import { randomBytes } from 'node:crypto';
import { spawn } from 'node:child_process';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createHandler } from '../../shared/contract/handle';
import { createApi } from '../services/api';
import { ensureWorkspace, noSampleFromEnv } from '../services/bootstrap';
import { createConfSettings } from '../services/conf-settings';
import { findResourcesDir, userDataDir } from '../services/paths';
import { APP_VERSION } from '../services/version';
import { createHostServer } from './server';
import { createCollabEngine } from '../services/collab/engine';
import { ChromiumPrintEngine } from '../services/export/chromium-engine';
import { connectArchive, consoleCatalogLog } from '../services/archive-rpc/client';
import { forkCatalogNode } from '../services/archive-rpc/node-fork';
import { builtWorker } from '../services/copy/import-off-thread';

// `npm run web`: the same renderer and services as the desktop app, served on 127.0.0.1
// for machines without an Electron binary, and for the end-to-end tests.
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '0' },
      'data-dir': { type: 'string' },
      'no-open': { type: 'boolean', default: false },
      // An empty workspace on first start (no sample edition): a new user's first day.
      'no-sample': { type: 'boolean', default: false },
    },
  });
  const here = dirname(fileURLToPath(import.meta.url));
  const resources = findResourcesDir(here);
  const userData = values['data-dir'] ?? userDataDir();
  const { workspace, library, defaultEdition } = await ensureWorkspace(userData, resources, { noSample: values['no-sample'] || noSampleFromEnv() });
  const settings = createConfSettings(userData);
  const rendererDir = join(here, '..', 'renderer');
  // Exports print through Chromium against this host's own print route; it learns the port below.
  const engine = new ChromiumPrintEngine();
  // The newsroom network (issue 12): solo until the user connects once; no socket before.
  const collab = await createCollabEngine({ userData });
  // The archive catalogue (issue 16) in a process of its own, as in the Electron window
  // (archive-rpc/node-fork.ts says why); in this thread only when the worker was not built.
  // A missing or torn catalogue is rebuilt from the files in the background.
  const archiveEntry = builtWorker('archive-utility');
  const archive = archiveEntry
    ? connectArchive(() => forkCatalogNode(archiveEntry), workspace.root, consoleCatalogLog)
    : (await import('../services/catalog/archive-service')).createArchive(workspace.root, consoleCatalogLog);
  const handler = createHandler(
    createApi({ workspace, settings, library, host: 'browser', version: APP_VERSION, defaultEdition, printing: { engine, rendererDir }, collab, archive }),
    (e) => console.error('[edition-desk] internal error:', e),
  );
  const token = randomBytes(24).toString('base64url');
  const server = createHostServer({ handler, workspace, library, rendererDir, token, collabUpgrade: (req, socket, head) => collab.upgrade(req, socket, head) });
  server.listen(Number(values.port), '127.0.0.1', () => {
    const addr = server.address();
    const port = typeof addr === 'object' && addr ? addr.port : 0;
    const url = `http://127.0.0.1:${port}/?token=${token}`;
    engine.setTarget(`http://127.0.0.1:${port}`, token);
    // The renderer's provider connects here, same origin, with the host's own token.
    collab.setSocket(`ws://127.0.0.1:${port}/collab`, token);
    console.log(`Edition Desk 特刊编辑台 (browser host) · workspace ${workspace.root}`);
    console.log(`EDITION_DESK_URL=${url}`);
    if (!values['no-open']) openBrowser(url);
  });
  const stop = () => {
    void engine.close();
    void archive.close();
    // Flush every shared document's log before leaving. A tab still open on the desk keeps
    // its connections (keep-alive, a pending request): they end with the host, or
    // server.close would wait on the browser to let go.
    void collab.close().finally(() => {
      server.close(() => process.exit(0));
      server.closeAllConnections();
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

function openBrowser(url: string): void {
  const cmd = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'cmd' : 'xdg-open';
  const args = process.platform === 'win32' ? ['/c', 'start', '', url] : [url];
  if (process.platform === 'linux' && !process.env['DISPLAY'] && !process.env['WAYLAND_DISPLAY']) return;
  try {
    const child = spawn(cmd, args, { stdio: 'ignore', detached: true });
    child.on('error', () => {});
    child.unref();
  } catch {
    // No browser opener: the printed URL is enough.
  }
}

main().catch((e) => {
  console.error(`edition-desk: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
