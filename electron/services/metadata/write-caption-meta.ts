import { chmod, readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import sharp from 'sharp';
import { AppError } from '../../../shared/contract/errors';
import { appError } from '../../../shared/contract/messages';
import { PhotoMeta } from '../../../shared/document/schema';
import { writeFileAtomic } from '../atomic-write';
import { normalizeDate } from './date';
import { clean, cleanList, joinNames, splitNames } from './text';
import { findNonXmlChar } from '../../../shared/photo/xml-chars';
import { sniff } from './embedded';
import { writeJpeg } from './write/write-jpeg';
import { writePng, writeWebp } from './write/write-png';
import { writeSidecar } from './write/write-sidecar';
import { isCameraRaw } from './sidecar';
import { writeTiff } from './write/write-tiff';
import { hierarchicalFor } from './xmp/xmp-write';

/** XML turns CR LF and a lone CR into LF when read (XML 1.0 §2.11); so does the record. */
const lines = (s: string): string => clean(s.replace(/\r\n?/g, '\n'));

function asWritten(m: PhotoMeta): PhotoMeta {
  return {
    ...m,
    caption: { zh: lines(m.caption.zh), en: lines(m.caption.en) },
    headline: lines(m.headline),
    creator: joinNames(splitNames(lines(m.creator))),
    credit: lines(m.credit),
    source: lines(m.source),
    copyright: lines(m.copyright),
    location: { city: lines(m.location.city), sublocation: lines(m.location.sublocation) },
    keywords: cleanList(m.keywords.map(lines)),
    ...(m.hierarchicalKeywords ? { hierarchicalKeywords: hierarchicalFor({ ...m, keywords: cleanList(m.keywords.map(lines)), hierarchicalKeywords: m.hierarchicalKeywords.map(lines) }) } : {}),
  };
}

/**
 * Writes the caption fields into the photo: XMP always (the source of truth), IPTC-IIM where
 * the file already has it. JPEG, PNG, WebP and TIFF are rewritten in place (temp file, fsync,
 * rename) without touching EXIF or image data; other formats and camera raw files get
 * "<name>.xmp" beside them, whose path is returned. Throws AppError INVALID_ARGUMENT for bad fields (e.g. a date that
 * is not one), UNSUPPORTED_FORMAT for non-images, METADATA_WRITE_FAILED otherwise; on any
 * error the file is unchanged.
 */
export async function writeCaptionMeta(file: string, meta: PhotoMeta): Promise<{ sidecar: string | null; meta: PhotoMeta }> {
  const parsed = PhotoMeta.safeParse(meta);
  // The text exactly as the file will hold it (trimmed, line ends as XML reads them back,
  // names and keywords as the writers split them): callers store this in the record, so
  // the record and what exiftool reads from the file agree.
  const checked = parsed.success ? { ...parsed, data: asWritten(parsed.data) } : parsed;
  if (!checked.success) throw appError('INVALID_ARGUMENT', `caption fields: ${checked.error.issues[0]?.message ?? 'invalid'}`);
  // Characters XML 1.0 cannot hold are refused before either writer (XMP, IIM) runs, so
  // the file, the record and what exiftool reads always agree (shared/photo/xml-chars.ts).
  const bad = findNonXmlChar(checked.data);
  if (bad) throw appError('TEXT_NOT_ALLOWED', `${bad.field}: ${bad.codePoint} at ${bad.index}`);
  const dateCreated = normalizeDate(checked.data.dateCreated);
  if (dateCreated === null) throw appError('INVALID_ARGUMENT', `dateCreated "${checked.data.dateCreated}" is not a date (YYYY-MM-DD)`);
  const input = { meta: checked.data, dateCreated };
  const name = basename(file);
  try {
    const buf = await readFile(file);
    const container = sniff(buf);
    const raw = isCameraRaw(file);
    if (container === 'other' && !raw) {
      await sharp(buf, { limitInputPixels: false }).metadata().catch((e: Error) => {
        throw appError('UNSUPPORTED_FORMAT', `${name}: ${e.message.split('\n')[0]}`);
      });
    }
    if (container === 'other' || raw) return { sidecar: await writeSidecar(file, buf, input), meta: checked.data };
    const out =
      container === 'jpeg' ? await writeJpeg(buf, input)
      : container === 'png' ? await writePng(buf, input)
      : container === 'webp' ? await writeWebp(buf, input)
      : await writeTiff(buf, input);
    if (!out.equals(buf)) {
      const { mode } = await stat(file);
      await writeFileAtomic(file, out);
      await chmod(file, mode & 0o7777).catch(() => {}); // keep the photographer's permissions
    }
    return { sidecar: null, meta: checked.data };
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw appError('METADATA_WRITE_FAILED', `${name}: ${(e as Error).message}`);
  }
}
