import { X509Certificate } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, existsSync } from 'node:fs';
import { networkInterfaces, hostname } from 'node:os';
import { join } from 'node:path';
import selfsigned from 'selfsigned';
import { writeFileAtomic } from '../atomic-write';

// The server's TLS identity: the admin's certificate, or a self-signed one made on first
// start into DATA/tls and kept, so the fingerprint desks pinned stays the same across restarts.

export interface TlsIdentity { cert: string; key: string; fingerprint: string }

export function fingerprintOf(certPem: string): string {
  return new X509Certificate(certPem).fingerprint256;
}

/** Names the certificate is valid for: loopback, this host's name and its LAN addresses (desks also pin the fingerprint). */
function altNames(): { type: number; value?: string; ip?: string }[] {
  const names: { type: number; value?: string; ip?: string }[] = [
    { type: 2, value: 'localhost' },
    { type: 2, value: hostname() },
    { type: 7, ip: '127.0.0.1' },
    { type: 7, ip: '::1' },
  ];
  for (const list of Object.values(networkInterfaces())) {
    for (const a of list ?? []) if (!a.internal) names.push({ type: 7, ip: a.address });
  }
  return names;
}

export async function loadOrCreateTls(dataDir: string, given?: { cert: string; key: string }): Promise<TlsIdentity> {
  if (given) return { ...given, fingerprint: fingerprintOf(given.cert) };
  const dir = join(dataDir, 'tls');
  const certFile = join(dir, 'cert.pem');
  const keyFile = join(dir, 'key.pem');
  if (existsSync(certFile) && existsSync(keyFile)) {
    const cert = readFileSync(certFile, 'utf8');
    return { cert, key: readFileSync(keyFile, 'utf8'), fingerprint: fingerprintOf(cert) };
  }
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const pems = selfsigned.generate([{ name: 'commonName', value: `Edition Desk server (${hostname()})` }], {
    days: 3650,
    keySize: 2048,
    algorithm: 'sha256',
    extensions: [{ name: 'basicConstraints', cA: false }, { name: 'subjectAltName', altNames: altNames() }],
  });
  // The key first: a crash between the two leaves no certificate without its key.
  // The folder is 0700 already; the key is also made owner-only for admins who copy it.
  await writeFileAtomic(keyFile, pems.private);
  chmodSync(keyFile, 0o600);
  await writeFileAtomic(certFile, pems.cert);
  return { cert: pems.cert, key: pems.private, fingerprint: fingerprintOf(pems.cert) };
}
