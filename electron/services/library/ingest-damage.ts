import type { AppError } from '../../../shared/contract/errors';
import { appError } from '../../../shared/contract/messages';
import { DAMAGED_PREFIX } from '../../../shared/photo/damage';

export { DAMAGED_PREFIX };

// What ingest tells the user about a file that does not decode cleanly (issue 11, item 8):
// libvips' messages mapped to named errors, and the flag a kept-but-damaged photo carries.

/**
 * A JPEG whose last bytes hold no end-of-image marker (FF D9) was cut short: told as such
 * whatever libvips said. Its message alone was not enough: with several photos in flight
 * a truncated card file was once reported as damaged (CI, photo-desk.spec), libvips'
 * wording depending on where its reader stopped.
 */
function jpegCutShort(bytes: Uint8Array | undefined): boolean {
  if (!bytes || bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8) return false;
  // Some writers pad after the marker: look at the last kilobyte.
  for (let i = bytes.length - 2; i >= Math.max(2, bytes.length - 1024); i--) if (bytes[i] === 0xff && bytes[i + 1] === 0xd9) return false;
  return true;
}

/** Maps libvips' messages (and, given the bytes, a JPEG cut short) to what the user is told. */
export function decodeError(e: unknown, name: string, bytes?: Uint8Array): AppError {
  const msg = e instanceof Error ? e.message : String(e);
  if (jpegCutShort(bytes)) return appError('IMAGE_TRUNCATED', `${name}: no end-of-image marker (${msg.split('\n')[0]})`);
  if (/pixel limit/i.test(msg)) return appError('PIXEL_LIMIT', `${name}: ${msg}`);
  if (/unsupported image format|bad seek|not a known file format/i.test(msg)) return appError('UNSUPPORTED_FORMAT', `${name}: ${msg}`);
  // libjpeg says "premature end of JPEG image" for a file cut short, but "Corrupt JPEG
  // data: premature end of data segment" for a damaged scan in a complete file.
  if (/premature end of (JPEG|input)|truncated|unexpected end of file/i.test(msg)) return appError('IMAGE_TRUNCATED', `${name}: ${msg}`);
  return appError('IMAGE_DAMAGED', `${name}: ${msg.split('\n')[0]}`);
}


/** The flag a photo gets when the strict decode or the scan check reported damage the lenient decode got past. */
export function damageWarnings(damaged: string | null): string[] {
  return damaged ? [`${DAMAGED_PREFIX}: ${damaged}`] : [];
}
