import { randomBytes } from 'node:crypto';
import { createCollabEngine, type DeskEngine } from './engine';
import { listenLoopback } from './loopback';

// Electron's side of the collab wiring, kept out of electron/main so that file stays thin:
// the engine and its loopback socket on 127.0.0.1:random with a per-launch token. The
// socket answers only /collab from app://desk; until a server is set up it refuses every
// upgrade (503), so a solo desk talks to nobody.

export const APP_ORIGIN = 'app://desk';

export async function startCollab(userData: string): Promise<{ collab: DeskEngine; socketOrigin: string }> {
  const collab = await createCollabEngine({ userData });
  const listener = await listenLoopback([APP_ORIGIN], (req, socket, head) => collab.upgrade(req, socket, head));
  collab.setSocket(listener.url, randomBytes(24).toString('base64url'));
  const close = collab.close.bind(collab);
  collab.close = async () => { await close(); await listener.close(); };
  return { collab, socketOrigin: new URL(listener.url).origin.replace(/^http/, 'ws') };
}
