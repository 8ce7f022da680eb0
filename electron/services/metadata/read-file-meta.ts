import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import sharp from 'sharp';
import { appError } from '../../../shared/contract/messages';
import { captionDateFromCapture, type FileMeta } from '../../../shared/photo/file-meta';
import { extractEmbedded, sniff } from './embedded';
import { readExif } from './exif/exif-read';
import { cr3Exif } from './exif/cr3-exif';
import { rawHeaderOf } from '../raw/raw-header';
import { exifCaptionDigest } from './exif/exif-digest';
import { checkExifStructure } from './exif/exif-check';
import { fitSchema } from './fit-schema';
import { parseIim } from './iptc/iim';
import { readIimFields } from './iptc/iim-fields';
import { iimDigest } from './iptc/irb';
import { reconcile } from './reconcile';
import { isCameraRaw, readSidecar } from './sidecar';
import { buildTech } from './tech';
import { readXmp, type XmpFacts } from './xmp/xmp-read';
import { readXmpMarks } from './xmp/xmp-marks';

/**
 * Caption fields and technical facts of one photo file. Damaged metadata never throws: what
 * can be read is returned and the rest is described in `warnings`. Throws an AppError
 * UNSUPPORTED_FORMAT when libvips does not recognise the file as an image at all, and the
 * plain fs error when the file cannot be read.
 */
export async function readFileMeta(file: string): Promise<FileMeta> {
  return readMetaFromBytes(await readFile(file), file);
}

/**
 * The same from bytes already in memory (issue 15: ingest reads a file once): `file` names
 * where the bytes live (a sidecar beside it is read for raw and HEIF files), and `header`
 * is libvips' header when the caller already has it, so it is not parsed twice.
 */
export async function readMetaFromBytes(buf: Buffer, file: string, known?: sharp.Metadata): Promise<FileMeta> {
  const warnings: string[] = [];
  let header: sharp.Metadata;
  try {
    // A camera raw's size is its embedded JPEG's (raw-header.ts), not libvips' reading of IFD0.
    header = known ?? (isCameraRaw(file) ? rawHeaderOf(buf, file) : null) ?? await sharp(buf, { limitInputPixels: false }).metadata();
  } catch (e) {
    const why = (e as Error).message.split('\n')[0];
    const container = sniff(buf);
    if (container === 'other') throw appError('UNSUPPORTED_FORMAT', `${basename(file)}: ${why}`);
    // A damaged JPEG/PNG/WebP/TIFF is still a photo: its metadata may be whole.
    warnings.push(`image header unreadable (${why}); size unknown`);
    header = { format: container } as sharp.Metadata;
  }
  const embedded = await extractEmbedded(buf, warnings);

  // Formats written through a sidecar read it first, so the desk sees what it wrote.
  let xmpText = embedded.xmp;
  if (embedded.container === 'other' || isCameraRaw(file)) xmpText = (await readSidecar(file).catch(() => null)) ?? xmpText;
  let xmp: XmpFacts | null = null;
  if (xmpText) {
    try {
      xmp = readXmp(xmpText, warnings);
    } catch (e) {
      warnings.push(`XMP unreadable: ${(e as Error).message}`);
    }
  }

  const iim = embedded.iim ? readIimFields(parseIim(embedded.iim, warnings)) : null;
  const iimEditedSinceXmp = !!(embedded.iim && embedded.storedDigest && !embedded.storedDigest.equals(iimDigest(embedded.iim)));
  if (embedded.exif && embedded.container !== 'tiff') warnings.push(...checkExifStructure(embedded.exif));
  const exif = embedded.exif ? await readExif(embedded.exif, warnings) : isCameraRaw(file) ? await cr3Exif(buf, warnings) : null;

  const caption = fitSchema(
    reconcile({ xmp, iim, iimEditedSinceXmp, exif, exifDigest: exifCaptionDigest(exif) }),
    warnings,
  );
  const tech = buildTech(header, exif, xmp);
  // MWG 2.0 "DateTimeOriginal": XMP photoshop:DateCreated, IPTC 2:55/2:60 and EXIF
  // DateTimeOriginal are one property. XMP and IIM came first above (a date typed on the desk
  // or in Photo Mechanic wins); a file with neither takes the camera's capture time, so the
  // panel's 拍摄日期 starts from it.
  if (!caption.dateCreated && tech.captureDate) caption.dateCreated = captionDateFromCapture(tech.captureDate);
  return { caption, tech, marks: readXmpMarks(xmpText), warnings };
}
