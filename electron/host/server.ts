import { createServer, type IncomingMessage, type ServerResponse, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { join, normalize, extname } from 'node:path';
import { timingSafeEqual } from 'node:crypto';
import type { Handler } from '../../shared/contract/handle';
import { appError } from '../../shared/contract/messages';
import { AppError } from '../../shared/contract/errors';
import { isInside, type Workspace } from '../services/workspace';
import { serveMedia } from '../services/media';
import { attachmentHeader, readExportFile } from '../services/export/export-files';
import type { LibraryStore } from '../services/library/store';
import { RENDERER_CSP } from '../../shared/contract/csp';

// The browser host: the built renderer and the same contract over HTTP on loopback.
// Access needs the per-launch token (given once in the URL, then kept in an HttpOnly
// cookie); the Host header is checked against DNS rebinding, and API calls need a custom
// header, which a cross-site form or image cannot send.

export interface HostOptions {
  handler: Handler;
  workspace: Workspace;
  library: LibraryStore;
  rendererDir: string;
  token: string;
}

const COOKIE = 'ed_token';
const MAX_BODY = 1100 * 1024 * 1024;
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.woff2': 'font/woff2', '.ttf': 'font/ttf', '.otf': 'font/otf', '.json': 'application/json',
};

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function cookieToken(req: IncomingMessage): string | null {
  const m = /(?:^|;\s*)ed_token=([^;]+)/.exec(req.headers.cookie ?? '');
  return m ? decodeURIComponent(m[1]!) : null;
}

function send(res: ServerResponse, status: number, body: string | Buffer, type: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, {
    'content-type': type,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'x-frame-options': 'DENY',
    'cache-control': 'no-store',
    ...extra,
  });
  res.end(body);
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw appError('INVALID_ARGUMENT', 'request body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/**
 * A call's input: JSON in the body, or, for calls that carry a file, the raw bytes in the
 * body and the other fields as JSON in the X-Edition-Desk-Input header (no base64 cost).
 */
async function readInput(req: IncomingMessage): Promise<unknown> {
  const body = await readBody(req);
  if ((req.headers['content-type'] ?? '').startsWith('application/octet-stream')) {
    const fields = JSON.parse(decodeURIComponent(String(req.headers['x-edition-desk-input'] ?? '%7B%7D'))) as Record<string, unknown>;
    return { ...fields, bytes: new Uint8Array(body.buffer, body.byteOffset, body.byteLength) };
  }
  const text = body.toString('utf8');
  return text === '' ? {} : JSON.parse(text);
}

/** File bytes in a result (story:export) travel as {"$bytes": base64}; the renderer revives them. */
function bytesReplacer(this: Record<string, unknown>, key: string, value: unknown): unknown {
  const raw = this[key];
  return raw instanceof Uint8Array ? { $bytes: Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString('base64') } : value;
}

export function createHostServer(opts: HostOptions): Server {
  const server = createServer((req, res) => {
    handleRequest(opts, server, req, res).catch((e) => {
      const err = e instanceof AppError ? e : appError('INTERNAL', e instanceof Error ? e.message : String(e));
      if (!res.headersSent) send(res, 500, JSON.stringify({ ok: false, error: err.toData() }), 'application/json');
      else res.destroy();
    });
  });
  return server;
}

async function handleRequest(opts: HostOptions, server: Server, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  const host = req.headers.host ?? '';
  if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) {
    return send(res, 421, 'Misdirected request', 'text/plain');
  }
  const url = new URL(req.url ?? '/', `http://${host}`);
  const given = url.searchParams.get('token');
  if (url.pathname === '/' && given !== null) {
    if (!same(given, opts.token)) return send(res, 403, 'Wrong token. Open the URL printed by `npm run web`.', 'text/plain; charset=utf-8');
    // Move the token from the URL into a cookie so it does not linger in history or screenshots.
    return send(res, 303, '', 'text/plain', {
      location: '/',
      'set-cookie': `${COOKIE}=${encodeURIComponent(opts.token)}; HttpOnly; SameSite=Strict; Path=/`,
    });
  }
  const cookie = cookieToken(req);
  if (!cookie || !same(cookie, opts.token)) {
    return send(res, 403, '请使用 npm run web 打印的地址打开。Open the URL printed by `npm run web`.', 'text/plain; charset=utf-8');
  }

  if (url.pathname.startsWith('/api/')) {
    if (req.method !== 'POST' || req.headers['x-edition-desk'] !== '1') return send(res, 405, 'POST with X-Edition-Desk only', 'text/plain');
    const channel = decodeURIComponent(url.pathname.slice(5));
    let input: unknown;
    try {
      input = await readInput(req);
    } catch (e) {
      const err = e instanceof AppError ? e : appError('INVALID_ARGUMENT', 'body is not JSON');
      return send(res, 400, JSON.stringify({ ok: false, error: err.toData() }), 'application/json');
    }
    const result = await opts.handler(channel, input);
    return send(res, 200, JSON.stringify(result, bytesReplacer), 'application/json; charset=utf-8');
  }

  if (url.pathname.startsWith('/media/')) {
    try {
      const media = await serveMedia(opts.workspace, opts.library, url.pathname.slice(7).split('/').map(decodeURIComponent));
      if (!media) return send(res, 404, 'not found', 'text/plain');
      return send(res, 200, media.body, media.mime, { 'cache-control': 'private, max-age=3600' });
    } catch (e) {
      const status = e instanceof AppError && e.code === 'NOT_FOUND' ? 404 : e instanceof AppError && e.code === 'PATH_OUTSIDE_WORKSPACE' ? 403 : 500;
      return send(res, status, e instanceof Error ? e.message : 'error', 'text/plain');
    }
  }

  // A written export (PDF, page images, HTML, zip), as a download; same containment as media.
  if (url.pathname.startsWith('/export-file/')) {
    if (req.method !== 'GET') return send(res, 405, 'GET only', 'text/plain');
    try {
      const file = await readExportFile(opts.workspace, url.pathname.slice(13).split('/').map(decodeURIComponent));
      // An exported HTML page opened from here must not run anything (it has no script anyway).
      return send(res, 200, file.body, file.mime, { 'content-disposition': attachmentHeader(file.fileName), 'content-security-policy': "default-src 'none'; img-src data:; style-src 'unsafe-inline'" });
    } catch (e) {
      const status = e instanceof AppError && e.code === 'PATH_OUTSIDE_WORKSPACE' ? 403 : e instanceof AppError && e.code === 'NOT_FOUND' ? 404 : 500;
      return send(res, status, e instanceof Error ? e.message : 'error', 'text/plain');
    }
  }

  // Static renderer files.
  const rel = url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname.slice(1));
  const file = normalize(join(opts.rendererDir, rel));
  if (!isInside(opts.rendererDir, file)) return send(res, 403, 'forbidden', 'text/plain');
  let body: Buffer;
  try {
    body = await readFile(file);
  } catch {
    return send(res, 404, 'not found', 'text/plain');
  }
  const extra: Record<string, string> = extname(file) === '.html' ? { 'content-security-policy': RENDERER_CSP } : {};
  return send(res, 200, body, TYPES[extname(file)] ?? 'application/octet-stream', extra);
}
