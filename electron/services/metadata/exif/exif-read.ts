// exifr ships CommonJS to Node: only its default export works from an ESM bundle.
import exifr from 'exifr';
const { parse } = exifr;
import { exifDateToIso } from '../date';
import { clean } from '../text';

// EXIF through exifr, which copes with the damaged IFDs real cameras write (30-type_error.jpg,
// 45-gps_ifd.jpg, 67-0_length_string.jpg). Only IFD0, the Exif IFD and the GPS IFD are read:
// IFD1 describes the thumbnail, and its Orientation is not the image's (Panasonic_DMC-FZ30.jpg
// says 1 in IFD0 and 8 in IFD1; CIPA DC-008 §4.6.2 puts the primary image's tags in IFD0).

export interface ExifFacts {
  orientation: number | null;
  description: string;
  artist: string;
  copyright: string;
  captureDate: string | null;
  make: string;
  model: string;
  lens: string;
  iso: number | null;
  fNumber: number | null;
  exposureTime: number | null;
  focalLength: number | null;
  gps: { lat: number; lon: number; alt: number | null } | null;
}

type Block = Record<string, unknown>;

const num = (v: unknown): number | null => {
  const x = Array.isArray(v) || ArrayBuffer.isView(v) ? (v as ArrayLike<unknown>)[0] : v;
  return typeof x === 'number' && Number.isFinite(x) && x > 0 ? x : null;
};
const str = (v: unknown): string => (typeof v === 'string' ? clean(v) : '');

function gpsOf(gps: Block | undefined): ExifFacts['gps'] {
  if (!gps) return null;
  const lat = gps['latitude'];
  const lon = gps['longitude'];
  if (typeof lat !== 'number' || typeof lon !== 'number' || !Number.isFinite(lat) || !Number.isFinite(lon)) return null;
  if (Math.abs(lat) > 90 || Math.abs(lon) > 180) return null;
  // Receivers without a fix write 0/0; no newsroom photo is taken at Null Island.
  if (lat === 0 && lon === 0) return null;
  let alt: number | null = typeof gps['GPSAltitude'] === 'number' && Number.isFinite(gps['GPSAltitude']) ? (gps['GPSAltitude'] as number) : null;
  const ref = gps['GPSAltitudeRef'];
  const below = (ArrayBuffer.isView(ref) ? (ref as Uint8Array)[0] : typeof ref === 'object' && ref ? (ref as Block)['0'] : ref) === 1;
  if (alt !== null && below) alt = -alt; // CIPA DC-008 §4.6.6: GPSAltitudeRef 1 = below sea level
  return { lat, lon, alt };
}

/** Reads a TIFF-structured EXIF block (the bytes after "Exif\0\0", or a whole TIFF file). */
export async function readExif(tiff: Buffer, warnings: string[]): Promise<ExifFacts | null> {
  let out: Record<string, Block | undefined> | undefined;
  try {
    out = await parse(tiff, {
      tiff: true, ifd0: true, exif: true, gps: true, ifd1: false, interop: false, makerNote: false, userComment: false,
      xmp: false, iptc: false, icc: false, jfif: false, ihdr: false,
      translateKeys: true, translateValues: false, reviveValues: false, sanitize: true, mergeOutput: false, silentErrors: true,
    } as never);
  } catch (e) {
    warnings.push(`EXIF: ${(e as Error).message}`);
    return null;
  }
  if (!out) return null;
  const errors = (out as unknown as { errors?: unknown[] }).errors;
  if (Array.isArray(errors)) for (const e of errors) warnings.push(`EXIF: ${e instanceof Error ? e.message : String(e)}`);
  const ifd0 = out['ifd0'] ?? {};
  const exif = out['exif'] ?? {};
  const o = ifd0['Orientation'];
  return {
    orientation: typeof o === 'number' && Number.isInteger(o) && o >= 1 && o <= 8 ? o : null,
    description: str(ifd0['ImageDescription']),
    artist: str(ifd0['Artist']),
    copyright: str(ifd0['Copyright']),
    captureDate: exifDateToIso(exif['DateTimeOriginal'], exif['SubSecTimeOriginal'], exif['OffsetTimeOriginal']),
    make: str(ifd0['Make']),
    model: str(ifd0['Model']),
    lens: str(exif['LensModel']),
    iso: num(exif['ISO']) ?? num(exif['ISOSpeed']),
    fNumber: num(exif['FNumber']),
    exposureTime: num(exif['ExposureTime']),
    focalLength: num(exif['FocalLength']),
    gps: gpsOf(out['gps']),
  };
}
