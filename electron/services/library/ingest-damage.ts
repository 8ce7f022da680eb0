import type { AppError } from '../../../shared/contract/errors';
import { appError } from '../../../shared/contract/messages';
import { DAMAGED_PREFIX } from '../../../shared/photo/damage';

export { DAMAGED_PREFIX };

// What ingest tells the user about a file that does not decode cleanly (issue 11, item 8):
// libvips' messages mapped to named errors, and the flag a kept-but-damaged photo carries.

/** Maps libvips' messages to what the user is told. */
export function decodeError(e: unknown, name: string): AppError {
  const msg = e instanceof Error ? e.message : String(e);
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
