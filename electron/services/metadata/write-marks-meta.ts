import { chmod, readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { AppError } from '../../../shared/contract/errors';
import { appError } from '../../../shared/contract/messages';
import type { PhotoMarks } from '../../../shared/photo/marks';
import { writeFileAtomic } from '../atomic-write';
import { jpegMetadata, MAX_STANDARD_XMP, parseJpeg, rebuildJpeg } from './containers/jpeg';
import { parsePng, pngMetadata, rebuildPng } from './containers/png';
import { appendIfd0, entryData, parseTiff, TAG_XMP, tiffMetadata, TYPE_BYTE } from './containers/tiff';
import { parseWebp, rebuildWebp, webpMetadata } from './containers/webp';
import { extractEmbedded, sniff } from './embedded';
import { isCameraRaw, readSidecar, sidecarPath } from './sidecar';
import { mergeXmpMarks } from './xmp/xmp-marks';
import { decodeXmpBytes } from './xmp/xmp-encoding';

// Rating and colour label into the photo file by the same path as captions
// (write-caption-meta.ts): the XMP packet is merged and put back at the segment/chunk level,
// EXIF, IPTC-IIM and the compressed image keep their bytes, the write is atomic, and a file
// whose structure or XMP does not parse is left as it was (the error says why).

async function rewrite(buf: Buffer, marks: PhotoMarks): Promise<Buffer> {
  switch (sniff(buf)) {
    case 'jpeg': {
      const layout = parseJpeg(buf);
      const m = jpegMetadata(buf, layout);
      const packet = mergeXmpMarks((m.xmp[0] ? decodeXmpBytes(m.xmp[0]) : null), marks, { embedded: true, maxBytes: MAX_STANDARD_XMP });
      return rebuildJpeg(buf, layout, packet, null);
    }
    case 'png': {
      const chunks = parsePng(buf);
      return rebuildPng(buf, chunks, mergeXmpMarks(pngMetadata(buf, chunks).xmp[0] ?? null, marks, { embedded: true }));
    }
    case 'webp': {
      const chunks = parseWebp(buf);
      return rebuildWebp(buf, chunks, mergeXmpMarks(webpMetadata(buf, chunks).xmp[0] ?? null, marks, { embedded: true }));
    }
    case 'tiff': {
      const layout = parseTiff(buf);
      const existing = tiffMetadata(buf, layout).xmp[0] ?? null;
      // In place when the new packet fits the old one's room (XMP Spec Part 1 §7.3.2).
      const entry = layout.entries.find((e) => e.tag === TAG_XMP);
      const old = entry ? entryData(buf, layout, entry) : null;
      if (old && old.length > 4) {
        const packet = mergeXmpMarks(existing, marks, { embedded: true, exactBytes: old.length });
        if (packet.length === old.length) {
          const out = Buffer.from(buf);
          packet.copy(out, old.byteOffset - buf.byteOffset);
          return out;
        }
      }
      return appendIfd0(buf, layout, [{ tag: TAG_XMP, type: TYPE_BYTE, data: mergeXmpMarks(existing, marks, { embedded: true }) }]);
    }
    default:
      throw new Error('not a container the desk writes into');
  }
}

/**
 * Writes xmp:Rating / xmp:Label into the file (or its .xmp sidecar for HEIF/AVIF and raw
 * files, whose path is returned). Only the marks given change. Throws METADATA_WRITE_FAILED
 * with the file unchanged when the file cannot be rewritten safely.
 */
export async function writeMarksMeta(file: string, marks: PhotoMarks): Promise<{ sidecar: string | null }> {
  const name = basename(file);
  try {
    const buf = await readFile(file);
    if (sniff(buf) === 'other' || isCameraRaw(file)) {
      const base = (await readSidecar(file)) ?? (await extractEmbedded(buf, [])).xmp;
      const target = sidecarPath(file);
      await writeFileAtomic(target, mergeXmpMarks(base, marks, { embedded: false }));
      return { sidecar: target };
    }
    const out = await rewrite(buf, marks);
    if (!out.equals(buf)) {
      const { mode } = await stat(file);
      await writeFileAtomic(file, out);
      await chmod(file, mode & 0o7777).catch(() => {}); // keep the photographer's permissions
    }
    return { sidecar: null };
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw appError('METADATA_WRITE_FAILED', `${name}: ${(e as Error).message}`);
  }
}
