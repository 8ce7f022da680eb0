import { createHash } from 'node:crypto';
import { access, mkdir, readFile, realpath, unlink } from 'node:fs/promises';
import { extname, join, relative, sep } from 'node:path';
import sharp from 'sharp';
import { AppError } from '../../shared/contract/errors';
import { appError } from '../../shared/contract/messages';
import type { Edition, Photo } from '../../shared/document/schema';
import type { LibraryPhoto } from '../../shared/photo/library';
import { writeFileAtomic, writeJsonAtomic } from './atomic-write';
import { readEdition } from './edition-store';
import { MAX_PIXELS } from './library/previews';
import type { LibraryStore } from './library/store';
import { normalizeDate, writeCaptionMeta } from './metadata';
import { isInside } from './workspace';
import { readFileInside } from './safe-path';
import { isCameraRaw } from './metadata/sidecar';
import { decodableBytes } from './raw/decodable';

// Placing a library photo on a page copies it into the edition (assets/), with the caption
// written into the copy, so the edition folder stays whole on its own: the handoff zip, the
// PDF and a colleague who gets the folder need nothing from this workspace's library.
//
// Order of writes: the asset file first, edition.json last, each atomic; a crash between
// them leaves an unlisted file in assets/, never a listed photo without its file. Callers
// run this inside the queue that serialises edition.json writes (api.ts: pageWrites).

/** Formats Chromium draws and our XMP writer embeds into: copied as they are. */
const KEEP = new Set(['.jpg', '.jpeg', '.png', '.webp']);

export interface PlaceResult {
  photo: Photo;
  /** True when the edition already held this library photo (by library id or content). */
  reused: boolean;
}

export async function placeLibraryPhoto(workspaceRoot: string, library: LibraryStore, editionDir: string, libraryId: string): Promise<PlaceResult> {
  // Record and bytes are read in the library's own queue, so a caption being written on the
  // photo desk at this moment cannot pair the new record with the old file (or the reverse).
  const { rec, bytes } = await library.mutate(async () => {
    const r = await library.get(libraryId);
    if (!r) throw appError('NOT_FOUND', `library photo ${libraryId}`);
    // The one containment path (safe-path.ts): realpath, no symlink on the way, O_NOFOLLOW.
    return { rec: r, bytes: await readFileInside(workspaceRoot, ...relative(workspaceRoot, library.filePath(r)).split(sep)) };
  });
  const edition = await readEdition(editionDir);
  const assets = await assetsDir(editionDir);

  const byLibrary = edition.photos.find((p) => p.libraryId === rec.id);
  const byContent = edition.photos.find((p) => p.asset.sha256 === rec.sha256);
  const existing = byLibrary ?? byContent;
  if (existing) {
    const target = join(assets, assetName(existing));
    const fileThere = await access(target).then(() => true, () => false);
    const same = fileThere && existing.libraryId === rec.id && JSON.stringify(existing.meta) === JSON.stringify(rec.meta);
    if (same) return { photo: existing, reused: true };
    // The photographer re-captioned it since (or the file went missing): the copy is brought
    // up to date under the same id and file name, so every frame showing it follows.
    const refreshed = byContent && existing === byContent && fileThere
      ? { ...existing, meta: rec.meta, libraryId: rec.id }
      : { ...existing, asset: await writeAsset(bytes, rec, target), meta: rec.meta, libraryId: rec.id };
    await saveEdition(editionDir, { ...edition, photos: edition.photos.map((p) => (p.id === existing.id ? refreshed : p)) });
    return { photo: refreshed, reused: true };
  }

  const convert = !KEEP.has(extname(rec.file).toLowerCase());
  const name = await freeAssetName(assets, edition, rec, convert ? '.jpg' : extname(rec.file).toLowerCase());
  const asset = await writeAsset(bytes, rec, join(assets, name));
  let id = rec.id;
  for (let n = 2; edition.photos.some((p) => p.id === id); n++) id = `${rec.id}-${n}`;
  const photo: Photo = { id, asset, meta: rec.meta, libraryId: rec.id };
  await saveEdition(editionDir, { ...edition, photos: [...edition.photos, photo] });
  return { photo, reused: false };
}

