import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { appError } from '../../../shared/contract/messages';
import { isCameraRaw } from '../metadata/sidecar';
import { rawContainer, rawPreview } from './raw-preview';
import { uprightJpeg } from './upright-jpeg';

// What sharp decodes for a library photo. A camera raw is drawn, placed and exported
// through the JPEG it embeds, turned upright (the desk never demosaics: Photo Mechanic's
// way); every other file is decoded as it is.

/** The raw's embedded JPEG, upright; the bytes themselves for any other file. */
export function decodableBytes(bytes: Buffer, name: string): Buffer {
  if (!isCameraRaw(name)) return bytes;
  if (!rawContainer(bytes)) throw appError('UNSUPPORTED_FORMAT', `${basename(name)}: not a raw layout the desk reads (TIFF-based or CR3)`);
  const p = rawPreview(bytes);
  if (!p) throw appError('RAW_NO_PREVIEW', basename(name));
  return uprightJpeg(p.bytes, p.orientation);
}

/** A path sharp may open itself, or, for a raw, the bytes of its upright embedded JPEG. */
export async function decodableFile(path: string): Promise<string | Buffer> {
  return isCameraRaw(path) ? decodableBytes(await readFile(path), path) : path;
}
