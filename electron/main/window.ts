import { BrowserWindow, screen, shell, type Rectangle, type Session, type WebContents } from 'electron';
import { RENDERER_CSP } from '../../shared/contract/csp';
import type { Settings } from '../../shared/settings/schema';
import type { SettingsStore } from '../services/settings-store';

export interface RendererPaths {
  /** out/preload/index.cjs */
  preload: string;
  /** out/renderer/index.html */
  indexHtml: string;
}

type WindowState = NonNullable<Settings['window']>;

const DEFAULT_SIZE = { width: 1400, height: 900 };
const MIN_SIZE = { width: 960, height: 640 };

export function createMainWindow(paths: RendererPaths, settings: SettingsStore): BrowserWindow {
  const saved = settings.get().window;
  const win = new BrowserWindow({
    ...restoredBounds(saved),
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    show: false,
    title: '特刊编辑台 Edition Desk',
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: paths.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    },
  });
  if (saved?.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());
  win.on('close', () => saveWindowState(win, settings));
  void win.loadFile(paths.indexHtml);
  return win;
}

/** Saved bounds, with the position dropped when no display shows the window any more. */
function restoredBounds(saved: WindowState | null): Partial<Rectangle> {
  if (!saved) return { ...DEFAULT_SIZE };
  const size = { width: Math.max(saved.width, MIN_SIZE.width), height: Math.max(saved.height, MIN_SIZE.height) };
  if (saved.x === undefined || saved.y === undefined) return size;
  const bounds = { x: saved.x, y: saved.y, ...size };
  // A monitor unplugged since the last run must not leave the window off screen.
  const visible = screen.getAllDisplays().some((d) => overlaps(d.workArea, bounds, 64));
  return visible ? bounds : size;
}

function overlaps(a: Rectangle, b: Rectangle, min: number): boolean {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w >= min && h >= min;
}

function saveWindowState(win: BrowserWindow, settings: SettingsStore): void {
  // Normal bounds, so a maximised window comes back maximised over its old size.
  const b = win.getNormalBounds();
  try {
    settings.set({
      window: {
        x: Math.round(b.x),
        y: Math.round(b.y),
        width: Math.round(b.width),
        height: Math.round(b.height),
        maximized: win.isMaximized(),
      },
    });
  } catch (e) {
    // Losing the window position is not worth a failed quit.
    console.error('[edition-desk] could not save window state:', e);
  }
}

const isWebLink = (url: string): boolean => /^https?:\/\//i.test(url);

/**
 * For every webContents the app creates: no navigation away from the renderer, no new
 * windows, no <webview>. Web links open in the system browser instead.
 * (Electron security checklist §13–§15.)
 */
export function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => {
    event.preventDefault();
    if (isWebLink(event.url)) void shell.openExternal(event.url);
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isWebLink(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
}

/** Session policy: every permission denied, and the renderer CSP sent as a header. */
export function applySessionPolicy(ses: Session): void {
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  // The header is the policy's preferred delivery; index.html repeats it in a meta tag
  // because older Electron versions did not run webRequest for file:// (electron#23485).
  ses.webRequest.onHeadersReceived((details, callback) => {
    const document = details.resourceType === 'mainFrame' || details.resourceType === 'subFrame';
    if (!document) return callback({});
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [RENDERER_CSP] } });
  });
}
