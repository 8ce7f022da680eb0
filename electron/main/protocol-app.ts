import { protocol } from 'electron';
import { extname } from 'node:path';
import { RENDERER_CSP } from '../../shared/contract/csp';
import { serveTable } from '../services/media';
import { readFileInside } from '../services/safe-path';
import { APP_SCHEME, appPathSegments } from './app-url';
import { MEDIA_PRIVILEGES } from './protocol-media';
import { bytesResponse } from './bytes-response';

// app://desk/index.html and app://desk/print.html: the renderer's own files from
// out/renderer, through the same resolveInside as every other read (no "..", no link out);
// and app://desk/table/<name>, main's binary tables for the editor (media.ts serveTable),
// same-origin with the page so a plain fetch reads them.

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.woff2': 'font/woff2', '.ttf': 'font/ttf', '.otf': 'font/otf', '.json': 'application/json',
};

/** Must run before app 'ready': both of our schemes, in the one call Electron allows. */
export function registerSchemes(): void {
  protocol.registerSchemesAsPrivileged([
    // standard + secure: a real origin (app://desk) with localStorage, fetch and a CSP of its own.
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
    MEDIA_PRIVILEGES,
  ]);
}

export function handleAppProtocol(rendererDir: string, csp: string = RENDERER_CSP): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const segments = request.method === 'GET' ? appPathSegments(request.url) : null;
    if (!segments) return new Response('not found', { status: 404 });
    try {
      const table = await serveTable(segments);
      if (table) return bytesResponse(table.body, { 'content-type': table.mime, 'x-content-type-options': 'nosniff' });
      const body = await readFileInside(rendererDir, ...segments);
      const ext = extname(segments[segments.length - 1]!);
      const headers: Record<string, string> = { 'content-type': TYPES[ext] ?? 'application/octet-stream', 'x-content-type-options': 'nosniff' };
      if (ext === '.html') headers['content-security-policy'] = csp;
      return bytesResponse(body, headers);
    } catch {
      return new Response('not found', { status: 404 });
    }
  });
}
