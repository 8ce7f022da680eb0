import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { appError } from '../../shared/contract/messages';
import { Id } from '../../shared/document/ids';
import { readEdition } from './edition-store';
import type { Workspace } from './workspace';
import { readFileInside, resolveInside } from './safe-path';
import { writeFileAtomic } from './atomic-write';
import type { LibraryStore } from './library/store';
import { MAX_PIXELS, readPreview, readShowingThumb } from './library/previews';
import { readCscModelBytes } from './proof/csc-model';

// Photos reach the renderer only by id, through media://photo/<edition>/<id>/<size> in
// Electron and /media/photo/… in the browser host. Both call resolveMedia().

export const MEDIA_SIZES = { thumb: 400, preview: 1600, original: 0 } as const;
export type MediaSize = keyof typeof MEDIA_SIZES;

export interface MediaResponse {
  body: Buffer;
  mime: string;
}

/** Parses "photo/<edition ref>/<photo id>/<size>" (already URL-decoded per segment). */
export function parseMediaPath(segments: string[]): { edition: string; photoId: string; size: MediaSize } | null {
  if (segments.length !== 4 || segments[0] !== 'photo') return null;
  const [, edition, photoId, size] = segments as [string, string, string, string];
  if (!Id.safeParse(photoId).success || !Object.hasOwn(MEDIA_SIZES, size)) return null;
  return { edition, photoId, size: size as MediaSize };
}

/** Library photos: "library/<id>/<thumb|preview|original>". */
export function parseLibraryMediaPath(segments: string[]): { id: string; size: MediaSize } | null {
  if (segments.length !== 3 || segments[0] !== 'library') return null;
  const [, id, size] = segments as [string, string, string];
  if (!Id.safeParse(id).success || !Object.hasOwn(MEDIA_SIZES, size)) return null;
  return { id, size: size as MediaSize };
}

export async function resolveLibraryMedia(ws: Workspace, library: LibraryStore, id: string, size: MediaSize): Promise<MediaResponse> {
  const photo = await library.get(id);
  if (!photo) {
    // A photo on the sheet whose record is being committed (ingest-shown-api.ts): its thumbnail only.
    if (size === 'thumb' && library.showing.has(id)) return { body: await readShowingThumb(ws.cacheDir, id), mime: 'image/jpeg' };
    throw appError('NOT_FOUND', id);
  }
  // Records name their file relative to the workspace; resolved like every other path.
  if (size === 'original') return { body: await library.readBytes(photo), mime: mimeOf(photo.file) };
  return { body: await readPreview(ws.cacheDir, id, size, await library.resolveFile(photo)), mime: 'image/jpeg' };
}

// The editor's 错别字 tables (issue 14) as raw bytes: 12 MB, which the renderer maps as
// typed views. They were a contract call once, base64 in JSON (16 MB of string built,
// sent and parsed per window, on both sides' main threads, when a Chinese story opened);
// now one binary response: /media/<key>/table/csc in the browser host, and app://desk/table/csc
// in Electron (same-origin with the page, so media: needs no cross-origin fetch).
const TABLES: Record<string, () => Promise<Buffer>> = { csc: readCscModelBytes };

/** "table/<name>": one of main's binary tables; null for any other path. */
export async function serveTable(segments: readonly string[]): Promise<MediaResponse | null> {
  if (segments.length !== 2 || segments[0] !== 'table' || !Object.hasOwn(TABLES, segments[1]!)) return null;
  const body = await TABLES[segments[1]!]!().catch(() => { throw appError('NOT_FOUND', `table ${segments[1]}`); });
  return { body, mime: 'application/octet-stream' };
}

/** Any of our media paths (photos by id, the tables); null when the path is not one of ours. */
export async function serveMedia(ws: Workspace, library: LibraryStore, segments: string[]): Promise<MediaResponse | null> {
  const table = await serveTable(segments);
  if (table) return table;
  const lib = parseLibraryMediaPath(segments);
  if (lib) return resolveLibraryMedia(ws, library, lib.id, lib.size);
  const ed = parseMediaPath(segments);
  if (ed) return resolveMedia(ws, ed.edition, ed.photoId, ed.size);
  return null;
}

export async function resolveMedia(ws: Workspace, edition: string, photoId: string, size: MediaSize): Promise<MediaResponse> {
  const dir = await ws.resolveEdition(edition);
  const ed = await readEdition(dir);
  // A story's figure names its library photo; the edition's copy of it answers for it.
  const photo = ed.photos.find((p) => p.id === photoId) ?? ed.photos.find((p) => p.libraryId === photoId);
  if (!photo) throw appError('NOT_FOUND', photoId);
  // Checked before the cache is consulted, so a link never gets a thumbnail either.
  await resolveInside(dir, photo.asset.file);
  if (size === 'original') return { body: await readFileInside(dir, photo.asset.file), mime: mimeOf(photo.asset.file) };
  // Cached by content hash, so a renamed or re-imported file reuses its thumbnail.
  const cached = join(ws.cacheDir, 'media', `${photo.asset.sha256}-${size}.jpg`);
  const hit = await stat(cached).then(() => true, () => false);
  if (hit) return { body: await readFile(cached), mime: 'image/jpeg' };
  // Read without following links (safe-path.ts); the bytes, not the path, go to sharp.
  const bytes = await readFileInside(dir, photo.asset.file);
  const px = MEDIA_SIZES[size];
  const body = await sharp(bytes, { limitInputPixels: MAX_PIXELS })
    .rotate()
    .resize({ width: px, height: px, fit: 'inside', withoutEnlargement: true })
    .jpeg({ quality: 82, mozjpeg: false })
    .toBuffer();
  await writeFileAtomic(cached, body);
  return { body, mime: 'image/jpeg' };
}

function mimeOf(file: string): string {
  const ext = file.toLowerCase().split('.').pop();
  return ext === 'png' ? 'image/png' : ext === 'webp' ? 'image/webp' : ext === 'tif' || ext === 'tiff' ? 'image/tiff' : 'image/jpeg';
}