/** <edition>/assets, made when missing; a symlink leading out of the edition is refused. */
async function assetsDir(editionDir: string): Promise<string> {
  const dir = join(editionDir, 'assets');
  await mkdir(dir, { recursive: true });
  const real = await realpath(dir);
  if (!isInside(editionDir, real)) throw appError('PATH_OUTSIDE_WORKSPACE', dir);
  return real;
}

/** The photographer's file name, made safe and unique in assets/ (the handoff zip shows it). */
async function freeAssetName(assets: string, edition: Edition, rec: LibraryPhoto, ext: string): Promise<string> {
  const stem = rec.fileName.replace(/\.[^.]*$/, '')
    // Characters Windows refuses in names, and control characters, become "_".
    .replace(/[\\/:*?"<>|]/g, '_')
    .replace(/\p{Cc}/gu, '_')
    .replace(/^[.\s]+|[.\s]+$/g, '')
    .slice(0, 100) || rec.id;
  const taken = new Set(edition.photos.map((p) => p.asset.file.slice('assets/'.length).toLowerCase()));
  for (let n = 1; ; n++) {
    const name = n === 1 ? `${stem}${ext}` : `${stem}-${n}${ext}`;
    if (taken.has(name.toLowerCase())) continue;
    // An unlisted file left by an interrupted placement may be replaced; anything else is kept.
    if (await access(join(assets, name)).then(() => true, () => false)) continue;
    return name;
  }
}

/** The file name of an edition photo inside assets/; "." and ".." (which the schema lets through) are refused. */
function assetName(p: Photo): string {
  const name = p.asset.file.slice('assets/'.length);
  if (name === '.' || name === '..') throw appError('PATH_OUTSIDE_WORKSPACE', p.asset.file);
  return name;
}

/** Writes the copy (converted to JPEG where Chromium or XMP cannot take the format) with its caption inside. */
async function writeAsset(original: Buffer, rec: LibraryPhoto, target: string): Promise<Photo['asset']> {
  const convert = !KEEP.has(extname(rec.file).toLowerCase());
  // A camera raw is placed as the JPEG it embeds, copied as it is (no second lossy encode)
  // with the raw's orientation in its EXIF: what the desk showed is what prints.
  const bytes = isCameraRaw(rec.file) ? decodableBytes(original, rec.fileName)
    : convert
    ? await sharp(original, { limitInputPixels: MAX_PIXELS, failOn: 'truncated' }).rotate().toColourspace('srgb').jpeg({ quality: 92, chromaSubsampling: '4:4:4' }).toBuffer()
      .catch((e: Error) => { throw appError('IMAGE_DAMAGED', `${rec.fileName}: ${e.message.split('\n')[0]}`); })
    : original;
  await writeFileAtomic(target, bytes);
  // A date the file carried in a form we cannot write back is left out of the copy rather
  // than stopping the placement; the record keeps it as it was.
  const meta = normalizeDate(rec.meta.dateCreated) === null ? { ...rec.meta, dateCreated: '' } : rec.meta;
  try {
    await writeCaptionMeta(target, meta);
  } catch (e) {
    await unlink(target).catch(() => {});
    throw e instanceof AppError ? e : appError('METADATA_WRITE_FAILED', `${rec.fileName}: ${(e as Error).message}`);
  }
  const final = await readFile(target);
  const m = await sharp(final, { limitInputPixels: MAX_PIXELS }).metadata();
  const turned = (m.orientation ?? 1) >= 5;
  return {
    file: `assets/${target.split(/[/\\]/).pop()!}`,
    sha256: createHash('sha256').update(final).digest('hex'),
    width: (turned ? m.height : m.width) ?? 1,
    height: (turned ? m.width : m.height) ?? 1,
    bytes: final.length,
  };
}

function saveEdition(dir: string, edition: Edition): Promise<void> {
  return writeJsonAtomic(join(dir, 'edition.json'), edition);
}
