import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startCollab } from '../../electron/services/collab/desk-socket';
import { rendererCsp } from '../../shared/contract/csp';
import { makeCert, newState, startTestServer } from '../support/collab-test-server';
import { tempDir } from '../support/collab-desk';

// Electron's loopback socket (no Electron needed to test it): it upgrades only /collab
// from app://desk on Host 127.0.0.1:<port>, refuses everything while the desk is solo, and
// the CSP names exactly its origin.

const cleanup: Array<() => unknown> = [];
afterEach(async () => { for (const c of cleanup.splice(0).reverse()) await c(); });

function opens(url: string, headers: Record<string, string>): Promise<number | 'open'> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, { headers });
    ws.on('open', () => { ws.close(); resolve('open'); });
    ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.on('error', () => resolve(0));
  });
}

describe("Electron's collab socket", () => {
  it('answers only app://desk on /collab, and only once a server is set up', async () => {
    const { collab, socketOrigin } = await startCollab(await tempDir('electron-desk-'));
    cleanup.push(() => collab.close());
    expect(socketOrigin).toMatch(/^ws:\/\/127\.0\.0\.1:\d+$/);
    expect(rendererCsp(socketOrigin)).toContain(`connect-src 'self' ${socketOrigin};`);
    const url = `${socketOrigin}/collab`;
    const app = { origin: 'app://desk' };

    expect(await opens(url, app)).toBe(503); // solo: nothing behind it
    const cert = makeCert();
    const server = await startTestServer(cert, newState());
    cleanup.push(() => server.stop());
    await collab.connect({ url: server.url, name: 'zhang', password: 'pw-zhang', trust: cert.fingerprint });
    expect((await collab.status()).socket?.url).toBe(url);

    expect(await opens(url, app)).toBe('open');
    expect(await opens(url, { origin: 'http://evil.example' })).toBe(403);
    expect(await opens(url, { origin: 'http://127.0.0.1:3000' })).toBe(403);
    expect(await opens(`${socketOrigin}/other`, app)).toBe(403);
    expect(await opens(url, { ...app, host: 'attacker.example' })).toBe(403); // DNS rebinding
  });
});
