import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHANNELS } from '../../shared/contract/channels';
import type { Result } from '../../shared/contract/errors';
import type { Handler } from '../../shared/contract/handle';
import { appError } from '../../shared/contract/messages';

/**
 * True only for a call from the main frame of our window while it shows our own
 * index.html: not from a subframe, another webContents, or a page it navigated to.
 * (VS Code's validateIpcSender does the same; Electron security checklist §17.)
 */
export function isTrustedSender(event: IpcMainInvokeEvent, win: BrowserWindow | null, indexHtml: string): boolean {
  const frame = event.senderFrame;
  if (!win || win.isDestroyed() || !frame || event.sender !== win.webContents) return false;
  const main = win.webContents.mainFrame;
  if (frame.parent !== null || frame.processId !== main.processId || frame.routingId !== main.routingId) return false;
  return isFileUrlOf(frame.url, indexHtml);
}

function isFileUrlOf(url: string, file: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (u.protocol !== 'file:' || u.search !== '') return false;
  u.hash = '';
  let path: string;
  try {
    path = resolve(fileURLToPath(u));
  } catch {
    return false;
  }
  const want = resolve(file);
  // Windows paths compare without case (drive letters especially).
  return process.platform === 'win32' ? path.toLowerCase() === want.toLowerCase() : path === want;
}

/** One ipcMain.handle per channel: the sender is checked, then the shared handle() runs. */
export function registerIpc(handler: Handler, trusted: (event: IpcMainInvokeEvent) => boolean): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event, input: unknown): Promise<Result<unknown>> | Result<unknown> => {
      if (!trusted(event)) {
        return { ok: false, error: appError('FORBIDDEN', `${channel} from ${event.senderFrame?.url ?? 'a closed frame'}`).toData() };
      }
      return handler(channel, input);
    });
  }
}
