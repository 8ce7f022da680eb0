import { createServer, type IncomingMessage, type ServerResponse, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { join, normalize, extname } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Duplex } from 'node:stream';
import type { Handler } from '../../shared/contract/handle';
import { appError } from '../../shared/contract/messages';
import { AppError } from '../../shared/contract/errors';
import { isInside, type Workspace } from '../services/workspace';
import { serveMedia } from '../services/media';
import { attachmentHeader, readExportFile } from '../services/export/export-files';
import type { LibraryStore } from '../services/library/store';
import { RENDERER_CSP } from '../../shared/contract/csp';
import { TOKEN_HEADER, decodeSegments, foreignOrigin, sameSecret } from './gate';

// The browser host: the built renderer and the same contract over HTTP on loopback.
// Access needs the per-launch token (given once in the URL, then kept by the page in
// sessionStorage and sent in a header; media and downloads carry a separate file key in
// the path: see gate.ts for why not a cookie); the Host header is checked against DNS
// rebinding, and Origin / Sec-Fetch-Site must be our own on every call and file.

export interface HostOptions {
  handler: Handler;
  workspace: Workspace;
  library: LibraryStore;
  rendererDir: string;
  token: string;
  /** The per-launch secret in /media/<key>/… and /export-file/<key>/… (random when not given). */
  fileKey?: string;
  /** Main's loopback socket for shared documents (issue 12): takes upgrades on /collab after the checks below. */
  collabUpgrade?: (req: IncomingMessage, socket: Duplex, head: Buffer) => void;
}

const MAX_BODY = 1100 * 1024 * 1024;
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.woff2': 'font/woff2', '.ttf': 'font/ttf', '.otf': 'font/otf', '.json': 'application/json',
};

function send(res: ServerResponse, status: number, body: string | Buffer, type: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, {
    'content-type': type,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'x-frame-options': 'DENY',
    // Another page on 127.0.0.1 (another port: the same site, so the same HTTP cache
    // partition) must not draw what the desk fetched, even from the cache: a photo the
    // composer showed was served to the other port's <img> without reaching this server.
    'cross-origin-resource-policy': 'same-origin',
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

export function createHostServer(options: HostOptions): Server {
  const opts = { ...options, fileKey: options.fileKey ?? randomBytes(24).toString('base64url') };
  const server = createServer((req, res) => {
    handleRequest(opts, server, req, res).catch((e) => {
      // A malformed %-escape anywhere in the URL is the client's mistake: 400, not 500.
      if (e instanceof URIError && !res.headersSent) return send(res, 400, 'malformed URL escape', 'text/plain');
      const err = e instanceof AppError ? e : appError('INTERNAL', e instanceof Error ? e.message : String(e));
      if (!res.headersSent) send(res, 500, JSON.stringify({ ok: false, error: err.toData() }), 'application/json');
      else res.destroy();
    });
  });
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    // The renderer's HocuspocusProvider (issue 12): same Host and Origin rules as every
    // API call; its token is checked by main's Hocuspocus (the provider's auth message).
    const addr = server.address();
    const port = typeof addr === 'object' && addr ? addr.port : 0;
    const host = req.headers.host ?? '';
    const path = (req.url ?? '').split('?')[0];
    const ok = (host === `127.0.0.1:${port}` || host === `localhost:${port}`) && path === '/collab' && foreignOrigin(req, false) === null;
    if (!ok || !opts.collabUpgrade) {
      socket.end(`HTTP/1.1 ${ok ? '503 Service Unavailable' : '403 Forbidden'}\r\nConnection: close\r\n\r\n`);
      return;
    }
    opts.collabUpgrade(req, socket, head);
  });
  return server;
}

const PLEASE_OPEN = '请使用 npm run web 打印的地址打开。Open the URL printed by `npm run web`.';

/** A status for a refused file read: outside, a link or missing are not server errors. */
function fileErrorStatus(e: unknown): number {
  if (!(e instanceof AppError)) return 500;
  if (e.code === 'NOT_FOUND') return 404;
  if (e.code === 'PATH_OUTSIDE_WORKSPACE' || e.code === 'SYMLINK_REFUSED') return 403;
  return 500;
}

