import { afterEach, describe, expect, it } from 'vitest';
import { createDeskServer, type DeskServer } from '../../electron/services/deskserver/desk-server';
import { addUsers, PASSWORD } from './deskserver-support';
import { startDesk, tempDir, until } from '../support/collab-desk';

// A desk server replaced by another one on the same address (another certificate): the
// status every badge reads must say CERT_MISMATCH, not SERVER_UNREACHABLE, both for the
// running desk and for one that starts while the impostor answers.

const cleanup: Array<() => unknown> = [];
afterEach(async () => { for (const c of cleanup.splice(0).reverse()) await c(); });

describe('collab status on a certificate mismatch (real desk servers)', () => {
  it('says CERT_MISMATCH while another certificate answers, before and after a desk restart', async () => {
    const data = await tempDir('deskserver-');
    await addUsers(data, { zhang: 'editor' });
    const server: DeskServer = await createDeskServer({ dataDir: data, port: 0, host: '127.0.0.1', quiet: true });
    const port = server.port;
    const home = await tempDir('desk-cert-');
    let desk = await startDesk(home);
    cleanup.push(() => desk.close());
    await desk.connect({ url: server.url, name: 'zhang', password: PASSWORD, trust: server.fingerprint });
    await desk.openDoc('story/ed-x/s-1/zh');
    await until(async () => (await desk.status()).online, 5000, 'online');
    await server.close();

    const otherData = await tempDir('impostor-');
    await addUsers(otherData, { zhang: 'editor' });
    const impostor = await createDeskServer({ dataDir: otherData, port, host: '127.0.0.1', quiet: true });
    cleanup.push(() => impostor.close());
    expect(impostor.fingerprint).not.toBe(server.fingerprint);

    const settled = async (what: string) => {
      await until(async () => (await desk.status()).problem?.code === 'CERT_MISMATCH', 8000, what);
      // …and it stays so while the socket keeps retrying (status is polled every 2 s).
      for (let i = 0; i < 10; i++) {
        const s = await desk.status();
        expect(s.online).toBe(false);
        expect(s.problem?.code).toBe('CERT_MISMATCH');
        expect(s.problem?.message['zh-CN']).toContain('证书指纹不符');
        expect(s.problem?.message.en).toContain('fingerprint');
        await new Promise((r) => setTimeout(r, 200));
      }
    };
    await settled('CERT_MISMATCH on the running desk');

    await desk.close();
    desk = await startDesk(home);
    await settled('CERT_MISMATCH after a restart');

    // Logging in again is refused before the password is sent, and status keeps saying why.
    await expect(desk.connect({ url: server.url, name: 'zhang', password: PASSWORD })).rejects.toMatchObject({ code: 'CERT_MISMATCH' });
    expect((await desk.status()).problem?.code).toBe('CERT_MISMATCH');

    // The impostor goes away: now nobody answers, and status follows.
    await impostor.close();
    await until(async () => (await desk.status()).problem?.code === 'SERVER_UNREACHABLE', 8000, 'SERVER_UNREACHABLE once nobody answers');
  });
});
