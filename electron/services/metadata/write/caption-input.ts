import type { PhotoMeta } from '../../../../shared/document/schema';
import { exifCaptionDigest } from '../exif/exif-digest';
import { readExif } from '../exif/exif-read';

/** What every writer needs: the fields, the normalised date, and the EXIF caption digest. */
export interface WriteInput {
  meta: PhotoMeta;
  dateCreated: string;
}

export async function exifDigestOf(exifTiff: Buffer | null): Promise<string | null> {
  if (!exifTiff) return null;
  return exifCaptionDigest(await readExif(exifTiff, []));
}
