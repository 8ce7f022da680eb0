import { connect, type ConnectionOptions, type DetailedPeerCertificate, type PeerCertificate } from 'node:tls';
import { X509Certificate } from 'node:crypto';
import { appError } from '../../../shared/contract/messages';

// Certificate pinning for the desk server (issue 12). A centre's server usually has a
// self-signed certificate, so there is no CA to trust: the desk pins the certificate the
// user compared on first connection and trusts nothing else.
//
// Node pitfall: with rejectUnauthorized:false, checkServerIdentity is never called for a
// self-signed certificate. So the pinned chain itself is passed as `ca`: the chain then
// verifies, checkServerIdentity runs during the handshake, and it compares fingerprint256.
// Both checks happen before the handshake completes, so no request byte is ever written
// to a server that presents another certificate. The host-name check is skipped on
// purpose: the server's self-signed certificate names the host it was made on, while
// desks reach it by a LAN address; the fingerprint pins the exact certificate, which is
// stronger than any name match.

export interface Pin {
  /** SHA-256 fingerprint of the leaf, as Node prints it (AB:CD:…). */
  fingerprint: string;
  /** The presented chain as PEM, leaf first: the trust anchors for `ca`. */
  pem: string;
}

export interface ServerAddress {
  host: string;
  port: number;
}

export function parseServerUrl(url: string): ServerAddress {
  const u = new URL(url);
  const host = u.hostname.replace(/^\[(.*)\]$/, '$1');
  return { host, port: u.port ? Number(u.port) : 443 };
}

const isIp = (host: string) => /^[\d.]+$/.test(host) || host.includes(':');

/** The error code a pin mismatch carries, so callers tell it from other TLS failures. */
export const PIN_MISMATCH = 'ERR_EDITION_DESK_PIN_MISMATCH';

/** TLS options that accept exactly the pinned certificate. */
export function pinnedTlsOptions(pin: Pin, host: string): ConnectionOptions {
  return {
    ca: pin.pem,
    rejectUnauthorized: true,
    ...(isIp(host) ? {} : { servername: host }),
    checkServerIdentity: (_host: string, cert: PeerCertificate) => {
      if (cert.fingerprint256 === pin.fingerprint) return undefined;
      return Object.assign(new Error(`certificate ${cert.fingerprint256} is not the pinned ${pin.fingerprint}`), { code: PIN_MISMATCH });
    },
  };
}

/** True for a TLS failure that means "not the certificate this desk trusts". */
export function isCertFailure(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /PIN_MISMATCH|CERT|SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER|ALTNAME/.test(code);
}

function toPem(raw: Buffer): string {
  return new X509Certificate(raw).toString();
}

/** The chain a server presents (leaf first), as PEM, without checking anything and without sending a byte of any request. */
export function fetchServerPin(url: string, timeoutMs = 5000): Promise<Pin> {
  const { host, port } = parseServerUrl(url);
  return new Promise((resolve, reject) => {
    const socket = connect({ host, port, rejectUnauthorized: false, ...(isIp(host) ? {} : { servername: host }) });
    const timer = setTimeout(() => {
      socket.destroy();
      reject(appError('SERVER_UNREACHABLE', `${host}:${port}: no TLS answer in ${timeoutMs} ms`));
    }, timeoutMs);
    socket.once('secureConnect', () => {
      clearTimeout(timer);
      const leaf = socket.getPeerCertificate(true);
      socket.destroy();
      if (!leaf || !leaf.raw) return reject(appError('SERVER_UNREACHABLE', `${host}:${port} presented no certificate`));
      const pems: string[] = [];
      const seen = new Set<string>();
      for (let c: DetailedPeerCertificate | undefined = leaf; c && c.raw && !seen.has(c.fingerprint256); c = c.issuerCertificate) {
        seen.add(c.fingerprint256);
        pems.push(toPem(c.raw));
      }
      resolve({ fingerprint: leaf.fingerprint256, pem: pems.join('') });
    });
    socket.once('error', (e) => {
      clearTimeout(timer);
      reject(appError('SERVER_UNREACHABLE', `${host}:${port}: ${e.message}`));
    });
  });
}
