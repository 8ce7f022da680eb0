import { BrowserWindow, dialog, screen, shell, type Rectangle, type Session, type WebContents } from 'electron';
import { APP_ORIGIN, externalHost } from './app-url';
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
  // Served from app://desk (protocol-app.ts), never file:// (Electron checklist §18).
  void win.loadURL(`${APP_ORIGIN}/index.html`);
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

/**
 * A web link leaves the app only after the user has seen where it goes and said yes: a
 * link in a story or caption from elsewhere must not open a site (or a look-alike host)
 * behind the user's back. Electron checklist §15: openExternal with untrusted content.
 */
async function confirmOpenExternal(contents: WebContents, url: string): Promise<void> {
  const host = externalHost(url);
  if (!host) return;
  const owner = BrowserWindow.fromWebContents(contents);
  const options = {
    type: 'question' as const,
    buttons: ['在浏览器中打开 / Open in browser', '取消 / Cancel'],
    defaultId: 1,
    cancelId: 1,
    title: '特刊编辑台 Edition Desk',
    message: `打开外部网站 ${host}？\nOpen the website ${host}?`,
    detail: url,
  };
  const { response } = owner ? await dialog.showMessageBox(owner, options) : await dialog.showMessageBox(options);
  if (response === 0) await shell.openExternal(url);
}

/**
 * For every webContents the app creates: no navigation away from the renderer, no new
 * windows, no <webview>. Web links open in the system browser, after the user confirms
 * the host. (Electron security checklist §13–§15.)
 */
export function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => {
    event.preventDefault();
    void confirmOpenExternal(contents, event.url);
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    void confirmOpenExternal(contents, url);
    return { action: 'deny' };
  });
}

/** Session policy: every permission denied, and the renderer CSP sent as a header. */
export function applySessionPolicy(ses: Session, csp: string = RENDERER_CSP): void {
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  // The header is the policy's preferred delivery (app:// responses carry it too);
  // index.html repeats it in a meta tag as a second line.
  ses.webRequest.onHeadersReceived((details, callback) => {
    const document = details.resourceType === 'mainFrame' || details.resourceType === 'subFrame';
    if (!document) return callback({});
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [csp] } });
  });
}
