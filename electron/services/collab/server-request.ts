import { request as httpsRequest } from 'node:https';
import { appError } from '../../../shared/contract/messages';
import type { ServerReply } from './types';
import { isCertFailure, parseServerUrl, pinnedTlsOptions, type Pin } from './pinned-tls';

// One HTTPS call to the desk server over the pinned certificate (pinned-tls.ts): a server
// that presents any other certificate fails the handshake, before the request is written.

const MAX_REPLY = 64 * 1024 * 1024;

export interface CallOptions {
  url: string;
  pin: Pin;
  token?: string | null;
  method: 'GET' | 'POST' | 'PUT' | 'HEAD';
  path: string;
  body?: unknown;
  timeoutMs?: number;
}

export function callServer(opts: CallOptions): Promise<ServerReply> {
  const { host, port } = parseServerUrl(opts.url);
  const payload = opts.body === undefined ? undefined : opts.body instanceof Uint8Array ? Buffer.from(opts.body) : Buffer.from(JSON.stringify(opts.body));
  const headers: Record<string, string> = { accept: 'application/json' };
  if (opts.token) headers['authorization'] = `Bearer ${opts.token}`;
  if (payload) {
    headers['content-type'] = opts.body instanceof Uint8Array ? 'application/octet-stream' : 'application/json';
    headers['content-length'] = String(payload.length);
  }
  return new Promise((resolve, reject) => {
    const req = httpsRequest({
      host, port, method: opts.method, path: opts.path, headers, agent: false,
      ...pinnedTlsOptions(opts.pin, host),
      timeout: opts.timeoutMs ?? 10_000,
    }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (c: Buffer) => {
        size += c.length;
        if (size > MAX_REPLY) req.destroy(new Error('reply too large'));
        else chunks.push(c);
      });
      res.on('end', () => {
        const bytes = Buffer.concat(chunks);
        const status = res.statusCode ?? 0;
        const reply: ServerReply = { status, bytes: new Uint8Array(bytes) };
        if ((res.headers['content-type'] ?? '').includes('json') && bytes.length > 0) {
          try { reply.json = JSON.parse(bytes.toString('utf8')); } catch { /* left as bytes */ }
        }
        resolve(reply);
      });
      res.on('error', (e) => reject(appError('SERVER_UNREACHABLE', e.message)));
    });
    req.on('timeout', () => req.destroy(Object.assign(new Error('timed out'), { code: 'ETIMEDOUT' })));
    req.on('error', (e) => {
      if (isCertFailure(e)) reject(appError('CERT_MISMATCH', `${opts.url}: ${e.message}; this desk pinned ${opts.pin.fingerprint}`));
      else reject(appError('SERVER_UNREACHABLE', `${opts.url}: ${e.message}`));
    });
    req.end(payload);
  });
}
