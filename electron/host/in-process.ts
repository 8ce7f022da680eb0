import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createHandler, type Handler } from '../../shared/contract/handle';
import { createApi } from '../services/api';
import { createConfSettings } from '../services/conf-settings';
import { ChromiumPrintEngine } from '../services/export/chromium-engine';
import type { ExportServices } from '../services/export/export-job';
import { LibraryStore } from '../services/library/store';
import { APP_VERSION } from '../services/version';
import { Workspace } from '../services/workspace';
import { createHostServer } from './server';

// The browser host's server inside another Node process, for work without the GUI (the
// CLI's export verb, the export bench): the same server, services and token check as
// `npm run web`, on 127.0.0.1:0, with settings, caches and the photo library in `scratch`
// so nothing of the user's own desk is touched.

export interface InProcessHost {
  origin: string;
  token: string;
  /** The per-launch key for /media/<key>/… and /export-file/<key>/… (electron/host/gate.ts). */
  fileKey: string;
  handler: Handler;
  /** What runExport/runPreflight need, with the Chromium engine aimed at this host. */
  services: ExportServices & { engine: ChromiumPrintEngine };
  stop(): Promise<void>;
}

export async function startInProcessHost(opts: { workspaceRoot: string; scratch: string; rendererDir: string; defaultEdition?: string | null }): Promise<InProcessHost> {
  const workspace = new Workspace(opts.workspaceRoot, join(opts.scratch, 'cache'));
  const library = new LibraryStore(join(opts.scratch, 'library-workspace'));
  const settings = createConfSettings(join(opts.scratch, 'user-data'));
  const engine = new ChromiumPrintEngine({ idleCloseMs: 0 });
  const printing = { engine, rendererDir: opts.rendererDir };
  const handler = createHandler(
    createApi({ workspace, settings, library, host: 'browser', version: APP_VERSION, defaultEdition: opts.defaultEdition ?? null, printing }),
    (e) => console.error('[edition-desk] internal error:', e),
  );
  const token = randomBytes(24).toString('base64url');
  const fileKey = randomBytes(24).toString('base64url');
  const server = createHostServer({ handler, workspace, library, rendererDir: opts.rendererDir, token, fileKey });
  await new Promise<void>((ok, fail) => { server.once('error', fail); server.listen(0, '127.0.0.1', () => ok()); });
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  engine.setTarget(origin, token);
  return {
    origin, token, fileKey, handler, services: { workspace, ...printing },
    stop: async () => {
      await engine.close();
      server.closeAllConnections();
      await new Promise<void>((ok) => server.close(() => ok()));
    },
  };
}