async function handleRequest(opts: HostOptions & { fileKey: string }, server: Server, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  const host = req.headers.host ?? '';
  if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) {
    return send(res, 421, 'Misdirected request', 'text/plain');
  }
  let url: URL;
  try {
    url = new URL(req.url ?? '/', `http://${host}`);
  } catch {
    return send(res, 400, 'bad URL', 'text/plain');
  }
  const given = url.searchParams.get('token');
  if (given !== null && !sameSecret(given, opts.token)) {
    return send(res, 403, `Wrong token. ${PLEASE_OPEN}`, 'text/plain; charset=utf-8');
  }

  if (url.pathname.startsWith('/api/')) {
    const foreign = foreignOrigin(req, false);
    if (foreign) return send(res, 403, `cross-origin call refused (${foreign})`, 'text/plain');
    if (!sameSecret(req.headers[TOKEN_HEADER] as string | undefined, opts.token)) return send(res, 403, PLEASE_OPEN, 'text/plain; charset=utf-8');
    if (req.method !== 'POST' || req.headers['x-edition-desk'] !== '1') return send(res, 405, 'POST with X-Edition-Desk only', 'text/plain');
    const channel = decodeSegments(url.pathname.slice(5))?.join('/');
    if (channel === undefined) return send(res, 400, 'malformed URL escape', 'text/plain');
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

  // Photos and written exports: GET with the file key as the first path segment.
  for (const prefix of ['/media/', '/export-file/'] as const) {
    if (!url.pathname.startsWith(prefix)) continue;
    if (req.method !== 'GET') return send(res, 405, 'GET only', 'text/plain');
    const foreign = foreignOrigin(req, true);
    if (foreign) return send(res, 403, `cross-origin request refused (${foreign})`, 'text/plain');
    const segments = decodeSegments(url.pathname.slice(prefix.length));
    if (!segments) return send(res, 400, 'malformed URL escape', 'text/plain');
    if (!sameSecret(segments[0], opts.fileKey)) return send(res, 403, PLEASE_OPEN, 'text/plain; charset=utf-8');
    try {
      if (prefix === '/media/') {
        const media = await serveMedia(opts.workspace, opts.library, segments.slice(1));
        if (!media) return send(res, 404, 'not found', 'text/plain');
        return send(res, 200, media.body, media.mime, { 'cache-control': 'private, max-age=3600' });
      }
      // A written export (PDF, page images, HTML, zip), as a download; same containment as media.
      const file = await readExportFile(opts.workspace, segments.slice(1));
      // An exported HTML page opened from here must not run anything (it has no script anyway).
      return send(res, 200, file.body, file.mime, { 'content-disposition': attachmentHeader(file.fileName), 'content-security-policy': "default-src 'none'; img-src data:; style-src 'unsafe-inline'" });
    } catch (e) {
      return send(res, fileErrorStatus(e), e instanceof AppError ? e.code : 'error', 'text/plain');
    }
  }

  // Static renderer files: the app's own code, no data, so served without the token; a
  // page opened with the right ?token= also gets the file key (see gate.ts).
  const parts = decodeSegments(url.pathname.slice(1));
  if (!parts) return send(res, 400, 'malformed URL escape', 'text/plain');
  const rel = url.pathname === '/' ? 'index.html' : parts.join('/');
  const file = normalize(join(opts.rendererDir, rel));
  if (!isInside(opts.rendererDir, file)) return send(res, 403, 'forbidden', 'text/plain');
  let body: Buffer;
  try {
    body = await readFile(file);
  } catch {
    return send(res, 404, 'not found', 'text/plain');
  }
  const html = extname(file) === '.html';
  if (html && given !== null) {
    body = Buffer.from(body.toString('utf8').replace('<head>', `<head>\n    <meta name="edition-desk-files" content="${opts.fileKey}" />`));
  }
  const extra: Record<string, string> = html ? { 'content-security-policy': RENDERER_CSP } : {};
  // The bundled font slices are the same files until the next build: a warm print tab keeps
  // them (and their decoded faces) instead of fetching and decoding ~100 again per export (issue 13).
  if (rel.startsWith('fonts/files/')) extra['cache-control'] = 'private, max-age=3600';
  return send(res, 200, body, TYPES[extname(file)] ?? 'application/octet-stream', extra);
}
