import { protocol } from 'electron';
import { AppError } from '../../shared/contract/errors';
import { serveMedia } from '../services/media';
import type { LibraryStore } from '../services/library/store';
import type { Workspace } from '../services/workspace';
import { bytesResponse } from './bytes-response';

// media://photo/<edition>/<photo id>/<size> and media://library/<photo id>/<size>: the
// renderer asks for photos by id and main turns the id into a file inside the workspace
// (Signal's attachment:// pattern). The browser host serves the same paths under
// /media/…; both go through serveMedia().

export const MEDIA_SCHEME = 'media';

/** Registered with app:// in one call before 'ready' (protocol-app.ts registerSchemes). */
export const MEDIA_PRIVILEGES = { scheme: MEDIA_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } };

/**
 * The path segments serveMedia() expects, e.g. ['photo', edition, id, size]. A standard
 * scheme puts the first one ("photo", "library") in the URL's host; the rest arrive
 * percent-encoded in the path. Null for anything that is not such a URL.
 */
export function mediaSegments(raw: string): string[] | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== `${MEDIA_SCHEME}:` || url.hostname === '' || url.search !== '' || url.port !== '') return null;
  try {
    return [url.hostname, ...url.pathname.split('/').slice(1).map(decodeURIComponent)];
  } catch {
    return null; // malformed %-escape
  }
}

const text = (status: number, body: string): Response =>
  new Response(body, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } });

export function handleMediaProtocol(workspace: Workspace, library: LibraryStore, log: (e: unknown) => void): void {
  protocol.handle(MEDIA_SCHEME, async (request) => {
    if (request.method !== 'GET') return text(405, 'GET only');
    const segments = mediaSegments(request.url);
    if (!segments) return text(404, 'not found');
    try {
      const media = await serveMedia(workspace, library, segments);
      if (!media) return text(404, 'not found');
      return bytesResponse(media.body, { 'content-type': media.mime, 'cache-control': 'private, max-age=3600', 'x-content-type-options': 'nosniff' });
    } catch (e) {
      if (e instanceof AppError && e.code === 'NOT_FOUND') return text(404, 'not found');
      if (e instanceof AppError && (e.code === 'PATH_OUTSIDE_WORKSPACE' || e.code === 'SYMLINK_REFUSED')) return text(403, 'forbidden');
      log(e);
      return text(500, e instanceof AppError ? e.code : 'error');
    }
  });
}
