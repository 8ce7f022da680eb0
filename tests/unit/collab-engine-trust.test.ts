import { afterEach, describe, expect, it } from 'vitest';
import { stat, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../../shared/contract/errors';
import { COLLAB_SETTINGS_FILE } from '../../electron/services/collab/collab-settings';
import { callServer } from '../../electron/services/collab/server-request';
import { makeCert, newState, startTestServer, type TestServer } from '../support/collab-test-server';
import { startDesk, tempDir, until } from '../support/collab-desk';
import type { DeskEngine } from '../../electron/services/collab/engine';

// Trust on first connection, then only the pinned certificate (issue 12, security).

const cert1 = makeCert();
const cert2 = makeCert(); // same name, another key: what an impostor on the LAN would show
const cleanup: Array<() => Promise<unknown>> = [];
afterEach(async () => { for (const c of cleanup.splice(0).reverse()) await c(); });

async function refusal(p: Promise<unknown>): Promise<AppError> {
  try { await p; } catch (e) { if (e instanceof AppError) return e; throw e; }
  throw new Error('expected a refusal');
}

describe('collab engine: trust and certificate pinning', () => {
  it('shows the fingerprint first, pins it with the PEM, and refuses a second certificate before sending anything', async () => {
    const state = newState();
    const server: TestServer = await startTestServer(cert1, state);
    cleanup.push(() => server.stop());
    const home = await tempDir('desk-trust-');
    const desk: DeskEngine = await startDesk(home);
    cleanup.push(() => desk.close());

    // Solo until the user connects: no socket, no server.
    expect((await desk.status()).server).toBeNull();
    expect((await desk.status()).socket).toBeNull();

    const first = await desk.connect({ url: server.url, name: 'zhang', password: 'pw-zhang' });
    expect(first).toEqual({ state: 'trust', fingerprint: cert1.fingerprint, url: server.url });
    expect(server.seen).toEqual([]); // only a TLS handshake: no request, no password

    // A fingerprint that is not the one presented is refused (and nothing is pinned).
    const wrongTrust = await refusal(desk.connect({ url: server.url, name: 'zhang', password: 'pw-zhang', trust: cert2.fingerprint }));
    expect(wrongTrust.code).toBe('CERT_MISMATCH');
    expect(server.seen).toEqual([]);

    const ok = await desk.connect({ url: server.url, name: 'zhang', password: 'pw-zhang', trust: cert1.fingerprint });
    expect(ok.state).toBe('connected');
    if (ok.state !== 'connected') return;
    expect(ok.status.server).toEqual({ url: server.url, user: 'zhang', role: 'editor', fingerprint: cert1.fingerprint });
    await until(async () => (await desk.status()).online, 5000, 'online');

    const file = join(home, COLLAB_SETTINGS_FILE);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    const saved = JSON.parse(await readFile(file, 'utf8'));
    expect(saved.server.pem).toContain('BEGIN CERTIFICATE');
    expect(saved.server.fingerprint).toBe(cert1.fingerprint);

    const badPassword = await refusal(desk.connect({ url: server.url, name: 'zhang', password: 'nope' }));
    expect(badPassword.code).toBe('LOGIN_FAILED');

    // The server is replaced by one with another certificate on the same address.
    await server.stop();
    const impostor = await startTestServer(cert2, state, server.port);
    cleanup.push(() => impostor.stop());
    // The open session's WebSocket, retrying, is refused in the handshake and status says why.
    await until(async () => (await desk.status()).problem?.code === 'CERT_MISMATCH', 5000, 'CERT_MISMATCH from the socket');
    const refused = await refusal(desk.connect({ url: server.url, name: 'zhang', password: 'pw-zhang' }));
    expect(refused.code).toBe('CERT_MISMATCH');
    expect(refused.localized['zh-CN']).toContain('证书');
    expect(refused.localized.en).toContain('certificate');
    expect(refused.detail).toContain(cert2.fingerprint);
    expect(refused.detail).toContain(cert1.fingerprint);
    // The existing session's calls and its WebSocket are refused in the handshake too.
    expect((await refusal(desk.request('GET', '/api/me'))).code).toBe('CERT_MISMATCH');
    await new Promise((r) => setTimeout(r, 1500)); // the upstream socket retries every few hundred ms meanwhile
    expect(impostor.seen).toEqual([]);
    const status = await desk.status();
    expect(status.online).toBe(false);
    expect(status.problem?.code).toBe('CERT_MISMATCH');
  });

  it('checks the fingerprint itself, not only the chain: a verifying chain with another leaf is refused', async () => {
    const server = await startTestServer(cert2, newState());
    cleanup.push(() => server.stop());
    // cert2 as the trust anchor lets the chain verify; the pinned fingerprint is cert1's.
    const e = await refusal(callServer({ url: server.url, pin: { fingerprint: cert1.fingerprint, pem: cert2.cert }, method: 'GET', path: '/api/me' }));
    expect(e.code).toBe('CERT_MISMATCH');
    expect(e.detail).toContain('not the pinned');
    expect(server.seen).toEqual([]);
    // The same anchor with the right fingerprint goes through (the host name is not checked on purpose).
    const reply = await callServer({ url: server.url, pin: { fingerprint: cert2.fingerprint, pem: cert2.cert }, method: 'GET', path: '/api/me' });
    expect(reply.status).toBe(401);
  });
});

describe('collab engine: leaving, and a settings file that does not parse', () => {
  it('disconnect keeps the pin: the next connection logs in without asking again, and still refuses another certificate', async () => {
    const server = await startTestServer(cert1, newState());
    cleanup.push(() => server.stop());
    const home = await tempDir('desk-leave-');
    const desk = await startDesk(home);
    cleanup.push(() => desk.close());
    await desk.connect({ url: server.url, name: 'zhang', password: 'pw-zhang', trust: cert1.fingerprint });
    const solo = await desk.disconnect();
    expect(solo).toMatchObject({ server: null, online: false, socket: null });
    expect(server.seen).toContain('POST /api/logout');
    const again = await desk.connect({ url: server.url, name: 'li', password: 'pw-li' });
    expect(again.state).toBe('connected');
    if (again.state === 'connected') expect(again.status.server?.user).toBe('li');
  });

  it('runs solo and never writes over a collab-server.json that does not parse', async () => {
    const home = await tempDir('desk-broken-');
    const file = join(home, COLLAB_SETTINGS_FILE);
    const { writeFile } = await import('node:fs/promises');
    await writeFile(file, '{"server": {"url": "https://x", tru');
    const desk = await startDesk(home);
    cleanup.push(() => desk.close());
    const status = await desk.status();
    expect(status.server).toBeNull();
    expect(status.problem?.code).toBe('INTERNAL');
    const server = await startTestServer(cert1, newState());
    cleanup.push(() => server.stop());
    expect((await refusal(desk.connect({ url: server.url, name: 'zhang', password: 'pw-zhang', trust: cert1.fingerprint }))).code).toBe('INTERNAL');
    expect(await readFile(file, 'utf8')).toBe('{"server": {"url": "https://x", tru');
    expect(server.seen).toEqual([]);
  });
});
