import type sharp from 'sharp';
import type { TechMeta } from '../../../shared/photo/file-meta';
import type { ExifFacts } from './exif/exif-read';
import type { XmpFacts } from './xmp/xmp-read';

// The technical facts of a photo: camera, exposure, place, and the size it is shown at.

/**
 * EXIF Orientation (CIPA DC-008 §4.6.4 table 3): 5–8 turn the picture a quarter, so the
 * displayed width is the stored height. 0 and other values are invalid and read as 1
 * (Landscape_0.jpg); HEIF rotates through its own irot/imir boxes, which libvips already
 * applied to the size it reports, so its EXIF Orientation is not applied again (HEIF,
 * ISO/IEC 23008-12 §6.5.10 note; the same rule browsers follow).
 */
export function buildTech(header: sharp.Metadata, exif: ExifFacts | null, xmp: XmpFacts | null): TechMeta {
  const heif = header.format === 'heif';
  const orientation = heif ? 1 : (exif?.orientation ?? 1);
  const w = header.width ?? 0;
  const h = header.height ?? 0;
  const swap = orientation >= 5;
  return {
    width: swap ? h : w,
    height: swap ? w : h,
    // libvips names AVIF "heif" (same container); the AV1 coding tells them apart.
    format: heif && header.compression === 'av1' ? 'avif' : (header.format ?? ''),
    orientation,
    captureDate: exif?.captureDate ?? xmpDate(xmp?.dateTimeOriginal),
    make: exif?.make ?? '',
    model: exif?.model ?? '',
    lens: exif?.lens || xmp?.lens || '',
    iso: exif?.iso ?? null,
    fNumber: exif?.fNumber ?? null,
    exposureTime: exif?.exposureTime ?? null,
    focalLength: exif?.focalLength ?? null,
    gps: exif?.gps ?? null,
  };
}

/** XMP exif:DateTimeOriginal is ISO 8601 already; keep it if it has at least a date. */
function xmpDate(s: string | undefined): string | null {
  return s && /^\d{4}-\d{2}-\d{2}/u.test(s) ? s : null;
}
