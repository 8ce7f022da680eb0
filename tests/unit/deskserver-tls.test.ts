import { X509Certificate } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import selfsigned from 'selfsigned';
import { afterAll, describe, expect, it } from 'vitest';
import { createDeskServer } from '../../electron/services/deskserver/desk-server';
import { cleanupTemp, tempDir } from './helpers';
import { api } from './deskserver-support';

// The server's TLS identity: the admin's certificate when given, else one self-signed
// certificate made once into DATA/tls (owner-only key) and kept across restarts.

afterAll(cleanupTemp);

describe('desk server TLS', () => {
  it('makes a self-signed certificate once, keeps it, and reports its SHA-256 fingerprint', async () => {
    const dir = await tempDir('deskserver-tls');
    const a = await createDeskServer({ dataDir: dir, port: 0, host: '127.0.0.1', quiet: true });
    const cert = readFileSync(join(dir, 'tls', 'cert.pem'), 'utf8');
    expect(a.fingerprint).toBe(new X509Certificate(cert).fingerprint256);
    expect(a.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(statSync(join(dir, 'tls', 'key.pem')).mode & 0o077).toBe(0);
    expect(new X509Certificate(cert).checkIP('127.0.0.1')).toBe('127.0.0.1');
    await a.close();
    const b = await createDeskServer({ dataDir: dir, port: 0, host: '127.0.0.1', quiet: true });
    expect(b.fingerprint).toBe(a.fingerprint);
    await b.close();
  }, 60_000);

  it("serves the admin's certificate, and a client that trusts another one cannot talk to it", async () => {
    const dir = await tempDir('deskserver-tls');
    const pems = selfsigned.generate([{ name: 'commonName', value: 'desk.example' }], {
      days: 30, keySize: 2048, algorithm: 'sha256',
      extensions: [{ name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] }],
    });
    const s = await createDeskServer({ dataDir: dir, port: 0, host: '127.0.0.1', quiet: true, tls: { cert: pems.cert, key: pems.private } });
    expect(s.fingerprint).toBe(new X509Certificate(pems.cert).fingerprint256);
    expect((await api(s, 'GET', '/api/me')).status).toBe(401);
    const other = await createDeskServer({ dataDir: await tempDir('deskserver-tls'), port: 0, host: '127.0.0.1', quiet: true });
    const stranger = { ...s, certPem: other.certPem };
    await expect(api(stranger, 'GET', '/api/me')).rejects.toThrow(/self[- ]signed|unable to verify|certificate/i);
    await other.close();
    await s.close();
  }, 60_000);
});
