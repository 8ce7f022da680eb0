import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { CHANNELS } from '../../shared/contract/channels';
import type { Result } from '../../shared/contract/errors';
import type { Handler } from '../../shared/contract/handle';
import { appError } from '../../shared/contract/messages';
import { isAppPage } from './app-url';

/**
 * True only for a call from the main frame of our window while it shows our own
 * app://desk/index.html: not from a subframe, another webContents, or a page it navigated to.
 * (VS Code's validateIpcSender does the same; Electron security checklist §17.)
 */
export function isTrustedSender(event: IpcMainInvokeEvent, win: BrowserWindow | null): boolean {
  const frame = event.senderFrame;
  if (!win || win.isDestroyed() || !frame || event.sender !== win.webContents) return false;
  const main = win.webContents.mainFrame;
  if (frame.parent !== null || frame.processId !== main.processId || frame.routingId !== main.routingId) return false;
  return isAppPage(frame.url, 'index.html');
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
