import { app, BrowserWindow, dialog, session, shell } from 'electron';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHandler } from '../../shared/contract/handle';
import { createApi } from '../services/api';
import { ensureWorkspace } from '../services/bootstrap';
import { findResourcesDir, userDataDir } from '../services/paths';
import { APP_VERSION } from '../services/version';
import { createElectronSettings } from './electron-settings';
import { isTrustedSender, registerIpc } from './ipc';
import { handleMediaProtocol } from './protocol-media';
import { handleAppProtocol, registerSchemes } from './protocol-app';
import { applySessionPolicy, createMainWindow, hardenWebContents, type RendererPaths } from './window';
import { ElectronPrintEngine } from './print-engine-electron';
import { rendererCsp } from '../../shared/contract/csp';
import { startCollab } from '../services/collab/desk-socket';
import { startArchiveProcess } from './archive-process';

// The desktop host: the same services and contract as the browser host (electron/host),
// wired to IPC, the app:// and media:// protocols and one sandboxed window.

const here = dirname(fileURLToPath(import.meta.url)); // out/main
const paths: RendererPaths = {
  preload: join(here, '..', 'preload', 'index.cjs'),
  indexHtml: join(here, '..', 'renderer', 'index.html'),
};
const log = (e: unknown) => console.error('[edition-desk] internal error:', e);

// Before 'ready': privileged scheme, sandbox for every renderer, and the user-data folder,
// which the browser host shares and which also holds the single-instance lock, so two
// EDITION_DESK_HOME folders can each have their own instance.
registerSchemes();
app.enableSandbox();
app.setPath('userData', userDataDir());
app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));

let win: BrowserWindow | null = null;

/** A long job's progress on the taskbar button (issue 17); -1 removes the bar (Electron's setProgressBar). */
function showTaskbarProgress(w: BrowserWindow | null, fraction: number | null): void {
  if (!w || w.isDestroyed()) return;
  w.setProgressBar(fraction === null ? -1 : fraction, { mode: fraction === null ? 'none' : 'normal' });
}

async function start(): Promise<void> {
  await app.whenReady();
  const userData = app.getPath('userData');
  const resources = findResourcesDir(app.isPackaged ? process.resourcesPath : here);
  const { workspace, library, defaultEdition } = await ensureWorkspace(userData, resources);
  const settings = createElectronSettings(userData);
  // Exports print in a hidden window of our own print.html (see print-engine-electron.ts).
  // export:reveal shows a written export in the file manager; the browser host offers downloads instead.
  const printEngine = new ElectronPrintEngine({ preload: paths.preload });
  // The newsroom network (issue 12): main's socket for the renderer's shared documents.
  const { collab, socketOrigin } = await startCollab(userData);
  // The archive catalogue (issue 16) in its own utility process, on node:sqlite.
  const archive = startArchiveProcess(workspace.root, log);
  const handler = createHandler(
    createApi({ workspace, settings, library, host: 'electron', version: APP_VERSION, defaultEdition, printing: { engine: printEngine, rendererDir: join(here, '..', 'renderer') }, reveal: (p) => shell.showItemInFolder(p), collab, progress: (f) => showTaskbarProgress(win, f), archive }),
    log,
  );

  const csp = rendererCsp(socketOrigin);
  applySessionPolicy(session.defaultSession, csp);
  handleMediaProtocol(workspace, library, log);
  handleAppProtocol(join(here, '..', 'renderer'), csp);
  registerIpc(handler, (event) => isTrustedSender(event, win) || printEngine.isOwnSender(event));

  const open = (): void => {
    const w = createMainWindow(paths, settings);
    w.on('closed', () => {
      if (win === w) win = null;
    });
    win = w;
  };
  open();
  // Every shared document's log is flushed before the process ends.
  let collabClosed = false;
  app.on('will-quit', (event) => {
    if (collabClosed) return;
    event.preventDefault();
    void Promise.all([collab.close().catch(log), archive?.close().catch(log)]).finally(() => {
      collabClosed = true;
      app.quit();
    });
  });
  app.on('second-instance', () => {
    if (!win) return open();
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) open();
  });
}

if (!app.requestSingleInstanceLock()) {
  // The first instance gets 'second-instance' and comes to the front.
  app.quit();
} else {
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  start().catch((e: unknown) => {
    const message = e instanceof Error ? e.message : String(e);
    console.error(`edition-desk: ${message}`);
    dialog.showErrorBox('特刊编辑台 Edition Desk', `无法启动 / Could not start:\n${message}`);
    app.exit(1);
  });
}
