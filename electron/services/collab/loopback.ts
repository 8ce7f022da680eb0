import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { timingSafeEqual } from 'node:crypto';
import { WebSocketServer } from 'ws';
import type { Hocuspocus } from '@hocuspocus/server';

// Main's loopback socket for the renderer's shared documents (issue 12). The renderer
// cannot pin certificates and has no Node, so its HocuspocusProvider talks to main; main's
// Hocuspocus instance (engine.ts) serves the very Y.Docs the engine keeps on disk and
// syncs with the server. Two ways in:
//   - the browser host hands its HTTP upgrades on /collab to `upgrade()` after its own
//     Host / Origin checks (electron/host/server.ts);
//   - Electron has no HTTP server, so `listenLoopback()` opens one on 127.0.0.1:random
//     that only upgrades /collab, with the same checks, and hands it to `upgrade()` too.
// Either way the provider's token must be the per-launch token (Hocuspocus onAuthenticate).

export const LOOPBACK_PATH = '/collab';
const MAX_PAYLOAD = 32 * 1024 * 1024;

export function sameToken(a: string | null | undefined, b: string): boolean {
  if (typeof a !== 'string') return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export class LoopbackSocket {
  private wss = new WebSocketServer({ noServer: true, maxPayload: MAX_PAYLOAD });

  constructor(private readonly hocuspocus: Hocuspocus) {}

  /** Takes over an already checked upgrade request. */
  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.wss.handleUpgrade(req, socket, head, (ws) => this.hocuspocus.handleConnection(ws, req));
  }

  async close(): Promise<void> {
    for (const ws of this.wss.clients) ws.terminate();
    this.wss.close();
  }
}

export type UpgradeHandler = (req: IncomingMessage, socket: Duplex, head: Buffer) => void;

/**
 * Electron has no HTTP server of its own: this one on 127.0.0.1:random only upgrades
 * /collab, for Host 127.0.0.1:<port> and the app's own origins (app://desk), and hands the
 * socket to the engine. It listens from start-up, so the window's CSP names its port.
 */
export async function listenLoopback(allowedOrigins: readonly string[], onUpgrade: UpgradeHandler): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((_req, res) => {
    res.writeHead(404).end();
  });
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const port = (server.address() as { port: number }).port;
    const path = (req.url ?? '').split('?')[0];
    const origin = req.headers.origin;
    const ok = req.headers.host === `127.0.0.1:${port}` && path === LOOPBACK_PATH && (origin === undefined || allowedOrigins.includes(origin));
    if (!ok) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    onUpgrade(req, socket, head);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as { port: number };
  return {
    url: `ws://127.0.0.1:${port}${LOOPBACK_PATH}`,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
